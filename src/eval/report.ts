// Summaries, tables, the JSON report and run-to-run comparison for scripts/eval.ts.

import fs from "node:fs";
import path from "node:path";
import { ECE_BINS } from "../train/metrics.ts";
import { macro, type MacroScore } from "./score.ts";
import type { SnippetCounts } from "./snippets.ts";
import type { TitleCounts } from "./titles.ts";
import type { SampleCounts } from "./samples.ts";
import type { SiteTemplateRow } from "./site-templates.ts";

export type SystemName = "unchanged" | "readability" | "boilerstrip" | "boilerstrip:recall" | "boilerstrip:precision" | "boilerstrip:as-text";
export type Kind = "page_text" | "loose_text" | "rendered" | "markdown" | "one_line" | "html" | "html-jsdom" | "html-linkedom" | "html-fast";

/** One page scored for one system on one input kind. */
export interface PageScore {
  id: string;
  site: string;
  page_type: string;
  kind: Kind;
  system: SystemName;
  p: number;
  r: number;
  f1: number;
  /** The system's confidence that F1 >= 0.9 (boilerstrip only). */
  confidence?: number;
  /** Milliseconds the system took on this page (not for cached results). */
  ms?: number;
  /** The system threw; the prediction was scored as empty. */
  error?: string;
}

/** The rows of the table, in order. */
export const ROWS: readonly { system: SystemName; kind: Kind }[] = [
  { system: "unchanged", kind: "page_text" },
  { system: "unchanged", kind: "loose_text" },
  { system: "unchanged", kind: "rendered" },
  { system: "unchanged", kind: "markdown" },
  { system: "unchanged", kind: "one_line" },
  { system: "readability", kind: "html" },
  { system: "boilerstrip", kind: "page_text" },
  { system: "boilerstrip", kind: "loose_text" },
  { system: "boilerstrip", kind: "rendered" },
  { system: "boilerstrip", kind: "markdown" },
  { system: "boilerstrip:as-text", kind: "markdown" },
  { system: "boilerstrip", kind: "one_line" },
  { system: "boilerstrip", kind: "html-jsdom" },
  { system: "boilerstrip", kind: "html-linkedom" },
  { system: "boilerstrip", kind: "html-fast" },
  { system: "boilerstrip:recall", kind: "page_text" },
  { system: "boilerstrip:recall", kind: "loose_text" },
  { system: "boilerstrip:recall", kind: "html-fast" },
  { system: "boilerstrip:precision", kind: "page_text" },
  { system: "boilerstrip:precision", kind: "loose_text" },
  { system: "boilerstrip:precision", kind: "html-fast" },
];

export interface Calibration {
  /** Pages with a finite confidence. */
  n: number;
  /** Pages with F1 >= 0.9 (the event the confidence predicts). */
  positives: number;
  /** Expected calibration error, 10 equal-width bins. */
  ece: number;
  brier: number;
  /** Area under the ROC curve of confidence for F1 >= 0.9; null when one class is absent. */
  auroc: number | null;
}

export interface SummaryRow {
  system: SystemName;
  kind: Kind;
  article: MacroScore;
  all: MacroScore;
  errors: number;
  /** Over all pages. */
  calibration?: Calibration;
  /** Over the articles alone. */
  articleCalibration?: Calibration;
}

export const ARTICLE = "article";
/** The F1 at or above which an output counts as right (DESIGN.md §3). */
export const GOOD_F1 = 0.9;

export const rowKey = (system: string, kind: string): string => `${system}/${kind}`;

export function summarize(per: readonly PageScore[]): SummaryRow[] {
  const groups = new Map<string, PageScore[]>();
  for (const s of per) {
    const k = rowKey(s.system, s.kind);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(s);
  }
  const rows: SummaryRow[] = [];
  const known = new Set(ROWS.map((r) => rowKey(r.system, r.kind)));
  const order = [...ROWS.map((r) => rowKey(r.system, r.kind)), ...[...groups.keys()].filter((k) => !known.has(k))];
  for (const k of order) {
    const g = groups.get(k);
    if (!g) continue;
    const row: SummaryRow = {
      system: g[0].system,
      kind: g[0].kind,
      article: macro(g.filter((s) => s.page_type === ARTICLE)),
      all: macro(g),
      errors: g.filter((s) => s.error).length,
    };
    const cal = calibration(g), articleCal = calibration(g.filter((s) => s.page_type === ARTICLE));
    if (cal) row.calibration = cal;
    if (articleCal) row.articleCalibration = articleCal;
    rows.push(row);
  }
  return rows;
}

/** Calibration of `confidence` for the event F1 >= 0.9, over the pages that carry one. */
export function calibration(per: readonly PageScore[]): Calibration | undefined {
  const pts = per
    .filter((s) => typeof s.confidence === "number" && Number.isFinite(s.confidence))
    .map((s) => ({ c: Math.min(1, Math.max(0, s.confidence as number)), y: s.f1 >= GOOD_F1 ? 1 : 0 }));
  if (!pts.length) return undefined;
  const n = pts.length;
  const positives = pts.reduce((a, x) => a + x.y, 0);
  const brier = pts.reduce((a, x) => a + (x.c - x.y) ** 2, 0) / n;
  const bins = Array.from({ length: ECE_BINS }, () => ({ n: 0, c: 0, y: 0 }));
  for (const x of pts) {
    const b = bins[Math.min(ECE_BINS - 1, Math.floor(x.c * ECE_BINS))];
    b.n++;
    b.c += x.c;
    b.y += x.y;
  }
  const ece = bins.reduce((a, b) => a + (b.n ? (b.n / n) * Math.abs(b.c / b.n - b.y / b.n) : 0), 0);
  return { n, positives, ece, brier, auroc: auroc(pts) };
}

/** Mann-Whitney AUROC with average ranks for ties. */
function auroc(pts: readonly { c: number; y: number }[]): number | null {
  const pos = pts.filter((x) => x.y === 1).length;
  const neg = pts.length - pos;
  if (!pos || !neg) return null;
  const sorted = [...pts].sort((a, b) => a.c - b.c);
  let rankSumPos = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j].c === sorted[i].c) j++;
    const avgRank = (i + 1 + j) / 2; // ranks i+1 .. j
    for (let k = i; k < j; k++) if (sorted[k].y === 1) rankSumPos += avgRank;
    i = j;
  }
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

// ---------------------------------------------------------------------------------------------
// Text output

const f4 = (x: number | null | undefined): string => (typeof x === "number" && Number.isFinite(x) ? x.toFixed(4) : "   -  ");
const sgn = (x: number | null | undefined): string =>
  typeof x === "number" && Number.isFinite(x) ? (x >= 0 ? "+" : "") + x.toFixed(4) : "    -  ";
const pad = (s: string, w: number): string => (s.length >= w ? s : s + " ".repeat(w - s.length));
const lpad = (s: string, w: number): string => (s.length >= w ? s : " ".repeat(w - s.length) + s);

export function formatTable(rows: readonly SummaryRow[]): string {
  const out: string[] = [];
  out.push(`${pad("system", 21)} ${pad("input", 11)} | ${pad("articles: P      R      F1", 27)} ${lpad("n", 5)} | ${pad("all pages: P    R      F1", 27)} ${lpad("n", 5)}`);
  out.push("-".repeat(out[0].length));
  for (const r of rows) {
    const m = (s: MacroScore): string => `${f4(s.p)} ${f4(s.r)} ${f4(s.f1)}      ${lpad(String(s.n), 5)}`;
    out.push(`${pad(r.system, 21)} ${pad(r.kind, 11)} | ${m(r.article)} | ${m(r.all)}${r.errors ? `   (${r.errors} errors)` : ""}`);
  }
  return out.join("\n");
}

export function formatCalibration(rows: readonly SummaryRow[]): string {
  const out: string[] = [];
  const line = (name: string, c: Calibration) => `${pad(name, 24)} n=${c.n} good(F1>=${GOOD_F1})=${c.positives}  ECE=${f4(c.ece)}  Brier=${f4(c.brier)}  AUROC=${f4(c.auroc)}`;
  for (const r of rows) if (r.calibration) out.push(line(rowKey(r.system, r.kind), r.calibration));
  out.push("articles alone:");
  for (const r of rows) if (r.articleCalibration) out.push(line(rowKey(r.system, r.kind), r.articleCalibration));
  return out.join("\n");
}

export interface LowRecall {
  threshold: number;
  /** Pages below the threshold, per input kind. */
  count: Record<string, number>;
  /** Of those, articles. */
  articles: Record<string, number>;
  worst: { id: string; kind: Kind; site: string; page_type: string; r: number; p: number }[];
}

/** Pages where `system` kept less than `threshold` of the gold tokens. */
export function lowRecall(per: readonly PageScore[], system: SystemName = "boilerstrip", threshold = GOOD_F1, top = 10): LowRecall {
  const low = per.filter((s) => s.system === system && s.r < threshold);
  const count: Record<string, number> = {};
  const articles: Record<string, number> = {};
  for (const s of per) {
    if (s.system !== system) continue;
    count[s.kind] ??= 0;
    articles[s.kind] ??= 0;
    if (s.r < threshold) {
      count[s.kind]++;
      if (s.page_type === ARTICLE) articles[s.kind]++;
    }
  }
  const worst = [...low]
    .sort((a, b) => a.r - b.r || a.id.localeCompare(b.id))
    .slice(0, top)
    .map((s) => ({ id: s.id, kind: s.kind, site: s.site, page_type: s.page_type, r: s.r, p: s.p }));
  return { threshold, count, articles, worst };
}

export function formatLowRecall(lr: LowRecall, system = "boilerstrip"): string {
  const kinds = Object.keys(lr.count);
  if (!kinds.length) return `${system}: no pages scored`;
  const out = [
    `${system} pages with body recall < ${lr.threshold}: ` +
      kinds.map((k) => `${k} ${lr.count[k]} (articles ${lr.articles[k]})`).join(", "),
  ];
  if (lr.worst.length) out.push(`worst ${lr.worst.length}:`);
  for (const w of lr.worst) {
    out.push(`  ${pad(w.id, 8)} ${pad(w.kind, 11)} R=${w.r.toFixed(3)} P=${w.p.toFixed(3)}  ${w.page_type}  ${w.site}`);
  }
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------
// The JSON report

/** A page where boilerstrip's body recall fell below GOOD_F1, with the body lines it dropped. */
export interface LossPage {
  id: string;
  kind: Kind;
  site: string;
  page_type: string;
  r: number;
  p: number;
  lost: { line: number; text: string; label: string; category?: string; reason?: string; score: number }[];
}

/** The worst pages and a few of the lines each lost, for the console; the report has them all. */
export function formatLosses(pages: readonly LossPage[], top = 8, linesPerPage = 3): string {
  const out = [`body lines dropped on the ${pages.length} page inputs with recall < ${GOOD_F1} (all in the report's "losses"); worst ${Math.min(top, pages.length)}:`];
  const clip = (s: string, n = 110): string => (s.length > n ? s.slice(0, n - 1) + "…" : s);
  for (const p of [...pages].sort((a, b) => a.r - b.r || a.id.localeCompare(b.id)).slice(0, top)) {
    out.push(`  ${pad(p.id, 8)} ${pad(p.kind, 11)} R=${p.r.toFixed(3)} ${p.page_type} ${p.site}: ${p.lost.length} body lines dropped`);
    for (const l of p.lost.slice(0, linesPerPage)) {
      out.push(`      line ${l.line} ${l.label}${l.category ? `/${l.category}` : ""} (score ${l.score.toFixed(2)}): ${JSON.stringify(clip(l.text))}`);
    }
  }
  return out.join("\n");
}

export interface EvalReport {
  version: 1;
  created: string;
  corpus: string;
  limit: number | null;
  pages: number;
  /** Free-form run information: timings, git commit, model, cache use. */
  run: Record<string, unknown>;
  summary: SummaryRow[];
  /** The titles returned on articles, per input kind (src/eval/titles.ts). */
  titles?: Record<string, TitleCounts>;
  /** The corpus's must-include and must-exclude snippets, per "system kind" (src/eval/snippets.ts). */
  snippets?: Record<string, { article: SnippetCounts; all: SnippetCounts }>;
  /** The hand-labelled samples, line by line against their labels (src/eval/samples.ts). */
  samples?: SampleCounts[];
  /** Each page of the sites with several pages without and with its site's template (src/eval/site-templates.ts). */
  site_templates?: SiteTemplateRow[];
  low_recall: LowRecall;
  /** Every page input with recall < GOOD_F1 and the body lines boilerstrip dropped there. */
  losses?: LossPage[];
  scores: PageScore[];
}

export function writeReport(file: string, report: EvalReport): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const { scores, ...head } = report;
  // One per-page score per line keeps the file greppable and diffable.
  const body = JSON.stringify({ ...head, scores: [] }, null, 2).replace(
    /"scores": \[\]\n\}$/,
    `"scores": [\n${scores.map((s) => "    " + JSON.stringify(s)).join(",\n")}\n  ]\n}`,
  );
  fs.writeFileSync(file, body + "\n");
}

export function readReport(file: string): EvalReport {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`cannot read report ${file}: ${(e as Error).message}`);
  }
  const r = data as Partial<EvalReport>;
  if (!r || !Array.isArray(r.scores)) throw new Error(`${file} is not an eval report (no "scores" array)`);
  return r as EvalReport;
}

// ---------------------------------------------------------------------------------------------
// Comparison of two runs

export interface RowDelta {
  system: string;
  kind: string;
  common: number;
  onlyOld: number;
  onlyNew: number;
  old: { article: MacroScore; all: MacroScore };
  cur: { article: MacroScore; all: MacroScore };
  up: Moved[];
  down: Moved[];
  moved: number;
}

export interface Moved {
  id: string;
  site: string;
  page_type: string;
  old: number;
  cur: number;
  delta: number;
}

/**
 * Per system/kind: macro scores of both runs on the pages both scored (so a different --limit
 * still compares like with like), and the pages whose F1 moved most.
 */
export function compareScores(oldScores: readonly PageScore[], curScores: readonly PageScore[], top = 10): RowDelta[] {
  const index = (xs: readonly PageScore[]): Map<string, Map<string, PageScore>> => {
    const m = new Map<string, Map<string, PageScore>>();
    for (const s of xs) {
      const k = rowKey(s.system, s.kind);
      let g = m.get(k);
      if (!g) m.set(k, (g = new Map()));
      g.set(s.id, s);
    }
    return m;
  };
  const a = index(oldScores);
  const b = index(curScores);
  const keys = [...new Set([...ROWS.map((r) => rowKey(r.system, r.kind)), ...a.keys(), ...b.keys()])].filter((k) => a.has(k) || b.has(k));
  const out: RowDelta[] = [];
  for (const k of keys) {
    const ga = a.get(k) ?? new Map<string, PageScore>();
    const gb = b.get(k) ?? new Map<string, PageScore>();
    const pairs: [PageScore, PageScore][] = [];
    for (const [id, sa] of ga) {
      const sb = gb.get(id);
      if (sb) pairs.push([sa, sb]);
    }
    const art = pairs.filter(([, sb]) => sb.page_type === ARTICLE);
    const moved: Moved[] = pairs
      .map(([sa, sb]) => ({ id: sb.id, site: sb.site, page_type: sb.page_type, old: sa.f1, cur: sb.f1, delta: sb.f1 - sa.f1 }))
      .filter((m) => Math.abs(m.delta) > 1e-9);
    const [system, kind] = k.split("/");
    out.push({
      system,
      kind,
      common: pairs.length,
      onlyOld: ga.size - pairs.length,
      onlyNew: gb.size - pairs.length,
      old: { article: macro(art.map(([sa]) => sa)), all: macro(pairs.map(([sa]) => sa)) },
      cur: { article: macro(art.map(([, sb]) => sb)), all: macro(pairs.map(([, sb]) => sb)) },
      up: moved.filter((m) => m.delta > 0).sort((x, y) => y.delta - x.delta || x.id.localeCompare(y.id)).slice(0, top),
      down: moved.filter((m) => m.delta < 0).sort((x, y) => x.delta - y.delta || x.id.localeCompare(y.id)).slice(0, top),
      moved: moved.length,
    });
  }
  return out;
}

export function formatComparison(deltas: readonly RowDelta[], oldLabel: string): string {
  const out: string[] = [`comparison with ${oldLabel} (macro on the pages both runs scored; delta = new - old)`];
  for (const d of deltas) {
    const line = (name: string, o: MacroScore, c: MacroScore): string =>
      `    ${pad(name, 9)} P ${f4(o.p)} -> ${f4(c.p)} (${sgn(c.p - o.p)})  R ${f4(o.r)} -> ${f4(c.r)} (${sgn(c.r - o.r)})  F1 ${f4(o.f1)} -> ${f4(c.f1)} (${sgn(c.f1 - o.f1)})  n=${c.n}`;
    const extra = [d.onlyOld ? `${d.onlyOld} only in old` : "", d.onlyNew ? `${d.onlyNew} only in new` : ""].filter(Boolean).join(", ");
    out.push(`  ${rowKey(d.system, d.kind)}: ${d.common} common pages${extra ? ` (${extra})` : ""}, ${d.moved} moved`);
    if (!d.common) continue;
    out.push(line("articles", d.old.article, d.cur.article));
    out.push(line("all", d.old.all, d.cur.all));
    const list = (title: string, ms: readonly Moved[]): void => {
      if (!ms.length) return;
      out.push(`    ${title}:`);
      for (const m of ms) {
        out.push(`      ${pad(m.id, 8)} F1 ${m.old.toFixed(3)} -> ${m.cur.toFixed(3)} (${sgn(m.delta)})  ${m.page_type}  ${m.site}`);
      }
    };
    list(`top ${d.up.length} up`, d.up);
    list(`top ${d.down.length} down`, d.down);
  }
  return out.join("\n");
}
