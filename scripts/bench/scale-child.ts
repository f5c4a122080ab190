// Child process of the scaling bench: cleans one input file a few times in a fresh process and
// prints JSON with the best time and the peak resident memory one clean added. A process of its
// own, so each size's peak memory is its own (VmHWM is a per-process high-water mark).
import fs from "node:fs";
import { clean } from "../../src/core/clean.ts";
import { defaultModel } from "../../src/model/index.ts";

const [file, warmFile, runsArg] = process.argv.slice(2);
const input = fs.readFileSync(file, "utf8");
const warm = fs.readFileSync(warmFile, "utf8");
const model = defaultModel();
const status = (key: string) => Number(/(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8").split("\n").find((l) => l.startsWith(key))!)![1]) * 1024;

// Warm up on a typical page (JIT, lazily built tables), then settle the heap.
for (let i = 0; i < 30; i++) clean(warm, {}, model);
(globalThis as { gc?: () => void }).gc?.();
const rss0 = status("VmRSS:");
const times: number[] = [];
let peak = 0;
for (let r = 0; r < Number(runsArg); r++) {
  const t = performance.now();
  clean(input, {}, model);
  times.push(performance.now() - t);
  if (r === 0) peak = status("VmHWM:") - rss0;
}
console.log(JSON.stringify({ chars: input.length, ms: Math.min(...times), median_ms: times.sort((a, b) => a - b)[times.length >> 1], peak_mb: Math.max(0, peak) / 1e6 }));
