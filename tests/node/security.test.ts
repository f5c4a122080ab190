// The access-control cases against the Node server over a socket, configured from env as
// `npm start` is; and the per-address rate limit, which needs a real client address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type NodeServer } from "../../src/node/server.ts";
import { OPEN_CASES, SECURED_CASES, SECURED_ENV } from "../http/security-cases.ts";

const servers: NodeServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));
const start = async (env: Record<string, string>) => {
  const s = await startServer({ port: 0, host: "127.0.0.1", env });
  servers.push(s);
  return s;
};

describe("access control against the Node server, default configuration", () => {
  let s: NodeServer;
  beforeAll(async () => void (s = await start({})));
  for (const c of OPEN_CASES) it(c.name, () => c.run((path, init) => fetch(s.url + path, init)));
});

describe("access control against the Node server, keys + rate limit + CORS", () => {
  let s: NodeServer;
  beforeAll(async () => void (s = await start(SECURED_ENV)));
  for (const c of SECURED_CASES) it(c.name, () => c.run((path, init) => fetch(s.url + path, init)));
});

describe("rate limit per client address when no keys are configured", () => {
  it("the 4th request a minute from 127.0.0.1 gets 429; /healthz is not limited", async () => {
    const s = await start({ BOILERSTRIP_RATE_LIMIT: "3" });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(s.url + "/v1/clean", { method: "POST", body: "Some text of a page." })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    for (let i = 0; i < 5; i++) expect((await fetch(s.url + "/healthz")).status).toBe(200);
  });
});
