// The shared HTTP cases (and the site-template ones) against the Node server, started on a free
// port and called over a socket.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type NodeServer } from "../../src/node/server.ts";
import { HTML_CASES, HTTP_CASES } from "../http/cases.ts";
import { SITE_CASES } from "../http/site-cases.ts";

let server: NodeServer;
beforeAll(async () => {
  server = await startServer({ port: 0, host: "127.0.0.1", env: {} });
});
afterAll(() => server?.close());

describe("HTTP against the Node server", () => {
  it("listens on a loopback socket", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
  // The server keeps site templates in its memory (startServer), so the site cases run here too.
  for (const c of [...HTTP_CASES, ...HTML_CASES, ...SITE_CASES]) it(c.name, () => c.run((path, init) => fetch(server.url + path, init)));
});
