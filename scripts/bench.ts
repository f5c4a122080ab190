// npm run bench [-- --pages N | --full] [--out reports/bench.json] [--compare old.json]
// Where the time goes, on real corpus pages, beside a baseline measured in the same run:
//   text mode: per-page time (p50/p90/p99) and MB/s of input, for loose_text and page_text
//   baseline:  Readability on jsdom on the same pages' HTML, and the ratio to it
//   scaling:   time and heap for 1x, 10x, 100x input (concatenated pages), ratio per 10x
//   bundle:    the Worker bundle's size, raw and gzip (wrangler deploy --dry-run)
// A benchmark, not a test: it prints figures and never fails on a number.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import { clean } from "../src/core/clean.ts";
import { readabilityPredict } from "../src/eval/baselines.ts";
import { readCorpus, REPO_ROOT, type CorpusPage } from "../src/eval/corpus.ts";
import { defaultModel } from "../src/model/index.ts";
import { mulberry32 } from "../src/train/logreg.ts";

// 150 pages: enough for stable percentiles, small enough that Readability on jsdom (the slow
// baseline, ~50-100 ms a page) keeps the run near a minute.
const DEFAULT_PAGES = 150;
const SEED = 7;
// Repetitions of the text-mode pass over the sample: single runs of sub-millisecond work are noisy.
const TEXT_REPEATS = 5;

const { values: args } = parseArgs({
  options: {
    pages: { type: "string" }, full: { type: "boolean", default: false },
    out: { type: "string", default: path.join(REPO_ROOT, "reports", "bench.json") }, compare: { type: "string" },
    corpus: { type: "string" },
  },
});

const model = defaultModel();
const nWanted = args.full ? Infinity : Number(args.pages ?? DEFAULT_PAGES);

// A fixed, seeded sample: reservoir sampling over the stream, so the same pages every run.
const rand = mulberry32(SEED);
const sample: CorpusPage[] = [];
let seen = 0;
for await (const page of readCorpus({ path: args.corpus })) {
  seen++;
  if (sample.length < nWanted) sample.push(page);
  else {
    const j = Math.floor(rand() * seen);
    if (j < nWanted) sample[j] = page;
  }
}
console.log(`${sample.length} pages (seeded sample of ${seen}), node ${process.version}, ${os.cpus()[0]?.model ?? "?"}\n`);

const pct = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const fmt = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
const report: Record<string, unknown> = { created: new Date().toISOString(), pages: sample.length, model: model.version };

// Warm up: JIT, model load, regex compilation.
for (const p of sample.slice(0, 20)) clean(p.loose_text, {}, model);

const text: Record<string, unknown> = {};
for (const kind of ["loose_text", "page_text"] as const) {
  const per = sample.map(() => Infinity);
  for (let r = 0; r < TEXT_REPEATS; r++) {
    sample.forEach((p, i) => {
      const t = performance.now();
      clean(p[kind], {}, model);
      per[i] = Math.min(per[i], performance.now() - t);
    });
  }
  const bytes = sum(sample.map((p) => Buffer.byteLength(p[kind])));
  const row = { p50_ms: pct(per, 0.5), p90_ms: pct(per, 0.9), p99_ms: pct(per, 0.99), total_ms: sum(per), mb_per_s: bytes / 1e6 / (sum(per) / 1000) };
  text[kind] = row;
  console.log(`text mode ${kind.padEnd(10)} p50 ${fmt(row.p50_ms)} ms  p90 ${fmt(row.p90_ms)}  p99 ${fmt(row.p99_ms)}  ${fmt(row.mb_per_s)} MB/s`);
}
report.text = text;

const rd = sample.map((p) => { const t = performance.now(); readabilityPredict(p.html, p.url); return performance.now() - t; });
const rdRow = { p50_ms: pct(rd, 0.5), p90_ms: pct(rd, 0.9), p99_ms: pct(rd, 0.99), total_ms: sum(rd) };
report.readability_jsdom = rdRow;
console.log(`readability on jsdom (HTML)  p50 ${fmt(rdRow.p50_ms)} ms  p90 ${fmt(rdRow.p90_ms)}  p99 ${fmt(rdRow.p99_ms)}`);
for (const kind of ["loose_text", "page_text"]) {
  const t = text[kind] as { p50_ms: number; total_ms: number };
  console.log(`  readability / text mode ${kind}: ${fmt(rdRow.p50_ms / t.p50_ms)}x at p50, ${fmt(rdRow.total_ms / t.total_ms)}x in total`);
}

// Scaling: the page_text of the sample concatenated to ~1x, 10x, 100x of a typical page.
console.log("\nscaling (page_text concatenated):");
const typical = sample.map((p) => p.page_text).sort((a, b) => a.length - b.length)[sample.length >> 1];
const all = sample.map((p) => p.page_text).join("\n");
const scaling: { factor: number; chars: number; ms: number; heap_mb: number }[] = [];
for (const factor of [1, 10, 100]) {
  let input = "";
  while (input.length < typical.length * factor) input += all.slice(0, typical.length * factor - input.length) + "\n";
  (globalThis as { gc?: () => void }).gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const runs = factor === 100 ? 3 : 10;
  let best = Infinity, heapPeak = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    clean(input, {}, model);
    best = Math.min(best, performance.now() - t);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed - heap0);
  }
  scaling.push({ factor, chars: input.length, ms: best, heap_mb: heapPeak / 1e6 });
  const prev = scaling[scaling.length - 2];
  console.log(`  ${String(factor).padStart(3)}x ${(input.length / 1024).toFixed(0).padStart(6)} KiB  ${fmt(best).padStart(7)} ms  heap +${(heapPeak / 1e6).toFixed(1)} MB${prev ? `  (x${(best / prev.ms).toFixed(1)} for 10x input)` : ""}`);
}
report.scaling = scaling;

// The Worker bundle, as wrangler builds it for deployment.
try {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "bs-bench-"));
  execFileSync(process.execPath, [path.join(REPO_ROOT, "node_modules", "wrangler", "bin", "wrangler.js"), "deploy", "--dry-run", "--outdir", out], { cwd: REPO_ROOT, stdio: "ignore", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
  const js = fs.readdirSync(out).find((f) => f.endsWith(".js"))!;
  const code = fs.readFileSync(path.join(out, js));
  report.bundle = { raw_kib: code.length / 1024, gzip_kib: zlib.gzipSync(code).length / 1024 };
  console.log(`\nworker bundle: ${(code.length / 1024).toFixed(0)} KiB raw, ${(zlib.gzipSync(code).length / 1024).toFixed(0)} KiB gzip`);
  fs.rmSync(out, { recursive: true, force: true });
} catch (e) {
  console.log(`\nworker bundle: could not build (${(e as Error).message.split("\n")[0]})`);
}

if (args.compare) {
  const old = JSON.parse(fs.readFileSync(args.compare, "utf8"));
  console.log(`\ncompared with ${args.compare} (${old.created}):`);
  for (const kind of ["loose_text", "page_text"]) {
    const a = old.text?.[kind], b = text[kind] as { p50_ms: number; mb_per_s: number };
    if (a) console.log(`  ${kind}: p50 ${fmt(a.p50_ms)} -> ${fmt(b.p50_ms)} ms, ${fmt(a.mb_per_s)} -> ${fmt(b.mb_per_s)} MB/s`);
  }
}
fs.mkdirSync(path.dirname(args.out!), { recursive: true });
fs.writeFileSync(args.out!, JSON.stringify(report, null, 2) + "\n");
console.log(`\nreport: ${path.relative(process.cwd(), args.out!)}`);
