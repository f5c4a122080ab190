// Evaluate boilerstrip and the baselines on the corpus (DESIGN.md §4).
//
//   npm run eval -- [--limit N] [--corpus PATH] [--out reports/eval.json] [--model cv|bundled|FILE]
//                   [--compare old.json] [--no-readability] [--no-cache]
//
// For each page: the input unchanged (page_text, loose_text), Readability on the html, and
// boilerstrip on page_text and loose_text, each scored against the gold body. Prints macro
// P / R / F1 for articles and for all pages, pages where boilerstrip lost body text, timings,
// and with --compare the differences from an earlier report. By default every page is cleaned by
// the fold model that never saw its site (src/eval/models.ts): figures cross-validated by site. Writes a JSON report with the
// per-page scores.
//
// Readability results are cached in .tmp/eval-cache/ (they do not change between runs and take
// most of the time); --no-cache recomputes them and leaves the cache alone.

import path from "node:path";
import { execFileSync } from "node:child_process";
import { ReadabilityCache, readabilityPredict, type ReadabilityResult } from "../src/eval/baselines.ts";
import { REPO_ROOT, pageSite, readCorpus, resolveCorpusPath } from "../src/eval/corpus.ts";
import {
  compareScores,
  formatCalibration,
  formatComparison,
  formatLosses,
  GOOD_F1,
  formatLowRecall,
  formatTable,
  lowRecall,
  readReport,
  summarize,
  writeReport,
  type EvalReport,
  type LossPage,
  type PageScore,
} from "../src/eval/report.ts";
import { scoreDoc } from "../src/eval/score.ts";
import { INPUT_KINDS, predictText, systemPredict, type SystemPrediction } from "../src/eval/system.ts";
import { MarkdownSniffTally, pageMarkdown } from "../src/eval/markdown.ts";
import { pageRenderedText } from "../src/eval/rendered.ts";
import { chooseHtmlModels, chooseModels } from "../src/eval/models.ts";
import { TitleTally } from "../src/eval/titles.ts";
import { SnippetTally } from "../src/eval/snippets.ts";
import { formatSamples, scoreSamples } from "../src/eval/samples.ts";
import { evalSiteTemplates, formatSiteTemplates } from "../src/eval/site-templates.ts";
import { PageCache } from "../src/eval/page-cache.ts";
import { jsdomImpl, linkedomImpl } from "../src/dom/node.ts";
import { cleanReadPage, streamedBlocks } from "../src/html/clean-page.ts";
import { cleanHtmlBlocks } from "../src/core/clean-html.ts";
import { resolveOptions } from "../src/core/options.ts";
import { lostBodyLines } from "../src/eval/losses.ts";
import { positiveInt, scriptArgs, usageError } from "./args.ts";

const USAGE = `usage: npm run eval -- [--limit N] [--corpus PATH] [--out reports/eval.json] [--model cv|bundled|FILE] [--compare old.json] [--no-readability] [--no-cache] [--html jsdom,linkedom,fast|none]`;

function parse() {
  const values = scriptArgs({
    limit: { type: "string" },
    corpus: { type: "string" },
    out: { type: "string" },
    compare: { type: "string" },
    model: { type: "string", default: "cv" },
    "no-readability": { type: "boolean", default: false },
    "no-cache": { type: "boolean", default: false },
    html: { type: "string", default: "jsdom,linkedom,fast" },
  }, USAGE);
  const html = values.html === "none" ? [] : values.html.split(",");
  for (const d of html) if (d !== "jsdom" && d !== "linkedom" && d !== "fast") usageError(`--html takes jsdom, linkedom, fast or none, not ${d}`, USAGE);
  return {
    limit: positiveInt("limit", values.limit, USAGE),
    corpus: resolveCorpusPath(values.corpus),
    out: values.out ? path.resolve(values.out) : path.join(REPO_ROOT, "reports", "eval.json"),
    compare: values.compare ? path.resolve(values.compare) : undefined,
    model: values.model,
    readability: !values["no-readability"],
    cache: !values["no-cache"],
    html: html as ("jsdom" | "linkedom" | "fast")[],
  };
}

/** Running time statistics of one stage, in milliseconds. */
class Timer {
  readonly ms: number[] = [];
  add(ms: number): void {
    this.ms.push(ms);
  }
  get total(): number {
    return this.ms.reduce((a, b) => a + b, 0);
  }
  summary(): { n: number; total_s: number; mean_ms: number; p50_ms: number; p95_ms: number; max_ms: number } {
    const s = [...this.ms].sort((a, b) => a - b);
    const q = (f: number): number => (s.length ? s[Math.min(s.length - 1, Math.floor(f * s.length))] : NaN);
    const r = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;
    return {
      n: s.length,
      total_s: r(this.total / 1000),
      mean_ms: r(s.length ? this.total / s.length : NaN),
      p50_ms: r(q(0.5)),
      p95_ms: r(q(0.95)),
      max_ms: r(s.length ? s[s.length - 1] : NaN),
    };
  }
  line(name: string): string {
    const x = this.summary();
    if (!x.n) return `  ${name}: -`;
    return `  ${name}: ${x.total_s.toFixed(1)} s total, per page mean ${x.mean_ms.toFixed(1)} ms, p50 ${x.p50_ms.toFixed(1)}, p95 ${x.p95_ms.toFixed(1)}, max ${x.max_ms.toFixed(1)} (n=${x.n})`;
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "ignore"] }).toString().trim() || null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const args = parse();
  const t0 = performance.now();
  const scores: PageScore[] = [];
  const timers = {
    readability: new Timer(),
    page_text: new Timer(),
    loose_text: new Timer(),
    rendered: new Timer(),
    markdown: new Timer(),
    one_line: new Timer(),
  };
  const sniff = new MarkdownSniffTally();
  let scoringMs = 0;
  let pages = 0;
  const rdStatus: Record<ReadabilityResult["status"], number> = { ok: 0, null: 0, error: 0 };
  const sysErrors: { id: string; kind: string; error: string }[] = [];
  const losses: LossPage[] = [];
  const titles = new TitleTally();
  const snippets = new SnippetTally();
  const cache = args.readability && args.cache ? new ReadabilityCache(path.join(REPO_ROOT, ".tmp", "eval-cache", "readability.jsonl")) : null;

  const models = chooseModels(args.model);
  const htmlModels = args.html.some((d) => d !== "fast") ? chooseHtmlModels(args.model) : null;
  const fastModels = args.html.includes("fast") ? chooseHtmlModels(args.model, "fast") : null;
  const htmlRuns = args.html.filter((d) => d !== "fast").map((name) => ({
    name,
    kind: `html-${name}` as const,
    cache: new PageCache(name === "jsdom" ? jsdomImpl : linkedomImpl),
    read: { parse: new Timer(), readability: new Timer(), segment: new Timer() },
    learned: new Timer(),
  }));
  if (htmlModels) console.log(`boilerstrip html: ${htmlModels.describe}`);
  if (fastModels) console.log(`boilerstrip html-fast: ${fastModels.describe}`);
  // The fast engine reads each page itself (the stream takes milliseconds: no cache).
  const fastRun = fastModels ? { read: new Timer(), learned: new Timer() } : null;
  console.log(`boilerstrip: ${models.describe}`);
  console.error(`corpus ${args.corpus}${args.limit ? ` (first ${args.limit} pages)` : ""}`);
  let lastTick = t0;
  for await (const page of readCorpus({ path: args.corpus, limit: args.limit })) {
    pages++;
    const base = { id: page.id, site: pageSite(page), page_type: page.meta.page_type };
    const score = (system: PageScore["system"], kind: PageScore["kind"], pred: string, extra: Partial<PageScore> = {}): void => {
      const ts = performance.now();
      const s = scoreDoc(page.gold, pred);
      scoringMs += performance.now() - ts;
      scores.push({ ...base, kind, system, p: s.p, r: s.r, f1: s.f1, ...extra });
      snippets.add(system, kind, pred);
    };

    snippets.startPage(page.meta.page_type, page.meta, page.gold, { page_text: page.page_text, loose_text: page.loose_text });
    for (const kind of INPUT_KINDS) score("unchanged", kind, page[kind]);

    if (args.readability) {
      const ts = performance.now();
      const r = cache ? cache.predict(page.id, page.html, page.url) : { ...readabilityPredict(page.html, page.url), cached: false };
      const ms = performance.now() - ts;
      if (!r.cached) timers.readability.add(ms);
      rdStatus[r.status]++;
      score("readability", "html", r.text, r.cached ? {} : { ms: round(ms) });
    }

    for (const kind of INPUT_KINDS) {
      let pred: SystemPrediction;
      let error: string | undefined;
      const ts = performance.now();
      try {
        pred = systemPredict(page, kind, models.forSite(base.site));
      } catch (e) {
        error = String((e as Error)?.stack ?? e).split("\n").slice(0, 3).join(" | ");
        pred = { text: "" };
        sysErrors.push({ id: page.id, kind, error });
      }
      const ms = performance.now() - ts;
      timers[kind].add(ms);
      const extra: Partial<PageScore> = { ms: round(ms) };
      if (typeof pred.confidence === "number") extra.confidence = pred.confidence;
      if (error) extra.error = error;
      score("boilerstrip", kind, pred.text, extra);
      if (!error && base.page_type === "article") {
        titles.add(kind, page[kind], page.meta.title, pred.title);
        // Text is often posted without its URL: the title as found from the text alone.
        titles.add(`${kind}, no url`, page[kind], page.meta.title, predictText(page[kind], null, models.forSite(base.site)).title);
      }
      const last = scores[scores.length - 1];
      if (!error && last.r < GOOD_F1) {
        losses.push({ ...base, kind, r: last.r, p: last.p, lost: lostBodyLines(page[kind], page.gold, models.forSite(base.site), page.url ? { url: page.url } : {}) });
      }
      // Recall under each preference: "recall" must keep more body than "balanced" on the corpus.
      if (!error) {
        for (const preference of ["recall", "precision"] as const) {
          score(`boilerstrip:${preference}`, kind, systemPredict(page, kind, models.forSite(base.site), { preference }).text);
        }
      }
    }

    // A text view of the page cleaned as a client would send it, timed, its title counted.
    const cleanView = (kind: "rendered" | "markdown" | "one_line", text: string): void => {
      score("unchanged", kind, text);
      const ts = performance.now();
      const pred = predictText(text, page.url, models.forSite(base.site));
      const ms = performance.now() - ts;
      timers[kind].add(ms);
      score("boilerstrip", kind, pred.text, { confidence: pred.confidence, ms: round(ms) });
      if (base.page_type === "article") titles.add(kind, page.page_text, page.meta.title, pred.title);
    };
    // The page as a rendering scraper gives it: page_text's blocks with blank lines around the
    // paragraphs and headings (src/eval/rendered.ts).
    cleanView("rendered", pageRenderedText(page.html));

    // The page as a Markdown scraper gives it (turndown over the whole body): read as Markdown
    // (format "auto" decides, as for a client), and read as plain text to show what that adds.
    const markdown = pageMarkdown(page.html);
    sniff.add(markdown, { page_text: page.page_text, loose_text: page.loose_text }, page.id);
    cleanView("markdown", markdown);
    score("boilerstrip:as-text", "markdown", predictText(markdown, page.url, models.forSite(base.site), { format: "text" }).text);
    // The page as a scraper that collapses white space gives it (" ".join(soup.stripped_strings)):
    // page_text's lines run into one line, which boilerstrip reads as its sentences (long-lines.ts).
    cleanView("one_line", page.page_text.split("\n").join(" "));

    for (const run of htmlRuns) {
      const rp = run.cache.read(page.id, page.html, page.url ?? undefined);
      for (const k of ["parse", "readability", "segment"] as const) run.read[k].add(rp.timings[k]);
      const ts = performance.now();
      const { model, htmlModel } = htmlModels!.forSite(base.site);
      const res = cleanReadPage(rp, resolveOptions(page.url ? { url: page.url } : {}), { dom: run.name, model, htmlModel }, page.html.length);
      const ms = performance.now() - ts;
      run.learned.add(ms);
      score("boilerstrip", run.kind, res.text, { confidence: res.confidence, ms: round(ms + rp.timings.parse + rp.timings.readability + rp.timings.segment) });
      // HTML mode's titles are counted on the articles whose visible text holds the page title.
      if (base.page_type === "article") titles.add(run.kind, page.page_text, page.meta.title, res.title);
    }

    if (fastRun) {
      const opts = resolveOptions(page.url ? { url: page.url, htmlEngine: "fast" } : { htmlEngine: "fast" });
      const ts = performance.now();
      const read = streamedBlocks(page.html, opts.url);
      const t1 = performance.now();
      const { model, htmlModel } = fastModels!.forSite(base.site);
      const res = cleanHtmlBlocks({ ...read, inputChars: page.html.length }, opts, model, htmlModel);
      const t2 = performance.now();
      fastRun.read.add(t1 - ts);
      fastRun.learned.add(t2 - t1);
      score("boilerstrip", "html-fast", res.text, { confidence: res.confidence, ms: round(t2 - ts) });
      if (base.page_type === "article") titles.add("html-fast", page.page_text, page.meta.title, res.title);
      // The default HTML engine under each preference too, on the same reading of the page.
      for (const preference of ["recall", "precision"] as const) {
        const prefOpts = resolveOptions({ ...(page.url ? { url: page.url } : {}), htmlEngine: "fast", preference });
        score(`boilerstrip:${preference}`, "html-fast", cleanHtmlBlocks({ ...read, inputChars: page.html.length }, prefOpts, model, htmlModel).text);
      }
    }

    const now = performance.now();
    if (now - lastTick > 15_000) {
      lastTick = now;
      console.error(`  ${pages} pages, ${((now - t0) / 1000).toFixed(0)} s`);
    }
  }
  await cache?.close();
  for (const run of htmlRuns) await run.cache.close();
  const wallMs = performance.now() - t0;

  const summary = summarize(scores);
  const low = lowRecall(scores);
  const stageMs = timers.readability.total + timers.page_text.total + timers.loose_text.total + timers.rendered.total + timers.markdown.total + timers.one_line.total + scoringMs;
  const timing = {
    wall_s: round(wallMs / 1000),
    read_parse_other_s: round((wallMs - stageMs) / 1000),
    scoring_s: round(scoringMs / 1000),
    readability: timers.readability.summary(),
    readability_cached: cache?.hits ?? 0,
    boilerstrip_page_text: timers.page_text.summary(),
    boilerstrip_loose_text: timers.loose_text.summary(),
    boilerstrip_rendered: timers.rendered.summary(),
    boilerstrip_markdown: timers.markdown.summary(),
    boilerstrip_one_line: timers.one_line.summary(),
    ...Object.fromEntries(htmlRuns.map((r) => [`boilerstrip_html_${r.name}`, { parse: r.read.parse.summary(), readability: r.read.readability.summary(), segment: r.read.segment.summary(), learned: r.learned.summary() }])),
    ...(fastRun ? { boilerstrip_html_fast: { stream: fastRun.read.summary(), learned: fastRun.learned.summary() } } : {}),
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };

  console.log(`\n${pages} pages, ${summary.find((r) => r.system === "unchanged")?.article.n ?? 0} articles  (macro = mean of per-page scores)\n`);
  console.log(formatTable(summary));
  if (args.readability) {
    console.log(`\nreadability: ${rdStatus.ok} articles, ${rdStatus.null} null, ${rdStatus.error} errors (null/error scored as empty)`);
  }
  const cal = formatCalibration(summary);
  if (cal) console.log(`\nconfidence calibration (event: F1 >= 0.9):\n${cal}`);
  console.log(`\n${titles.lines()}`);
  console.log(`\n${snippets.lines()}`);
  console.log(`\n${sniff.line()}`);
  // The hand-labelled samples too: with cross-validated models, each by the fold model that never saw it.
  const samples = scoreSamples(path.join(REPO_ROOT, "samples"), (site) => models.forSite(site));
  console.log(`\n${formatSamples(samples, args.model === "cv" ? "each cleaned by the fold model that never saw it" : models.describe)}`);
  // Site templates, on the sites with several pages (a second, quick read of the corpus).
  const siteTemplates = await evalSiteTemplates(args.corpus, models, fastModels, args.limit);
  console.log(`\n${formatSiteTemplates(siteTemplates)}`);
  console.log(`\n${formatLowRecall(low)}`);
  console.log(`\n${formatLosses(losses)}`);
  if (sysErrors.length) {
    console.log(`\nboilerstrip threw on ${sysErrors.length} page inputs (scored as empty); first ones:`);
    for (const e of sysErrors.slice(0, 5)) console.log(`  ${e.id} ${e.kind}: ${e.error}`);
  }

  console.log(`\ntiming: ${timing.wall_s.toFixed(1)} s wall for ${pages} pages (peak RSS ${timing.max_rss_mb} MB)`);
  console.log(`  corpus read + JSON parse + rest: ${timing.read_parse_other_s.toFixed(1)} s; scoring: ${timing.scoring_s.toFixed(2)} s`);
  if (args.readability) {
    console.log(timers.readability.line(`readability (jsdom)${cache ? `, ${cache.hits} from cache` : ""}`));
  }
  console.log(timers.page_text.line("boilerstrip page_text"));
  console.log(timers.loose_text.line("boilerstrip loose_text"));
  console.log(timers.rendered.line("boilerstrip rendered (page_text's blocks with blank lines)"));
  console.log(timers.markdown.line("boilerstrip markdown (turndown's Markdown of the page)"));
  console.log(timers.one_line.line("boilerstrip one_line (page_text run into one line)"));
  for (const run of htmlRuns) {
    console.log(`  boilerstrip html on ${run.name} (${run.cache.hits} pages read from .tmp/page-cache; times as recorded when read):`);
    for (const k of ["parse", "readability", "segment"] as const) console.log(`  ${run.read[k].line(`  ${k}`)}`);
    console.log(`  ${run.learned.line("  features + classify + assemble")}`);
  }
  if (fastRun) {
    console.log("  boilerstrip html-fast (streaming segmenter + learned region):");
    console.log(`  ${fastRun.read.line("  stream (parse + segment + metadata)")}`);
    console.log(`  ${fastRun.learned.line("  region + features + classify + assemble")}`);
  }

  const report: EvalReport = {
    version: 1,
    created: new Date().toISOString(),
    corpus: args.corpus,
    limit: args.limit ?? null,
    pages,
    run: {
      git: gitCommit(),
      node: process.version,
      model: models.describe,
      readability: args.readability ? { ...rdStatus, cached: cache?.hits ?? 0 } : "skipped",
      boilerstrip_errors: sysErrors.length,
      timing,
    },
    summary,
    titles: Object.fromEntries(titles.byKind),
    snippets: Object.fromEntries(snippets.counts),
    samples,
    site_templates: siteTemplates,
    low_recall: low,
    losses,
    scores,
  };

  if (args.compare) {
    // Read the old report before writing the new one: --out and --compare may be the same file.
    try {
      const old = readReport(args.compare);
      console.log(`\n${formatComparison(compareScores(old.scores, scores), `${path.relative(process.cwd(), args.compare) || args.compare} (${old.created ?? "?"})`)}`);
    } catch (e) {
      console.error(`\n--compare: ${(e as Error).message}`);
      process.exitCode = 1;
    }
  }

  writeReport(args.out, report);
  console.log(`\nreport: ${path.relative(process.cwd(), args.out) || args.out}`);
}

function round(x: number, d = 2): number {
  return Math.round(x * 10 ** d) / 10 ** d;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
