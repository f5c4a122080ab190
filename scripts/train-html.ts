// npm run train:html [-- --dom jsdom|linkedom] [--engine readability|fast] [--corpus PATH] [--limit N] [--no-write]
// Trains the HTML pass on ../shared/corpus's HTML, stacked on the text model (src/model/model.json
// and its fold models in src/model/cv/, written by `npm run train`, which must run first), and
// writes src/model/html-model.json and its fold models src/model/cv/html-fold-K.json.
// Deterministic. The pages' blocks (parse + Readability) are cached in .tmp/page-cache/.
// --engine fast trains the fast engine's model on the streaming segmenter's blocks and the region
// chosen from the text model's view (src/core/region.ts), and writes src/model/html-fast-model.json
// and src/model/cv/html-fast-fold-K.json (no cache: the stream reads the corpus in seconds).
import fs from "node:fs";
import path from "node:path";
import type { ModelFile } from "../src/core/model.ts";
import { fnv1a } from "../src/core/hash.ts";
import { HTML_CONTEXT_FEATURES } from "../src/core/html-features.ts";
import { loadModelFile } from "../src/core/schema.ts";
import { chooseRegion } from "../src/core/region.ts";
import { jsdomImpl, linkedomImpl } from "../src/dom/node.ts";
import { DEFAULT_CORPUS, pageSite, readCorpus, REPO_ROOT } from "../src/eval/corpus.ts";
import { PageCache } from "../src/eval/page-cache.ts";
import { streamedBlocks } from "../src/html/clean-page.ts";
import { positiveInt, scriptArgs, usageError } from "./args.ts";
import { labelLinesFromGold } from "../src/train/align.ts";
import { articleOnlyViews, articleScores, FAST_CONTEXT_TREES, HTML_HASH_BITS, keptShare, prepareHtml, trainHtmlModel, type HtmlTrainPage } from "../src/train/html-train.ts";
import { regionFileOf, regionScorerOf, regionTrainRows, trainRegionScorers } from "../src/train/region-train.ts";
import { FOLDS, foldOf } from "../src/train/train.ts";

const CV_DIR = path.join(REPO_ROOT, "src", "model", "cv");

const USAGE = "usage: npm run train:html -- [--dom jsdom|linkedom] [--engine readability|fast] [--corpus PATH] [--limit N] [--no-write]";
const args = scriptArgs({
  dom: { type: "string", default: "jsdom" },
  engine: { type: "string", default: "readability" },
  corpus: { type: "string", default: process.env.BOILERSTRIP_CORPUS ?? DEFAULT_CORPUS },
  limit: { type: "string" },
  "no-write": { type: "boolean", default: false },
}, USAGE);
const limit = positiveInt("limit", args.limit, USAGE);
if (args.dom !== "jsdom" && args.dom !== "linkedom") usageError(`--dom takes jsdom or linkedom, not ${args.dom}`, USAGE);
const dom = args.dom === "linkedom" ? linkedomImpl : jsdomImpl;
if (args.engine !== "readability" && args.engine !== "fast") usageError(`--engine takes readability or fast, not ${args.engine}`, USAGE);
const fast = args.engine === "fast";
const prefix = fast ? "html-fast" : "html";
const log = (s: string) => process.stderr.write(s + "\n");
const t0 = Date.now();

function readabilityInput(id: string, html: string, url: string | undefined): HtmlTrainPage["input"] {
  const r = cache.read(id, html, url);
  return { blocks: r.blocks.map((b, i) => ({ ...b, textChars: b.text.length, inArticle: r.inArticle[i] === 1 })), readability: r.readability, page: r.meta };
}

function fastInput(html: string, url: string | undefined): HtmlTrainPage["input"] {
  const { blocks, readability, page, region } = streamedBlocks(html, url);
  return { blocks, readability, page, region };
}

const cache = new PageCache(dom);
const pages: HtmlTrainPage[] = [];
let h = 0x811c9dc5;
for await (const page of readCorpus({ path: args.corpus, limit: limit })) {
  const input = fast ? fastInput(page.html, page.url ?? undefined) : readabilityInput(page.id, page.html, page.url ?? undefined);
  const y = Uint8Array.from(labelLinesFromGold(input.blocks.map((b) => b.text), page.gold), (a) => (a.label === "body" ? 1 : 0));
  pages.push({ id: page.id, fold: foldOf(pageSite(page)), pageType: page.meta.page_type, gold: page.gold, input, y });
  h = fnv1a(page.id + "\0" + page.gold, h);
  if (pages.length % 200 === 0) log(`  read ${pages.length} pages (${cache.hits} cached) ${Date.now() - t0} ms`);
}
await cache.close();
log(`read ${pages.length} pages with ${fast ? "the streaming segmenter" : dom.name} (${cache.hits} cached, ${cache.misses} parsed) in ${Date.now() - t0} ms`);

// Read from disk, not through src/model/index.ts, which also loads the HTML model this writes.
const textModel = loadModelFile(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "src", "model", "model.json"), "utf8")) as ModelFile);
const foldModels = Array.from({ length: FOLDS }, (_, k) => loadModelFile(JSON.parse(fs.readFileSync(path.join(CV_DIR, `fold-${k}.json`), "utf8")) as ModelFile));
// The fast engine's region scorer, out of fold by site; the HTML pass is trained on its regions.
const region = fast ? trainRegionScorers(regionTrainRows(pages, (k) => foldModels[k], HTML_HASH_BITS), FOLDS, HTML_HASH_BITS) : undefined;
const regionFor = region && ((k: number) => regionScorerOf(region.folds[k], HTML_HASH_BITS));
const items = prepareHtml(pages, (k) => foldModels[k], false, regionFor);
const views = prepareHtml(articleOnlyViews(pages), (k) => foldModels[k], true, regionFor);
const dataHash = h.toString(16).padStart(8, "0");
const schemaHash = fnv1a(JSON.stringify(HTML_CONTEXT_FEATURES)).toString(16).padStart(8, "0").slice(0, 4);
const version = `${fast ? "bhf" : "bh"}-${new Date().toISOString().slice(0, 10)}-${dataHash}-${schemaHash}`;
const t1 = Date.now();
const { file, foldFiles, oof, oofBlock, oofViews, thresholds, curve } = trainHtmlModel(items, FOLDS, { version, textModel: textModel.version, dataHash, views, contextTrees: fast ? FAST_CONTEXT_TREES : undefined });
if (region) {
  file.region = regionFileOf(region.all);
  foldFiles.forEach((f, k) => { f.region = regionFileOf(region.folds[k]); });
}
log(`trained in ${Date.now() - t1} ms`);

// Held-out (by site) article figures of the parts, for the note: the text model alone on the
// page's blocks, Readability's region alone, and the HTML pass.
const textT = foldModels[0].file.thresholds.balanced;
const heldOut = {
  textModelOnBlocks: articleScores(items, (it) => it.p2, textT),
  [fast ? "fastRegion" : "readabilityRegion"]: articleScores(items, (it) => (it.page.input.region ? chooseRegion(it.page.input.region, it.nWords, it.regionP, it.regionCenter) : Uint8Array.from(it.page.input.blocks, (b) => +b.inArticle)), 1),
  blockPass: articleScores(items, (it) => oofBlock.get(it)!, thresholds.balanced),
  htmlPass: articleScores(items, (it) => oof.get(it)!, thresholds.balanced),
  htmlPassAllPages: articleScores(items, (it) => oof.get(it)!, thresholds.balanced, true),
  // Share of the body blocks of the body-only views kept (held out): 1 is right.
  // Held-out article F1 and recall of the final pass at each threshold of the grid.
  thresholdCurve: curve.map((x) => ({ t: Number(x.t.toFixed(2)), f1: Number(x.f1.toFixed(4)), r: Number(x.r.toFixed(4)) })),
  bodyOnlyViewsKept: keptShare(views, (it) => oofViews.get(it)!, thresholds.balanced),
};
file.metrics = { ...file.metrics, heldOut, pages: pages.length, dom: fast ? "htmlparser2" : dom.name, engine: args.engine };
console.log(JSON.stringify({ version, thresholds, metrics: file.metrics }, null, 2));
if (!args["no-write"]) {
  const out = path.join(REPO_ROOT, "src", "model", `${prefix}-model.json`);
  fs.writeFileSync(out, JSON.stringify(file) + "\n");
  foldFiles.forEach((f, k) => fs.writeFileSync(path.join(CV_DIR, `${prefix}-fold-${k}.json`), JSON.stringify(f) + "\n"));
  log(`wrote ${out} (${(fs.statSync(out).size / 1024).toFixed(0)} KiB) and ${FOLDS} fold models; ${Date.now() - t0} ms in all`);
}

