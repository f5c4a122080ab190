// Every hostile case through the HTTP app in-process and against the Node server over a socket.
import { afterAll, beforeAll, describe, it } from "vitest";
import { createApp } from "../../src/http/app.ts";
import { nodeDeps } from "../../src/node/deps.ts";
import { serviceConfigFrom } from "../../src/http/config.ts";
import { startServer, type NodeServer } from "../../src/node/server.ts";
import { HOSTILE_CASES, runHostile } from "./cases.ts";

// These cases check how the pipeline itself copes; the time budget has its own test (budget.test.ts),
// so it is set far out here that a loaded CI machine cannot turn a slow 200 into a 422.
const ENV = { BOILERSTRIP_TIME_BUDGET_MS: "120000" };

describe("hostile input, HTTP app in-process", () => {
  const { node: _, ...config } = serviceConfigFrom(ENV);
  const app = createApp({ ...config, ...nodeDeps() });
  for (const c of HOSTILE_CASES) it(c.name, () => runHostile(c, async (path, init) => app.request(path, init)));
});

describe("hostile input, Node server", () => {
  let server: NodeServer;
  beforeAll(async () => void (server = await startServer({ port: 0, host: "127.0.0.1", env: ENV })));
  afterAll(() => server?.close());
  for (const c of HOSTILE_CASES) it(c.name, () => runHostile(c, (path, init) => fetch(server.url + path, init)));
});
