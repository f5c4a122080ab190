// Child process of the scaling bench: cleans a list of documents (a JSON array in a file) a few
// rounds in a fresh process, and prints JSON with the best round's time per document and the
// peak resident memory the first round added. A process of its own, so each size's peak memory
// is its own (VmHWM is a per-process high-water mark).
import fs from "node:fs";
import { clean } from "../../src/core/clean.ts";
import { defaultModel } from "../../src/model/index.ts";

const [file, warmFile, roundsArg] = process.argv.slice(2);
const docs = JSON.parse(fs.readFileSync(file, "utf8")) as string[];
const warm = fs.readFileSync(warmFile, "utf8");
const model = defaultModel();
const status = (key: string) => Number(/(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8").split("\n").find((l) => l.startsWith(key))!)![1]) * 1024;

// Warm up on a typical page (JIT, lazily built tables), then settle the heap.
for (let i = 0; i < 30; i++) clean(warm, {}, model);
(globalThis as { gc?: () => void }).gc?.();
const rss0 = status("VmRSS:");
// The first round at this size is timed apart (`first_ms`): a document far larger than the
// warm-up page takes code paths and heap growth the page did not, which the first rounds pay and
// later ones do not. Its peak memory is what the size adds. The best of the later rounds is the
// steady-state time (`ms`) the ratios compare.
let best = Infinity, first = 0, peak = 0;
for (let r = 0; r <= Number(roundsArg); r++) {
  const t = performance.now();
  for (const d of docs) clean(d, {}, model);
  const ms = performance.now() - t;
  if (r === 0) { first = ms; peak = status("VmHWM:") - rss0; } else best = Math.min(best, ms);
}
const chars = docs.reduce((a, d) => a + d.length, 0) / docs.length;
console.log(JSON.stringify({ docs: docs.length, chars, ms: best / docs.length, first_ms: first / docs.length, peak_mb: Math.max(0, peak) / 1e6 }));
