// Text mode beside Readability on jsdom, and how text mode scales with input size.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { clean } from "../../src/core/clean.ts";
import type { Model } from "../../src/core/model.ts";
import { readabilityPredict } from "../../src/eval/baselines.ts";
import type { CorpusPage } from "../../src/eval/corpus.ts";
import { fmt, pct, sum, timing, type Timing } from "./stats.ts";

// Repetitions of the text-mode pass over the sample, keeping each page's best time: single runs of
// sub-millisecond work are noisy, more so on a machine shared with other work.
const TEXT_REPEATS = 5;
// Scaling: pages per size step (1x = one page, 100x = all of them in one document), and rounds
// over them per size after the first (best kept): each round is the same 100 pages, ~0.1-0.3 s. 8:
// the first 2-3 rounds of a 100-page document ran 1.5-2.3x slower than the later ones when this
// was chosen (per-round times of two runs), so 5 rounds in all sometimes kept an unsettled one.
const SCALING_PAGES = 100;
const SCALING_ROUNDS = 8;
// Passes over the three sizes, each size in a fresh child per pass, the sizes interleaved (1x, 10x,
// 100x, 1x, 10x, 100x, ...). 5: one child per size let the same code's 10x->100x step range from
// x10.1 to x12.5 between runs (56 child runs in one sitting, the spread from whatever else ran on
// the two cores at that moment), which no code change can show through; the median of five
// interleaved children, each pass's ratio printed beside it, does not hang on one unlucky child.
const SCALING_PASSES = 5;

export type TextRow = Timing & { mb_per_s: number };

export function benchText(sample: CorpusPage[], model: Model): Record<string, TextRow> {
  for (const p of sample.slice(0, 20)) clean(p.loose_text, {}, model); // warm up: JIT, lazy tables
  return timeKinds(sample, model, "text mode");
}

/**
 * Text mode again after an ArrayBuffer has been detached in this process, as in one that has
 * loaded jsdom or runs under tsx (src/dom/node-lazy.ts): V8 then checks every typed-array access
 * for a detached buffer, for good. Prints the slowdown against `before` (benchText's rows).
 */
export function benchTextDetached(sample: CorpusPage[], model: Model, before: Record<string, TextRow>): Record<string, TextRow & { vs_before_p50: number }> {
  const buffer = new ArrayBuffer(8);
  structuredClone(buffer, { transfer: [buffer] });
  const rows = timeKinds(sample, model, "after a detach");
  return Object.fromEntries(Object.entries(rows).map(([kind, row]) => {
    const ratio = row.p50_ms / before[kind].p50_ms;
    console.log(`  ${kind} after a detach / before: ${fmt(ratio)}x at p50`);
    return [kind, { ...row, vs_before_p50: ratio }];
  }));
}

/**
 * Text mode on each page as a Markdown scraper gives it (src/eval/markdown.ts). turndown's DOM
 * detaches an ArrayBuffer as it loads (it made text mode 18 % slower in this process), so it is
 * loaded here, after benchTextDetached, and the figure is beside page_text's after a detach.
 */
export async function benchMarkdown(sample: CorpusPage[], model: Model, detached: Record<string, TextRow>): Promise<TextRow & { vs_page_text_p50: number }> {
  const { pageMarkdown } = await import("../../src/eval/markdown.ts");
  const inputs = sample.map((p) => pageMarkdown(p.html));
  const row = timeKinds(sample, model, "after a detach", { markdown: inputs }).markdown;
  const ratio = row.p50_ms / detached.page_text.p50_ms;
  console.log(`  markdown / page_text after a detach: ${fmt(ratio)}x at p50 (${fmt(sum(inputs.map((t) => t.length)) / sum(sample.map((p) => p.page_text.length)))}x the characters)`);
  return { ...row, vs_page_text_p50: ratio };
}

function timeKinds(sample: CorpusPage[], model: Model, label: string, given?: Record<string, string[]>): Record<string, TextRow> {
  const out: Record<string, TextRow> = {};
  const kinds = given ?? { loose_text: sample.map((p) => p.loose_text), page_text: sample.map((p) => p.page_text) };
  for (const [kind, inputs] of Object.entries(kinds)) {
    const per = sample.map(() => Infinity);
    for (let r = 0; r < TEXT_REPEATS; r++) {
      inputs.forEach((text, i) => {
        const t = performance.now();
        clean(text, {}, model);
        per[i] = Math.min(per[i], performance.now() - t);
      });
    }
    const bytes = sum(inputs.map((t) => Buffer.byteLength(t)));
    const row = { ...timing(per), mb_per_s: bytes / 1e6 / (sum(per) / 1000) };
    out[kind] = row;
    console.log(`${label} ${kind.padEnd(10)} p50 ${fmt(row.p50_ms)} ms  p90 ${fmt(row.p90_ms)}  p99 ${fmt(row.p99_ms)}  ${fmt(row.mb_per_s)} MB/s`);
  }
  return out;
}

export function benchReadability(sample: CorpusPage[], text: Record<string, TextRow>): Timing & { ratios: Record<string, { p50: number; total: number }> } {
  const rd = sample.map((p) => { const t = performance.now(); readabilityPredict(p.html, p.url); return performance.now() - t; });
  const row = timing(rd);
  console.log(`readability on jsdom (HTML)  p50 ${fmt(row.p50_ms)} ms  p90 ${fmt(row.p90_ms)}  p99 ${fmt(row.p99_ms)}`);
  const ratios: Record<string, { p50: number; total: number }> = {};
  for (const [kind, t] of Object.entries(text)) {
    ratios[kind] = { p50: row.p50_ms / t.p50_ms, total: row.total_ms / t.total_ms };
    console.log(`  readability / text mode ${kind}: ${fmt(ratios[kind].p50)}x at p50, ${fmt(ratios[kind].total)}x in total`);
  }
  return { ...row, ratios };
}

interface ScaleChild { docs: number; chars: number; ms: number; first_ms: number; peak_mb: number }

/** One size: the median child's time (and first round), the largest peak, every child's time. */
export interface ScalingRow extends ScaleChild { factor: number; runs_ms: number[]; ratio?: number; pass_ratios?: number[] }

/**
 * The same 100 pages' page_text cleaned as 100 documents of one page, 10 of ten pages and one of
 * all hundred (concatenated), each size in a fresh child process (scale-child.ts) per pass, over
 * SCALING_PASSES interleaved passes: time per document (the best round after a first round at that
 * size, which is shown apart; the median over the passes) and the peak resident memory one round
 * adds (the largest over the passes). The text is the same at every size, so linear work gives
 * exactly 10x per 10x; the ratio is between the sizes' medians, each pass's own ratio beside it.
 */
export function benchScaling(sample: CorpusPage[], repoRoot: string): ScalingRow[] {
  console.log(`\nscaling (the same 100 pages' page_text as 100 x 1, 10 x 10 and 1 x 100 pages concatenated; ${SCALING_PASSES} interleaved passes, a fresh process per size and pass):`);
  const pages = sample.slice(0, SCALING_PAGES).map((p) => p.page_text);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-scaling-"));
  const warm = path.join(dir, "warm.txt");
  fs.writeFileSync(warm, pages.slice().sort((a, b) => a.length - b.length)[pages.length >> 1]);
  const factors = [1, 10, 100];
  const child = path.join(repoRoot, "scripts", "bench", "scale-child.ts");
  const runs: ScaleChild[][] = factors.map(() => []);
  try {
    const files = factors.map((factor) => {
      const docs: string[] = [];
      for (let i = 0; i < pages.length; i += factor) docs.push(pages.slice(i, i + factor).join("\n"));
      const file = path.join(dir, `${factor}x.json`);
      fs.writeFileSync(file, JSON.stringify(docs));
      return file;
    });
    for (let pass = 0; pass < SCALING_PASSES; pass++) {
      files.forEach((file, k) => runs[k].push(JSON.parse(execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", child, file, warm, String(SCALING_ROUNDS)], { cwd: repoRoot, encoding: "utf8" }))));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const rows: ScalingRow[] = [];
  factors.forEach((factor, k) => {
    const ms = runs[k].map((r) => r.ms);
    const prev = rows[k - 1];
    const row: ScalingRow = {
      factor, docs: runs[k][0].docs, chars: runs[k][0].chars,
      ms: pct(ms, 0.5), first_ms: pct(runs[k].map((r) => r.first_ms), 0.5), peak_mb: Math.max(...runs[k].map((r) => r.peak_mb)), runs_ms: ms,
      ratio: prev ? pct(ms, 0.5) / prev.ms : undefined,
      pass_ratios: prev ? ms.map((x, pass) => x / runs[k - 1][pass].ms) : undefined,
    };
    rows.push(row);
    const spread = `${fmt(Math.min(...ms))}-${fmt(Math.max(...ms))}`;
    const ratios = row.pass_ratios ? `  (x${row.ratio!.toFixed(1)} for 10x input; per pass ${row.pass_ratios.map((r) => `x${r.toFixed(1)}`).join(" ")})` : "";
    console.log(`  ${String(factor).padStart(3)}x ${(row.chars / 1024).toFixed(0).padStart(6)} KiB/doc  ${fmt(row.ms).padStart(7)} ms/doc (${spread}; first round ${fmt(row.first_ms)})  peak +${row.peak_mb.toFixed(1)} MB${ratios}`);
  });
  return rows;
}
