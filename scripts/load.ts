// npm run load [-- --requests 100000 | --seconds S] [--connections C] [--worker] [--pages N]
//                [--out reports/load.json]
// Load test (issue 5): mixed real pages from the corpus, both kinds (loose_text as text/plain,
// page_text as JSON with explain), with invalid requests mixed in that must get a 4xx, sent at high
// concurrency to the Node server started here (or `wrangler dev` with --worker) on a free port.
// Reports requests, failures (a wrong status class, socket errors, timeouts), latency
// percentiles, and the server's resident memory (from /proc/PID/status, so the server needs no
// extra route) before, during (sampled every second) and after the run.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "../src/eval/corpus.ts";
import { mulberry32 } from "../src/train/logreg.ts";
import { describeLoad, hammer, type LoadRequest } from "./bench/http.ts";
import { seededSample } from "./bench/sample.ts";
import { memoryOf, startNode, startWrangler, type Server } from "./bench/servers.ts";

// Defaults: 200 pages give 400 distinct documents; 64 connections is "high" for a 2-core machine
// (more only queues); 20,000 requests take a few minutes. --requests 100000 is the long run.
const DEFAULT_PAGES = 200;
const DEFAULT_CONNECTIONS = 64;
const DEFAULT_REQUESTS = 20_000;
const SEED = 11;
// Seconds the server is left idle after the run before the "after" memory reading.
const SETTLE_S = 5;

const { values: args } = parseArgs({
  options: {
    requests: { type: "string" }, seconds: { type: "string" }, connections: { type: "string" },
    worker: { type: "boolean", default: false }, pages: { type: "string" }, corpus: { type: "string" },
    out: { type: "string" },
  },
});
const connections = Number(args.connections ?? DEFAULT_CONNECTIONS);
const bound = args.seconds ? { seconds: Number(args.seconds) } : { amount: Number(args.requests ?? DEFAULT_REQUESTS) };
const out = args.out ?? path.join(REPO_ROOT, "reports", args.worker ? "load-worker.json" : "load.json");

// Invalid requests, each with the 4xx it must get: about one request in eleven is one of these.
const INVALID: LoadRequest[] = [
  { method: "POST", path: "/v1/clean", headers: { "content-type": "application/json" }, body: '{"text": "unterminated', expect: 4 },
  { method: "POST", path: "/v1/clean", headers: { "content-type": "application/json" }, body: '{"text": ""}', expect: 4 },
  { method: "POST", path: "/v1/clean", headers: { "content-type": "application/json" }, body: '{"text": "x", "options": {"explain": 3}}', expect: 4 },
  { method: "POST", path: "/v1/clean", headers: { "content-type": "image/png" }, body: "\x89PNG", expect: 4 },
  { method: "POST", path: "/v1/clean", headers: { "content-type": "text/plain" }, body: "", expect: 4 },
  { method: "GET", path: "/v1/clean", expect: 4 },
  { method: "POST", path: "/v1/nowhere", headers: { "content-type": "text/plain" }, body: "text", expect: 4 },
];
const INVALID_EVERY = 11;

const { pages } = await seededSample(Number(args.pages ?? DEFAULT_PAGES), { seed: SEED, corpus: args.corpus });
const reqs: LoadRequest[] = [];
for (const p of pages) {
  if (p.loose_text.trim()) reqs.push({ method: "POST", path: "/v1/clean", headers: { "content-type": "text/plain; charset=utf-8" }, body: p.loose_text, expect: 2 });
  if (p.page_text.trim()) reqs.push({ method: "POST", path: "/v1/clean", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: p.page_text, url: p.url ?? undefined, options: { explain: true } }), expect: 2 });
}
// A seeded shuffle (every connection walks the list from the start), then the invalid ones spread in.
const rand = mulberry32(SEED);
for (let i = reqs.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [reqs[i], reqs[j]] = [reqs[j], reqs[i]]; }
const mixed: LoadRequest[] = [];
reqs.forEach((r, i) => { mixed.push(r); if (i % (INVALID_EVERY - 1) === 0) mixed.push(INVALID[(i / (INVALID_EVERY - 1)) % INVALID.length]); });
const bytes = mixed.reduce((a, r) => a + Buffer.byteLength(r.body ?? ""), 0);
console.log(`${mixed.length} distinct requests (${reqs.length} documents from ${pages.length} pages, ${mixed.length - reqs.length} invalid; ${(bytes / mixed.length / 1024).toFixed(1)} KiB mean body), ${connections} connections, ${"amount" in bound ? `${bound.amount} requests` : `${bound.seconds} s`}`);

/** The process whose memory is watched: the Node server itself, or wrangler's workerd child. */
function watchedPid(server: Server): number {
  if (!args.worker) return server.pid;
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // state ppid pgrp ...
      if (Number(fields[2]) === server.pid && stat.includes("(workerd)")) return Number(d);
    } catch { /* gone */ }
  }
  return server.pid;
}

const server = await (args.worker ? startWrangler : startNode)(REPO_ROOT);
try {
  const pid = watchedPid(server);
  const before = memoryOf(pid);
  console.log(`${server.name} started in ${(server.startMs / 1000).toFixed(2)} s; watching pid ${pid}: RSS ${before.rss_mb.toFixed(0)} MB before the run`);
  const samples: { s: number; rss_mb: number }[] = [];
  const t0 = performance.now();
  const timer = setInterval(() => {
    try { samples.push({ s: (performance.now() - t0) / 1000, rss_mb: memoryOf(pid).rss_mb }); } catch { /* exited */ }
  }, 1000);
  const result = await hammer(server.url, mixed, { connections, ...bound });
  clearInterval(timer);
  await new Promise((r) => setTimeout(r, SETTLE_S * 1000));
  const after = memoryOf(pid);
  // Flat memory: the median RSS of the first and the last tenth of the run.
  const tenth = Math.max(1, Math.floor(samples.length / 10));
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
  const early = median(samples.slice(0, tenth).map((x) => x.rss_mb)), late = median(samples.slice(-tenth).map((x) => x.rss_mb));
  const failures = result.unexpected + result.errors + result.timeouts;
  console.log(describeLoad(result));
  console.log(`statuses: ${JSON.stringify(result.statuses)}`);
  console.log(`failures: ${failures} (${result.unexpected} wrong status class, ${result.errors} socket errors, ${result.timeouts} timeouts)`);
  console.log(`server RSS: before ${before.rss_mb.toFixed(0)} MB, during max ${Math.max(...samples.map((x) => x.rss_mb)).toFixed(0)} MB (first tenth ${early.toFixed(0)}, last tenth ${late.toFixed(0)}), after ${after.rss_mb.toFixed(0)} MB (+${SETTLE_S} s idle), peak ${after.peak_mb.toFixed(0)} MB`);
  const report = {
    created: new Date().toISOString(), server: server.name, start_ms: server.startMs, distinct_requests: mixed.length,
    invalid_share: (mixed.length - reqs.length) / mixed.length, mean_body_bytes: bytes / mixed.length, ...result, failures,
    memory_mb: { before: before.rss_mb, during_max: Math.max(...samples.map((x) => x.rss_mb)), first_tenth: early, last_tenth: late, after: after.rss_mb, peak: after.peak_mb },
    rss_samples: samples,
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
  console.log(`report: ${path.relative(process.cwd(), out)}`);
  if (failures) process.exitCode = 1;
} finally {
  await server.stop();
}
