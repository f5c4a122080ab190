// npx tsx scripts/bench/model-time.ts MODEL.json [MODEL.json ...] [--pages N] [--rounds R]
// CPU time per text of text mode with each model file (e.g. models trained with
// `npm run train -- --trees N --depth D --out .tmp/x/model.json`), on the first N corpus pages
// (both kinds), the models' rounds interleaved so that a busy machine disturbs them alike; the
// best round of each is kept. "bundled" names the shipped model.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { clean } from "../../src/core/clean.ts";
import type { ModelFile } from "../../src/core/model.ts";
import { loadModelFile } from "../../src/core/schema.ts";
import { readCorpus } from "../../src/eval/corpus.ts";
import { defaultModel } from "../../src/model/index.ts";

const { values: args, positionals: files } = parseArgs({
  allowPositionals: true,
  options: { pages: { type: "string", default: "200" }, rounds: { type: "string", default: "8" } },
});
if (!files.length) throw new Error("usage: model-time.ts MODEL.json|bundled [...] [--pages N] [--rounds R]");
const models = files.map((f) => (f === "bundled" ? defaultModel() : loadModelFile(JSON.parse(fs.readFileSync(f, "utf8")) as ModelFile)));
const texts: string[] = [];
for await (const p of readCorpus({ limit: Number(args.pages) })) texts.push(p.loose_text, p.page_text);
const best = models.map(() => Infinity);
for (let r = 0; r < Number(args.rounds); r++) {
  models.forEach((m, k) => {
    const c = process.cpuUsage();
    for (const t of texts) clean(t, {}, m);
    const d = process.cpuUsage(c);
    best[k] = Math.min(best[k], (d.user + d.system) / 1000 / texts.length);
  });
}
files.forEach((f, k) => console.log(`${best[k].toFixed(3)} ms per text  ${models[k].context.trees} trees of depth ${models[k].context.depth}  ${f}`));
