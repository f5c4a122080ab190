// HTML mode under jsdom and under linkedom, split into its stages, beside Readability alone on
// each DOM on the same pages (parse + Readability, what a Readability user pays).
import { resolveOptions } from "../../src/core/options.ts";
import type { Model } from "../../src/core/model.ts";
import type { HtmlModel } from "../../src/core/html-model.ts";
import { jsdomImpl, linkedomImpl } from "../../src/dom/node.ts";
import { assembleBlocks, scoreBlocks, type HtmlBlocksInput } from "../../src/core/clean-html.ts";
import { readPageInput, streamedBlocks } from "../../src/html/clean-page.ts";
import type { DomImpl } from "../../src/html/dom.ts";
import { stripScriptsAndStyles } from "../../src/html/prepare.ts";
import { readPage } from "../../src/html/read-page.ts";
import type { CorpusPage } from "../../src/eval/corpus.ts";
import { fmt, timing, type Timing } from "./stats.ts";

export interface HtmlRow {
  total: Timing;
  parse: Timing;
  readability: Timing;
  segment: Timing;
  /** The text model and the HTML pass over the blocks: features and both classifier passes. */
  classify: Timing;
  /** Threshold, confidence, title and metadata, removed blocks with their reasons. */
  assemble: Timing;
  readability_alone: Timing;
  /** Readability alone on jsdom / this HTML mode, at p50 and in total over the sample. */
  vs_readability_jsdom?: { p50: number; total: number };
}

/** Readability alone as a user runs it: parse the page, run Readability on it. */
function readabilityAlone(html: string, dom: DomImpl, url?: string): number {
  const t = performance.now();
  const page = dom.parse(stripScriptsAndStyles(html), url);
  try {
    const Readability = dom.readability();
    new Readability<Node>(page.document, { serializer: (n: Node) => n }).parse();
  } catch {
    // timed all the same
  } finally {
    page.dispose();
  }
  return performance.now() - t;
}

// The fast engine's passes over the sample, keeping each page's best call as text mode does (its
// first pass ran 10-40 % slower than its second in runs of .tmp/fastab.ts: code still warming up,
// and more so on a busy machine). Readability keeps one call a page: at 50-800 ms a page, warm-up
// is lost in its time.
const FAST_REPEATS = 3;

export interface FastRow {
  total: Timing;
  /** Parse + segment + metadata: the streaming segmenter. */
  stream: Timing;
  /** Features, region, classify: the text model, the region scorer and the HTML pass. */
  region_classify: Timing;
  assemble: Timing;
  vs_readability_jsdom?: { p50: number; total: number };
}

/**
 * The fast engine on the same pages: stream, then region + the learned passes. bench.ts runs it
 * before anything in the process has detached an ArrayBuffer, as in the server (src/dom/node-lazy.ts).
 */
export function benchFast(sample: CorpusPage[], model: Model, fastModel: HtmlModel): FastRow {
  const opts = resolveOptions({ htmlEngine: "fast" });
  const learned = (input: HtmlBlocksInput) => assembleBlocks(input, scoreBlocks(input, model, fastModel), opts, model, fastModel);
  for (const p of sample.slice(0, 5)) learned({ ...streamedBlocks(p.html, p.url ?? undefined), inputChars: p.html.length }); // warm up
  const stream = sample.map(() => Infinity), classify = sample.map(() => Infinity), assemble = sample.map(() => Infinity), total = sample.map(() => Infinity);
  for (let r = 0; r < FAST_REPEATS; r++) {
    sample.forEach((p, i) => {
      const t = performance.now();
      const input = { ...streamedBlocks(p.html, p.url ?? undefined), inputChars: p.html.length };
      const t1 = performance.now();
      const scored = scoreBlocks(input, model, fastModel);
      const t2 = performance.now();
      assembleBlocks(input, scored, opts, model, fastModel);
      const t3 = performance.now();
      // Each page's best call, and the parts of that call.
      if (t3 - t < total[i]) { stream[i] = t1 - t; classify[i] = t2 - t1; assemble[i] = t3 - t2; total[i] = t3 - t; }
    });
  }
  return { total: timing(total), stream: timing(stream), region_classify: timing(classify), assemble: timing(assemble) };
}

/** Both DOMs' Readability engine, beside Readability alone; with `fast` (benchFast's row) beside them. */
export function benchHtml(sample: CorpusPage[], model: Model, htmlModel: HtmlModel, fast?: FastRow): Record<string, HtmlRow | FastRow> {
  const out: Record<string, HtmlRow> = {};
  const opts = resolveOptions({});
  for (const dom of [jsdomImpl, linkedomImpl]) {
    for (const p of sample.slice(0, 5)) readPage(p.html, dom); // warm up
    const parse: number[] = [], rd: number[] = [], seg: number[] = [], classify: number[] = [], assemble: number[] = [], total: number[] = [], alone: number[] = [];
    for (const p of sample) {
      const url = p.url ?? undefined;
      const t = performance.now();
      const page = readPage(p.html, dom, url);
      const t1 = performance.now();
      const input = readPageInput(page, dom.name, p.html.length);
      const scored = scoreBlocks(input, model, htmlModel);
      const t2 = performance.now();
      assembleBlocks(input, scored, opts, model, htmlModel);
      const t3 = performance.now();
      parse.push(page.timings.parse); rd.push(page.timings.readability); seg.push(page.timings.segment);
      classify.push(t2 - t1); assemble.push(t3 - t2); total.push(t3 - t);
      alone.push(readabilityAlone(p.html, dom, url));
    }
    out[dom.name] = { total: timing(total), parse: timing(parse), readability: timing(rd), segment: timing(seg), classify: timing(classify), assemble: timing(assemble), readability_alone: timing(alone) };
  }
  const base = out.jsdom.readability_alone;
  console.log("\nHTML mode, per page (ms, p50 / p90; parse includes preparing the markup):");
  for (const [name, r] of Object.entries(out)) {
    r.vs_readability_jsdom = { p50: base.p50_ms / r.total.p50_ms, total: base.total_ms / r.total.total_ms };
    const f = (t: Timing) => `${fmt(t.p50_ms)} / ${fmt(t.p90_ms)}`;
    console.log(`  ${name.padEnd(8)} total ${f(r.total)}  = parse ${f(r.parse)} + readability ${f(r.readability)} + segment ${f(r.segment)} + classify ${f(r.classify)} + assemble ${f(r.assemble)}`);
    console.log(`  ${"".padEnd(8)} Readability alone on ${name}: ${f(r.readability_alone)}; Readability alone on jsdom / this mode: ${fmt(r.vs_readability_jsdom.p50)}x at p50, ${fmt(r.vs_readability_jsdom.total)}x in total`);
  }
  if (!fast) return out;
  fast.vs_readability_jsdom = { p50: base.p50_ms / fast.total.p50_ms, total: base.total_ms / fast.total.total_ms };
  const f = (t: Timing) => `${fmt(t.p50_ms)} / ${fmt(t.p90_ms)}`;
  console.log(`  ${"fast".padEnd(8)} total ${f(fast.total)}  = stream (parse + segment + metadata) ${f(fast.stream)} + region/classify ${f(fast.region_classify)} + assemble ${f(fast.assemble)}`);
  console.log(`  ${"".padEnd(8)} Readability alone on jsdom / the fast engine: ${fmt(fast.vs_readability_jsdom.p50)}x at p50, ${fmt(fast.vs_readability_jsdom.total)}x in total`);
  return { ...out, fast };
}
