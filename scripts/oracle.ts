// Oracle: how good are the labels made by aligning lines to the gold (src/train/align.ts)?
// Keeps exactly the lines labelled body on every page's page_text and loose_text and prints their
// macro token P / R / F1 against the gold: the ceiling a line classifier trained on them can reach.
//
//   npx tsx scripts/oracle.ts [--corpus PATH] [--limit N]
import { parseArgs } from "node:util";
import { readCorpus } from "../src/eval/corpus.ts";
import { macro, scoreDoc, type DocScore } from "../src/eval/score.ts";
import { labelLinesFromGold } from "../src/train/align.ts";

const { values } = parseArgs({ options: { corpus: { type: "string" }, limit: { type: "string" } } });
const groups = new Map<string, DocScore[]>();
const add = (key: string, s: DocScore) => (groups.get(key) ?? groups.set(key, []).get(key)!).push(s);
const t0 = performance.now();
let pages = 0;
for await (const page of readCorpus({ path: values.corpus, limit: values.limit ? Number(values.limit) : undefined })) {
  pages++;
  for (const kind of ["page_text", "loose_text"] as const) {
    const lines = page[kind].split("\n");
    const labels = labelLinesFromGold(lines, page.gold);
    const s = scoreDoc(page.gold, lines.filter((_, i) => labels[i].label === "body").join("\n"));
    add(`${kind}/all`, s);
    if (page.meta.page_type === "article") add(`${kind}/article`, s);
  }
}
console.log(`${pages} pages in ${((performance.now() - t0) / 1000).toFixed(1)} s; keeping the lines labelled body:`);
for (const [key, scores] of [...groups].sort()) {
  const m = macro(scores);
  console.log(`  ${key.padEnd(20)} P ${m.p.toFixed(3)}  R ${m.r.toFixed(3)}  F1 ${m.f1.toFixed(3)}  (n=${m.n})`);
}
