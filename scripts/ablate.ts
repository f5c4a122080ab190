// What each part of the line classifier adds: trains out-of-fold (site-grouped) on a corpus subset
// with parts turned off, and prints the best-threshold article F1 after pass 1 and pass 2.
//   npx tsx scripts/ablate.ts [all|full|nolex|nodense|nomarkers|noown]   (LIMIT=500 pages by default)
import { CONTEXT_FEATURES, CONTEXT_SIZE, TEXT_CONTEXT_SIZE, type Markers } from "../src/core/context.ts";
import { DEFAULT_CORPUS } from "../src/eval/corpus.ts";
import type { DocFeatures } from "../src/core/features.ts";
import { loadCorpus, loadSamples } from "../src/train/dataset.ts";
import { prepare, outOfFold, scoreAt, ctxRows, FOLDS, type Prepared } from "../src/train/train.ts";
import { macro } from "../src/eval/score.ts";
const limit = Number(process.env.LIMIT ?? 500);
const docs = [...(await loadCorpus(DEFAULT_CORPUS, limit)), ...loadSamples("samples")];
const base = prepare(docs);
const grid = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
function run(name: string, items: typeof base, rowsOf = ctxRows) {
  const { p1, p2 } = outOfFold(items, FOLDS, () => {}, rowsOf);
  for (const [pass, P] of [["pass1", p1], ["pass2", p2]] as const) {
    const out: string[] = [];
    for (const kind of ["loose_text", "page_text"]) {
      const sel = items.filter((p) => p.doc.kind === kind && p.doc.pageType === "article");
      const rows = grid.map((t) => ({ t, ...macro(sel.map((p) => scoreAt(p, P.get(p)!, t))) }));
      const best = rows.reduce((a, b) => (b.f1 > a.f1 ? b : a));
      out.push(`${kind} F1 ${best.f1.toFixed(4)} (P ${best.p.toFixed(3)} R ${best.r.toFixed(3)} t=${best.t})`);
    }
    console.log(`${name.padEnd(28)} ${pass}: ${out.join("  ")}`);
  }
}
// The start/end marker columns of the second pass, zeroed to measure what the markers add.
const MARKER_COLUMNS = CONTEXT_FEATURES.flatMap((n, j) => (/^(end|start)_|_end_max$/.test(n) ? [j] : []));
const noMarkers = (p: Prepared, p1: Float64Array, m: Markers) =>
  ctxRows(p, p1, m).map((x) => { for (const j of MARKER_COLUMNS) x[j] = 0; return x; });
// The line's own dense columns at the end of the second pass's row, zeroed.
const noOwn = (p: Prepared, p1: Float64Array, m: Markers) => ctxRows(p, p1, m).map((x) => x.fill(0, CONTEXT_SIZE, TEXT_CONTEXT_SIZE));
// A document with some per-line features replaced. Training reads only `dense` and `hashed`,
// which DocFeatures makes lazily (getters a spread would not copy), so both are taken explicitly.
const withFeats = (p: Prepared, over: Partial<Pick<DocFeatures, "dense" | "hashed">>): Prepared =>
  ({ ...p, feats: { ...p.feats, dense: over.dense ?? p.feats.dense, hashed: over.hashed ?? p.feats.hashed } });
const which = process.argv[2] ?? "all";
if (which === "all" || which === "full") run("full", base);
if (which === "all" || which === "nomarkers") run("no start/end markers", base, noMarkers);
if (which === "all" || which === "noown") run("no own dense in pass 2", base, noOwn);
if (which === "all" || which === "nolex") run("no lexical (hashed off)", base.map((p) => withFeats(p, { hashed: p.feats.hashed.map(() => new Uint32Array(0)) })));
if (which === "all" || which === "nodense") run("no dense (bias + lexical)", base.map((p) => withFeats(p, { dense: p.feats.dense.map((x) => { const o = new Float32Array(x.length); o[0] = 1; return o; }) })));
