// The Worker bundle as wrangler builds it for deployment: its size, raw and gzip, and its
// start-up time in workerd: from spawning workerd on the bundle (configured like wrangler.toml)
// to the first 200 from /healthz, which also parses the bundled model (it loads on first use).
// Then the cost of a request inside workerd, the budget the free plan counts (10 ms of CPU): the
// sample's pages sent one at a time, as HTML (the fast engine, the default) and as loose_text:
// wall time per request (p50/p90, one request in flight, so it is CPU plus loopback) and workerd's
// own CPU for each request, read from the scheduler's accounting before and after it
// (servers.ts exactCpuOfTree): its p50/p90 and mean, and how many requests went over the free
// plan's 10 ms. Two passes over the pages: the first right after start-up (much of the
// code still unoptimised: what a new isolate's first requests cost), the second in the warmed
// isolate (the steady state of one that serves traffic).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fmt, pct, sum, timing, type Timing } from "./stats.ts";
import type { CorpusPage } from "../../src/eval/corpus.ts";
import { buildBundle, exactCpuOfTree, startWorkerd, type Server } from "./servers.ts";
import { DEFAULT_MAX_BODY_BYTES } from "../../src/http/app.ts";

// Cold starts measured: the median of a few, as one can be slowed by the other work on the machine.
const STARTS = 5;

export interface RequestCost { wall: Timing; cpu: Timing; cpu_mean_ms: number; over_budget: number; requests: number }
export interface WorkerRow {
  raw_kib: number; gzip_kib: number; start_ms: { median: number; min: number; all: number[] };
  /** Per request in workerd: the sample's HTML (fast engine) and its loose_text, one at a time; /healthz for the floor. */
  requests?: Record<"html" | "loose_text" | "healthz", { first: RequestCost; second: RequestCost }>;
}

// Requests per page kind: each of the sample's pages twice (two passes), after a warm-up over a few.
const WARM_UP = 10;
// The Workers free plan's CPU time per request.
const FREE_PLAN_CPU_MS = 10;

async function cost(server: Server, bodies: { body?: string; type: string; path: string }[]): Promise<{ first: RequestCost; second: RequestCost }> {
  const send = async (b: (typeof bodies)[number]) => {
    const res = await fetch(server.url + b.path, b.body === undefined ? {} : { method: "POST", headers: { "content-type": b.type }, body: b.body });
    await res.arrayBuffer();
    // Only successful requests are timed: an error answer is cheaper and would flatter the figure.
    if (!res.ok) throw new Error(`${b.path} in workerd answered ${res.status}`);
  };
  for (const b of bodies.slice(0, WARM_UP)) await send(b);
  const pass = async (): Promise<RequestCost> => {
    const wall: number[] = [], cpu: number[] = [];
    for (const b of bodies) {
      const c = exactCpuOfTree(server.pid);
      const t = performance.now();
      await send(b);
      wall.push(performance.now() - t);
      cpu.push(exactCpuOfTree(server.pid) - c);
    }
    return { wall: timing(wall), cpu: timing(cpu), cpu_mean_ms: sum(cpu) / cpu.length, over_budget: cpu.filter((ms) => ms > FREE_PLAN_CPU_MS).length, requests: bodies.length };
  };
  const first = await pass();
  return { first, second: await pass() };
}

export async function benchWorker(repoRoot: string, sample: CorpusPage[] = []): Promise<WorkerRow> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "bs-bundle-"));
  try {
    const bundle = await buildBundle(repoRoot, out);
    const code = fs.readFileSync(bundle);
    const raw = code.length / 1024, gzip = zlib.gzipSync(code).length / 1024;
    console.log(`worker bundle: ${raw.toFixed(0)} KiB raw, ${gzip.toFixed(0)} KiB gzip`);
    const all: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      const s = await startWorkerd(repoRoot, bundle);
      all.push(s.startMs);
      await s.stop();
    }
    const row: WorkerRow = { raw_kib: raw, gzip_kib: gzip, start_ms: { median: pct(all, 0.5), min: Math.min(...all), all } };
    console.log(`worker start-up in workerd (spawn to first /healthz 200, model loaded): median ${fmt(row.start_ms.median)} ms, min ${fmt(row.start_ms.min)} ms of ${STARTS}`);
    if (sample.length) {
      const s = await startWorkerd(repoRoot, bundle);
      try {
        // Pages over the body limit are answered 413 by design and are not timed.
        const fits = sample.filter((p) => Buffer.byteLength(p.html) <= DEFAULT_MAX_BODY_BYTES);
        const html = await cost(s, fits.map((p) => ({ path: "/v1/clean", type: "text/html; charset=utf-8", body: p.html })));
        const loose = await cost(s, sample.map((p) => ({ path: "/v1/clean", type: "text/plain; charset=utf-8", body: p.loose_text })));
        const healthz = await cost(s, sample.map(() => ({ path: "/healthz", type: "" })));
        row.requests = { html, loose_text: loose, healthz };
        const one = (c: RequestCost) => `wall p50 ${fmt(c.wall.p50_ms)} ms, p90 ${fmt(c.wall.p90_ms)} ms; workerd CPU p50 ${fmt(c.cpu.p50_ms)} ms, p90 ${fmt(c.cpu.p90_ms)} ms, mean ${fmt(c.cpu_mean_ms)} ms, over ${FREE_PLAN_CPU_MS} ms: ${c.over_budget} of ${c.requests}`;
        const line = (name: string, c: { first: RequestCost; second: RequestCost }) => `  ${name.padEnd(26)} first pass:  ${one(c.first)}\n  ${"".padEnd(26)} second pass: ${one(c.second)}`;
        console.log(`worker requests in workerd, one at a time (free plan: ${FREE_PLAN_CPU_MS} ms CPU per request):`);
        console.log(line("HTML (fast engine)", html) + (fits.length < sample.length ? ` (${sample.length - fits.length} pages over the ${DEFAULT_MAX_BODY_BYTES / 1024 / 1024} MB body limit left out)` : ""));
        console.log(line("loose_text", loose));
        console.log(line("/healthz (the floor)", healthz));
      } finally {
        await s.stop();
      }
    }
    return row;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
