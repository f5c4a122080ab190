// node --cpu-prof --cpu-prof-dir .tmp/prof --import tsx scripts/bench/profile-text.ts [pages] [rounds]
// A steady text-mode workload for the profiler: the first N corpus pages (both kinds), cleaned
// over and over, so the profile shows the pipeline and not start-up or corpus reading.
import { clean } from "../../src/core/clean.ts";
import { readCorpus } from "../../src/eval/corpus.ts";
import { defaultModel } from "../../src/model/index.ts";

const pages = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 10);
const texts: string[] = [];
for await (const p of readCorpus({ limit: pages })) texts.push(p.loose_text, p.page_text);
const model = defaultModel();
// The best round, by wall time and by this process's CPU time: the machine is shared, so the
// least disturbed round is the fairest figure, and CPU time is less disturbed than wall time.
let ms = Infinity, cpu = Infinity;
for (let r = 0; r < rounds; r++) {
  const t = performance.now(), c = process.cpuUsage();
  for (const s of texts) clean(s, {}, model);
  const dc = process.cpuUsage(c);
  ms = Math.min(ms, performance.now() - t);
  cpu = Math.min(cpu, (dc.user + dc.system) / 1000);
}
const mb = texts.reduce((a, s) => a + Buffer.byteLength(s), 0) / 1e6;
const per = (x: number) => `${(x / texts.length).toFixed(3)} ms per text, ${(mb / (x / 1000)).toFixed(2)} MB/s`;
console.log(`${texts.length} texts, best of ${rounds} rounds: wall ${per(ms)}; cpu ${per(cpu)}`);
