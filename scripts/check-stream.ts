// npm run check:stream [-- --dom jsdom|linkedom] [--limit N] [--show N]
// How far the streaming segmenter (src/html/stream-blocks.ts) agrees with the DOM walker on the
// corpus: the share of pages whose block texts are identical, whose blocks are identical (tag,
// heading, links, landmarks, class tokens too), and whose metadata fields agree; with --show N,
// the first differing block of N pages.
import { parseArgs } from "node:util";
import { jsdomImpl, linkedomImpl } from "../src/dom/node.ts";
import { DEFAULT_CORPUS, readCorpus } from "../src/eval/corpus.ts";
import { PageCache } from "../src/eval/page-cache.ts";
import { streamPage } from "../src/html/stream-blocks.ts";

const { values: args } = parseArgs({
  options: { dom: { type: "string", default: "jsdom" }, limit: { type: "string" }, show: { type: "string", default: "0" }, corpus: { type: "string", default: DEFAULT_CORPUS } },
});
const cache = new PageCache(args.dom === "linkedom" ? linkedomImpl : jsdomImpl);
let pages = 0, sameText = 0, sameBlocks = 0, shown = 0, blocksDom = 0, blocksStream = 0, streamMs = 0;
const metaSame: Record<string, number> = {};
const fields = ["title", "byline", "published", "siteName", "lang", "canonicalUrl", "excerpt"] as const;
for await (const page of readCorpus({ path: args.corpus, limit: args.limit ? Number(args.limit) : undefined })) {
  pages++;
  const ref = cache.read(page.id, page.html, page.url ?? undefined);
  const t = performance.now();
  const s = streamPage(page.html, page.url ?? undefined);
  streamMs += performance.now() - t;
  blocksDom += ref.blocks.length;
  blocksStream += s.blocks.length;
  const a = ref.blocks.map((b) => b.text), b = s.blocks.map((x) => x.text);
  const textOk = a.length === b.length && a.every((x, i) => x === b[i]);
  if (textOk) sameText++;
  if (textOk && JSON.stringify(ref.blocks) === JSON.stringify(s.blocks)) sameBlocks++;
  for (const f of fields) if ((ref.meta[f] ?? "") === (s.meta[f] ?? "")) metaSame[f] = (metaSame[f] ?? 0) + 1;
  if (!textOk && shown < Number(args.show)) {
    shown++;
    let i = 0;
    while (i < Math.min(a.length, b.length) && a[i] === b[i]) i++;
    console.log(`${page.id} (${a.length} vs ${b.length} blocks) first difference at ${i}:\n  dom:    ${JSON.stringify(a.slice(i, i + 2)).slice(0, 300)}\n  stream: ${JSON.stringify(b.slice(i, i + 2)).slice(0, 300)}`);
  }
}
await cache.close();
const pct = (n: number) => `${((100 * n) / pages).toFixed(1)} %`;
console.log(`${pages} pages against ${cache.dom.name}: identical block texts ${pct(sameText)}, identical blocks ${pct(sameBlocks)}; blocks ${blocksDom} (DOM) vs ${blocksStream} (stream); stream ${(streamMs / pages).toFixed(2)} ms a page on average`);
console.log(`metadata agreeing with DOM + Readability: ${fields.map((f) => `${f} ${pct(metaSame[f] ?? 0)}`).join(", ")}`);
