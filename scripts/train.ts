// npm run train [-- --data their.jsonl [--with-corpus]] [--corpus PATH] [--limit N] [--out FILE] [--trees N] [--depth D] [--markdown]
// Trains the line, context, title and confidence models and writes the versioned model file the
// Node server and the Worker both load. Deterministic: fixed seed, site-grouped folds.
import fs from "node:fs";
import path from "node:path";
import { fnv1a } from "../src/core/hash.ts";
import { positiveInt, scriptArgs } from "./args.ts";
import { FEATURE_SCHEMA } from "../src/core/schema.ts";
import { loadCorpus, loadSamples, loadUserData, type TrainDoc } from "../src/train/dataset.ts";
import { calibration } from "../src/train/metrics.ts";
import { FOLDS, prepare, scoreAt, trainModel, type Prepared } from "../src/train/train.ts";
import { macro } from "../src/eval/score.ts";
import { DEFAULT_CORPUS, REPO_ROOT } from "../src/eval/corpus.ts";

const USAGE = "usage: npm run train -- [--data their.jsonl [--with-corpus]] [--no-samples] [--markdown] [--corpus PATH] [--limit N] [--out FILE] [--trees N] [--depth D]";
const args = scriptArgs({
    data: { type: "string" },
    "with-corpus": { type: "boolean", default: false },
    "no-samples": { type: "boolean", default: false },
    // Also train on each page as a Markdown scraper gives it (src/train/dataset.ts, MARKDOWN_VIEWS).
    markdown: { type: "boolean", default: false },
    corpus: { type: "string", default: process.env.BOILERSTRIP_CORPUS ?? DEFAULT_CORPUS },
    limit: { type: "string" },
    out: { type: "string", default: path.join(REPO_ROOT, "src", "model", "model.json") },
    // The second-pass forest's size (default: src/train/train.ts' CONTEXT_PARAMS), to weigh F1
    // against the forest's share of the time (scripts/bench/profile-text.ts).
    trees: { type: "string" },
    depth: { type: "string" },
}, USAGE);
const limit = positiveInt("limit", args.limit, USAGE);
const forest = { trees: positiveInt("trees", args.trees, USAGE), depth: positiveInt("depth", args.depth, USAGE) };

const log = (s: string) => process.stderr.write(s + "\n");
const t0 = Date.now();
const docs: TrainDoc[] = [];
// Each corpus page run into one line, read as sentences: only the model's part for such texts is
// fitted on them (src/train/train.ts trainModel's `pieces`).
const pieceDocs: TrainDoc[] = [];
if (!args.data || args["with-corpus"]) docs.push(...(await loadCorpus(args.corpus!, limit, args.markdown, pieceDocs)));
if (args.data) docs.push(...(await loadUserData(args.data)));
if (!args["no-samples"]) docs.push(...loadSamples(path.join(REPO_ROOT, "samples")));
log(`loaded and labelled ${docs.length} documents in ${Date.now() - t0} ms`);

let h = 0x811c9dc5;
for (const d of docs) h = fnv1a(d.gold, fnv1a(d.segments.map((s) => s.text).join("\n"), fnv1a(d.id + d.kind, h)));
const dataHash = h.toString(16).padStart(8, "0");

const t1 = Date.now();
const items = prepare(docs);
const pieces = prepare(pieceDocs);
log(`features: ${Date.now() - t1} ms for ${items.reduce((s, p) => s + p.doc.segments.length, 0)} lines`);

const t2 = Date.now();
const date = new Date().toISOString().slice(0, 10);
// The version names the data and the feature schema, so a model trained on other features or
// other data never shares a version string.
const schemaHash = fnv1a(JSON.stringify(FEATURE_SCHEMA)).toString(16).padStart(8, "0").slice(0, 4);
const { file, foldFiles, report } = trainModel(items, { version: `bs-${date}-${dataHash}-${schemaHash}`, dataHash, log, forest, pieces });
log(`trained in ${Date.now() - t2} ms`);

// Held-out figures: every page scored with probabilities from models that never saw its site.
const p2 = report.p2 as Map<Prepared, Float64Array>;
const heldOut: Record<string, unknown> = {};
for (const kind of ["loose_text", "page_text", "rendered", ...(args.markdown ? ["markdown"] : [])]) {
  for (const scope of ["article", "all"]) {
    const sel = items.filter((p) => p.doc.kind === kind && (scope === "all" || p.doc.pageType === "article"));
    const m = macro(sel.map((p) => scoreAt(p, p2.get(p)!, file.thresholds.balanced)));
    heldOut[`${kind}/${scope}`] = { p: r4(m.p), r: r4(m.r), f1: r4(m.f1), n: m.n };
  }
}
const cal = calibration(report.confidenceOof as number[], report.confidenceTarget as number[]);
const calPieces = report.piecesConfidenceOof ? calibration(report.piecesConfidenceOof as number[], report.piecesConfidenceTarget as number[]) : null;
// The pages run into one line, at the pieces part's own threshold.
const piecesP2 = report.piecesP2 as Map<Prepared, Float64Array> | undefined;
if (piecesP2 && file.pieces) {
  for (const scope of ["article", "all"]) {
    const sel = pieces.filter((p) => scope === "all" || p.doc.pageType === "article");
    const m = macro(sel.map((p) => scoreAt(p, piecesP2.get(p)!, file.pieces!.thresholds.balanced)));
    heldOut[`one_line/${scope}`] = { p: r4(m.p), r: r4(m.r), f1: r4(m.f1), n: m.n };
  }
}
file.created = new Date().toISOString();
file.metrics = {
  folds: FOLDS,
  documents: docs.length,
  heldOut,
  confidence: { ece: r4(cal.ece), brier: r4(cal.brier), auroc: r4(cal.auroc), n: cal.n },
  ...(calPieces ? { confidencePieces: { ece: r4(calPieces.ece), brier: r4(calPieces.brier), auroc: r4(calPieces.auroc), n: calPieces.n } } : {}),
  thresholdGrid: (report.thresholdGrid as { t: number; f1: number; p: number; r: number }[]).map((x) => ({ t: r4(x.t), f1: r4(x.f1), p: r4(x.p), r: r4(x.r) })),
};
fs.mkdirSync(path.dirname(args.out!), { recursive: true });
fs.writeFileSync(args.out!, JSON.stringify(file) + "\n");
log(`wrote ${args.out} (${(fs.statSync(args.out!).size / 1024).toFixed(0)} KiB), version ${file.version}`);
// The fold models beside it, for the cross-validated `npm run eval` (not bundled).
const cvDir = path.join(path.dirname(args.out!), "cv");
// Only the text fold models are replaced: the HTML fold models (html-*fold-K.json) live there too.
fs.mkdirSync(cvDir, { recursive: true });
for (const f of fs.readdirSync(cvDir)) if (/^fold-\d+\.json$/.test(f)) fs.rmSync(path.join(cvDir, f));
foldFiles.forEach((f, k) => {
  f.created = file.created;
  f.metrics = { fold: k, folds: FOLDS, heldOutSites: "sites whose foldOf(site) is this fold" };
  fs.writeFileSync(path.join(cvDir, `fold-${k}.json`), JSON.stringify(f) + "\n");
});
log(`wrote ${foldFiles.length} fold models to ${cvDir}`);
console.log(JSON.stringify({ version: file.version, thresholds: file.thresholds, heldOut, confidence: file.metrics.confidence, confidencePieces: file.metrics.confidencePieces }, null, 2));
log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);

function r4(x: number) {
  return Math.round(x * 1e4) / 1e4;
}
