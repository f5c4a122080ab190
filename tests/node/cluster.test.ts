// `npm start`'s entry point with BOILERSTRIP_WORKERS=2, run as its own process: the primary forks
// two worker processes that serve on one port, replaces a worker that is killed, and stops them
// all on SIGTERM. A worker count that is not a number stops start-up with a message.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import { runServer } from "./run-server.ts";
import { APPEAL, sitePage } from "../http/site-cases.ts";

const ARTICLE = fs.readFileSync(path.join(REPO_ROOT, "samples", fs.readdirSync(path.join(REPO_ROOT, "samples")).find((f) => f.endsWith(".txt"))!), "utf8");
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill("SIGKILL")));
const run = (env: Record<string, string>) => runServer(env, children);

/** The pids of a process's children (the cluster's workers). */
const childrenOf = (pid: number) => fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

async function cleanOk(url: string) {
  const res = await fetch(`${url}/v1/clean`, { method: "POST", headers: { "content-type": "text/plain" }, body: ARTICLE });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { text: string; mode: string };
  expect(body.mode).toBe("text");
  expect(body.text.length).toBeGreaterThan(100);
}

/**
 * Waits until the port answers again. The primary holds the port only while some worker listens on
 * it: when the one killed was the only worker listening yet (the other still loading its models on
 * a busy machine), connections are refused until the replacement has started.
 */
async function serving(url: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer /healthz within 30 s`);
}

describe("clustered server (npm start)", () => {
  it("serves from two worker processes, replaces one that dies, and stops them all on SIGTERM", async () => {
    const s = run({ BOILERSTRIP_WORKERS: "2" });
    const url = (await s.seen(/listening on (http:\/\/\S+) .*2 worker processes/))[1];
    // Both workers are up once each has listened; the primary announces only the first.
    let workers: number[] = [];
    for (let i = 0; i < 600 && workers.length < 2; i++) { workers = childrenOf(s.child.pid!); await new Promise((r) => setTimeout(r, 50)); }
    expect(workers).toHaveLength(2);
    await Promise.all(Array.from({ length: 8 }, () => cleanOk(url)));

    process.kill(workers[0], "SIGKILL");
    await s.seen(new RegExp(`worker ${workers[0]} exited SIGKILL; starting another`));
    let now: number[] = [];
    for (let i = 0; i < 600; i++) {
      now = childrenOf(s.child.pid!);
      if (now.length === 2 && !now.includes(workers[0])) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(now).toHaveLength(2);
    expect(now).toContain(workers[1]);
    await serving(url);
    await Promise.all(Array.from({ length: 8 }, () => cleanOk(url)));

    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    for (const pid of now) expect(alive(pid)).toBe(false);
  }, 120_000);

  it("stops, with a message, when no worker can listen (the port is taken) instead of restarting them", async () => {
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, "127.0.0.1", () => r()));
    try {
      const s = run({ BOILERSTRIP_WORKERS: "2", PORT: String((taken.address() as net.AddressInfo).port) });
      expect(await s.exited).not.toBe(0);
      expect(s.output()).toMatch(/exited .* before it could serve; stopping/);
      expect(s.output()).not.toMatch(/starting another/);
    } finally {
      taken.close();
    }
  }, 60_000);

  it("its workers share one set of site templates, kept by the primary: learned, read and forgotten alike from either", async () => {
    const s = run({ BOILERSTRIP_WORKERS: "2" });
    const url = (await s.seen(/listening on (http:\/\/\S+) .*2 worker processes/))[1];
    let workers: number[] = [];
    for (let i = 0; i < 600 && workers.length < 2; i++) { workers = childrenOf(s.child.pid!); await new Promise((r) => setTimeout(r, 50)); }
    await serving(url);
    // A new connection per request: the primary hands connections to its workers in turn.
    const ask = (path: string, init?: RequestInit) => fetch(url + path, { ...init, headers: { ...init?.headers, connection: "close" } });
    for (let k = 0; k < 3; k++) {
      const res = await ask("/v1/sites/shared.example/learn", { method: "POST", headers: { "content-type": "text/plain" }, body: sitePage(k) });
      expect(((await res.json()) as { pages: number }).pages).toBe(k + 1);
    }
    for (let i = 0; i < 6; i++) {
      expect(((await (await ask("/v1/sites/shared.example")).json()) as { pages: number }).pages).toBe(3);
      const body = (await (await ask("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: sitePage(3), site: "shared.example" }) })).json()) as { text: string };
      expect(body.text).not.toContain(APPEAL);
    }
    expect(await (await ask("/v1/sites/shared.example", { method: "DELETE" })).json()).toEqual({ site: "shared.example", deleted: true });
    for (let i = 0; i < 6; i++) expect((await ask("/v1/sites/shared.example")).status).toBe(404);
    // Learns sent at once reach both workers; the primary adds each page to the template it holds.
    const learns = await Promise.all(Array.from({ length: 12 }, (_, i) => ask("/v1/sites/racing.example/learn", { method: "POST", headers: { "content-type": "text/plain" }, body: sitePage(i % 4) })));
    expect(learns.map((r) => r.status)).toEqual(Array(12).fill(200));
    const counts = await Promise.all(learns.map(async (r) => ((await r.json()) as { pages: number }).pages));
    expect([...counts].sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    for (let i = 0; i < 2; i++) expect(((await (await ask("/v1/sites/racing.example")).json()) as { pages: number }).pages).toBe(12);
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
  }, 120_000);

  it("a worker count that is not a positive integer stops start-up with a message", async () => {
    const s = run({ BOILERSTRIP_WORKERS: "lots" });
    expect(await s.exited).not.toBe(0);
    expect(s.output()).toMatch(/BOILERSTRIP_WORKERS must be an integer >= 1, not lots/);
  }, 60_000);
});
