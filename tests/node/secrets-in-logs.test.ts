// Nothing secret in logs: `npm start`'s entry point, run as its own process with API keys, is
// sent right and wrong keys and a set of failing requests; neither the keys nor the wrong tokens
// appear in what it writes. A key that cannot be used stops start-up without being printed.
import type { ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { KEY_A, KEY_B } from "../http/security-cases.ts";
import { runServer } from "./run-server.ts";

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill()));
const run = (env: Record<string, string>) => runServer(env, children);

describe("nothing secret in logs", () => {
  it("keys and wrong tokens never appear in the server's stdout or stderr", async () => {
    const s = run({ BOILERSTRIP_API_KEYS: `${KEY_A},${KEY_B}`, BOILERSTRIP_RATE_LIMIT: "1000" });
    const url = await s.listening;
    const wrong = KEY_A.slice(0, -2) + "zz";
    const auth = (k: string) => ({ authorization: `Bearer ${k}` });
    const requests: [string, RequestInit][] = [
      ["/v1/clean", { method: "POST", headers: auth(KEY_A), body: "A line of text." }],
      ["/v1/clean", { method: "POST", headers: auth(wrong), body: "A line of text." }],
      ["/v1/clean", { method: "POST", headers: { ...auth(KEY_B), "content-type": "application/json" }, body: `{"text": 1, "key": "${KEY_B}"}` }],
      ["/v1/clean", { method: "POST", headers: { ...auth(KEY_B), "content-type": "application/json" }, body: `{"text": "${KEY_A}` }],
      ["/v1/clean", { method: "POST", headers: { ...auth(KEY_A), "content-type": "text/plain; charset=bogus" }, body: "x" }],
      [`/v1/clean?minConfidence=${KEY_B}`, { method: "POST", headers: auth(KEY_A), body: "x" }],
      [`/nope/${KEY_A}`, { headers: auth(KEY_A) }],
    ];
    const statuses: number[] = [];
    for (const [p, init] of requests) statuses.push((await fetch(url + p, init)).status);
    expect(statuses).toEqual([200, 403, 400, 400, 415, 400, 404]);
    s.child.kill();
    await s.exited;
    const out = s.output();
    expect(out).toMatch(/listening on/);
    for (const secret of [KEY_A, KEY_B, wrong]) expect(out).not.toContain(secret);
  });

  it("a malformed key stops start-up with a message that names its position, not the key", async () => {
    const bad = "secret with spaces";
    const s = run({ BOILERSTRIP_API_KEYS: `${KEY_A},${bad}` });
    await expect(s.listening).rejects.toThrow(/key #2/);
    expect(await s.exited).not.toBe(0);
    expect(s.output()).not.toContain(bad);
    expect(s.output()).not.toContain(KEY_A);
  });
});
