// The bench's wrk driver (scripts/bench/wrk.ts) against the real Node server: it sends the bodies
// it is given, counts every status, and reports a response of the wrong class as unexpected; a
// "zero errors" figure in the bench rests on this count.
import { afterAll, beforeAll, expect, it } from "vitest";
import { hammerWrk, haveWrk, requestFile } from "../../scripts/bench/wrk.ts";
import type { LoadRequest } from "../../scripts/bench/http.ts";
import { startServer, type NodeServer } from "../../src/node/server.ts";

const TEXT = "The council voted on Tuesday to keep the library open on Sundays through the winter.\n\nSubscribe to our newsletter";
const text = (body: string, expect: 2 | 4): LoadRequest => ({ method: "POST", path: "/v1/clean", headers: { "content-type": "text/plain; charset=utf-8" }, body, expect });
// A short run: enough for hundreds of requests on any machine.
const RUN = { connections: 2, seconds: 1, timeoutS: 5 };

let server: NodeServer;
beforeAll(async () => { server = await startServer({ port: 0, env: {} }); });
afterAll(async () => { await server?.close(); });

it("wrk is installed (scripts/system-deps.sh installs it)", () => {
  expect(haveWrk()).toBe(true);
});

it("counts every response, and none of the right class as unexpected", async () => {
  const r = await hammerWrk(server.url, [text(TEXT, 2), text("Å second, non-ASCII body: naïve café.", 2)], RUN);
  expect(r.generator).toBe("wrk");
  expect(r.requests).toBeGreaterThan(50);
  expect(r.statuses).toEqual({ 200: r.requests });
  expect(r).toMatchObject({ errors: 0, timeouts: 0, unexpected: 0 });
  expect(r.p50_ms).toBeGreaterThan(0);
  expect(r.p99_ms).toBeGreaterThanOrEqual(r.p50_ms);
  expect(r.generator_cpu_ms).toBeGreaterThanOrEqual(0);
});

it("reports responses of the wrong class as unexpected", async () => {
  const r = await hammerWrk(server.url, [{ method: "POST", path: "/v1/clean", headers: { "content-type": "image/png" }, body: "\x89PNG", expect: 2 }], RUN);
  expect(r.requests).toBeGreaterThan(50);
  expect(r.statuses).toEqual({ 415: r.requests });
  expect(r.unexpected).toBe(r.requests);
});

it("refuses a mix of expected classes, which it could not check", async () => {
  await expect(hammerWrk(server.url, [text(TEXT, 2), text("", 4)], RUN)).rejects.toThrow(/same status class/);
});

it("writes each body with its exact byte length", () => {
  const file = requestFile([text("naïve", 2), { method: "GET", path: "/healthz", expect: 2 }]).toString("utf8");
  expect(file).toBe("POST\t/v1/clean\ttext/plain; charset=utf-8\t6\nnaïve\nGET\t/healthz\t\t0\n\n");
});
