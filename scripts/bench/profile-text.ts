// node --cpu-prof --cpu-prof-dir .tmp/prof --import tsx scripts/bench/profile-text.ts [pages] [rounds]
// A steady text-mode workload for the profiler: the first N corpus pages (both kinds), cleaned
// over and over, so the profile shows the pipeline and not start-up or corpus reading.
//
// It prints this process's CPU time, which another process on the same cores disturbs far less
// than wall time: the best round's per text, and per kind the median over the pages of each
// page's best call (the figure `npm run bench` gives as p50, there in wall time).
import { clean } from "../../src/core/clean.ts";
import { readCorpus } from "../../src/eval/corpus.ts";
import { defaultModel } from "../../src/model/index.ts";

const pages = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 10);
const texts: string[] = [];
for await (const p of readCorpus({ limit: pages })) texts.push(p.loose_text, p.page_text);
const model = defaultModel();
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
// The best round, by wall time and by CPU time; and each text's best call, in CPU time.
let ms = Infinity, cpu = Infinity;
const best = texts.map(() => Infinity);
for (let r = 0; r < rounds; r++) {
  const t = performance.now(), c = process.cpuUsage();
  texts.forEach((s, i) => {
    const c0 = process.cpuUsage();
    clean(s, {}, model);
    best[i] = Math.min(best[i], cpuMs(process.cpuUsage(c0)));
  });
  const dc = process.cpuUsage(c);
  ms = Math.min(ms, performance.now() - t);
  cpu = Math.min(cpu, cpuMs(dc));
}
const bytes = (list: string[]) => list.reduce((a, s) => a + Buffer.byteLength(s), 0);
const mb = bytes(texts) / 1e6;
const per = (x: number) => `${(x / texts.length).toFixed(3)} ms per text, ${(mb / (x / 1000)).toFixed(2)} MB/s`;
console.log(`${texts.length} texts, best of ${rounds} rounds: wall ${per(ms)}; cpu ${per(cpu)}`);
for (const [kind, at] of [["loose_text", 0], ["page_text", 1]] as const) {
  const mine = best.filter((_, i) => i % 2 === at);
  const sorted = mine.slice().sort((a, b) => a - b);
  const total = mine.reduce((a, b) => a + b, 0);
  const kindMb = bytes(texts.filter((_, i) => i % 2 === at)) / 1e6;
  console.log(`  ${kind.padEnd(10)} cpu per page (best call): p50 ${sorted[sorted.length >> 1].toFixed(3)} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)].toFixed(3)} ms, ${(kindMb / (total / 1000)).toFixed(2)} MB/s`);
}
