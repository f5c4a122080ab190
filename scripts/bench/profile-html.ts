// node --cpu-prof --cpu-prof-dir .tmp/prof --import tsx scripts/bench/profile-html.ts [pages] [rounds]
// A steady workload of HTML mode's fast engine for the profiler: the first N corpus pages'
// HTML, cleaned over and over, split into the stream (parse + segment + metadata) and the learned
// part (region + features + classify + assemble), so the profile shows the pipeline and not
// start-up or corpus reading.
import { cleanHtmlBlocks } from "../../src/core/clean-html.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { readCorpus } from "../../src/eval/corpus.ts";
import { streamedBlocks } from "../../src/html/clean-page.ts";
import { defaultFastHtmlModel, defaultModel } from "../../src/model/index.ts";

const pages = Number(process.argv[2] ?? 100);
const rounds = Number(process.argv[3] ?? 5);
const htmls: string[] = [];
for await (const p of readCorpus({ limit: pages })) htmls.push(p.html);
const model = defaultModel(), htmlModel = defaultFastHtmlModel();
const opts = resolveOptions({ htmlEngine: "fast" });
// The best round of each part by this process's CPU time: the machine is shared.
let stream = Infinity, learned = Infinity;
for (let r = 0; r < rounds; r++) {
  let s = 0, l = 0;
  for (const html of htmls) {
    const c0 = process.cpuUsage();
    const read = streamedBlocks(html);
    const c1 = process.cpuUsage();
    cleanHtmlBlocks({ ...read, inputChars: html.length }, opts, model, htmlModel);
    const c2 = process.cpuUsage();
    s += c1.user + c1.system - c0.user - c0.system;
    l += c2.user + c2.system - c1.user - c1.system;
  }
  stream = Math.min(stream, s / 1000);
  learned = Math.min(learned, l / 1000);
}
const per = (x: number) => `${(x / htmls.length).toFixed(2)} ms`;
console.log(`${htmls.length} pages, best of ${rounds} rounds, CPU per page: stream ${per(stream)}, learned ${per(learned)}, total ${per(stream + learned)}`);
