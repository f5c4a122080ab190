// The pipeline, readable in one screen:
//   input -> segment -> features -> classify -> smooth -> decide -> repeats -> title/meta -> assemble
import { NO_BUDGET, type Budget } from "./budget.ts";
import { categorize, pBodyNote, type LineShape, type Verdict } from "./categorize.ts";
import { firstPass, smoothLines } from "./classify.ts";
import type { Markers } from "./context.ts";
import { confidenceFeatures, confidenceOf } from "./confidence.ts";
import { DENSE_INDEX, DENSE_SIZE, extractFeatures, type DocFeatures } from "./features.ts";
import { piecesView, type Model } from "./model.ts";
import { MAX_URL_CHARS, resolveOptions, type CleanOptions } from "./options.ts";
import type { LineCodes } from "./codes.ts";
import { longParts, readInParts } from "./long-input.ts";
import { repeatedRuns } from "./repeats.ts";
import { firstTopHeading, layoutWithoutMarkup, looksLikeMarkdown, markdownLinesText, readerEnvelope } from "./markdown.ts";
import { LONG_LINE_CHARS, splitLongLines, type Pieces } from "./long-lines.ts";
import { LINE_BREAK, splitLines } from "./segment.ts";
import { unwrapLines, wrapWidth } from "./unwrap.ts";
import { pageKeys, templateCuts, type SiteContext } from "./site-template.ts";
import { slots } from "./slots.ts";
import { findTitleAndMeta } from "./title.ts";
import { headlineLine, likeTitle, TITLE_SEARCH_LINES, withoutSiteName } from "./headline.ts";
import type { Category, CleanResult, Label, LineResult, RemovedLine } from "./types.ts";

export interface Analysis {
  /** The segments' texts, made once for the features and the repeats rule. */
  texts: string[];
  /** The segments' line numbers in the input. */
  lineNos: ArrayLike<number>;
  doc: DocFeatures;
  /** First-pass and final P(body) per segment. */
  p1: Float64Array;
  p2: Float64Array;
  /** The learned start/end-of-body markers the second pass read (HTML mode's second pass reuses them). */
  markers: Markers;
}

/**
 * Everything up to the probabilities, of the segments' texts and line numbers (clean's text path,
 * and HTML mode's blocks). With `codes` (clean's text path: splitLines) the analysis is valid only
 * until the next input is split (extractFeatures). `layout`: the segments' line numbers in the text
 * they were split from, whose gaps are its blank lines (clean's text path; HTML's blocks have none).
 */
export function analyze(texts: string[], lineNos: ArrayLike<number>, model: Model, langHint?: string, budget: Budget = NO_BUDGET, codes?: LineCodes, layout?: ArrayLike<number>): Analysis {
  return analyzeDoc(texts, lineNos, model, langHint, budget, codes, layout, true);
}

/** analyze; `inParts`: a document longer than any the model learned from is read in parts (long-input.ts). */
function analyzeDoc(texts: string[], lineNos: ArrayLike<number>, model: Model, langHint: string | undefined, budget: Budget, codes: LineCodes | undefined, layout: ArrayLike<number> | undefined, inParts: boolean): Analysis {
  budget.check("segment");
  const doc = extractFeatures(texts, model.hashBits, langHint, codes, layout);
  budget.check("features");
  const { p1, markers } = firstPass(doc, model);
  const parts = inParts ? longParts(p1, doc.nWords) : null;
  if (parts) {
    // Each part in the whole's language, analysed without `codes`, so on fresh arrays: doc stays valid.
    const hint = doc.language === "und" ? langHint : doc.language;
    const read = readInParts(texts.length, parts, (from, to) => {
      const slice = <T>(x: ArrayLike<T>) => Array.prototype.slice.call(x, from, to) as T[];
      const part = analyzeDoc(texts.slice(from, to), slice(lineNos), model, hint, budget, undefined, layout && slice(layout), false);
      return { p1: part.p1, p2: part.p2, start: part.markers.start, end: part.markers.end };
    });
    return { texts, lineNos, doc, p1: read.p1, p2: read.p2, markers: { start: read.start, end: read.end } };
  }
  const p2 = smoothLines(p1, doc, model, markers);
  budget.check("classify");
  return { texts, lineNos, doc, p1, p2, markers };
}

// The context pass re-decides each line from its neighbours, and it learned from whole pages: an
// input of one or two lines gives it none to read, and it took them for a page's stray lines.
// A paragraph sent alone (a news brief), or one with a "Share this article" under it, lost its
// whole body: first pass 0.84, context pass 0.07 on every fold model. Below this many lines the
// first pass decides each line of prose (10+ words, features.ts's prose_like); a short line keeps
// the context pass's verdict, so a lone "404 Not Found" or "Forbidden" is still removed, not
// returned as an article with confidence 0.9. Set by hand: from three lines on the context pass
// keeps such paragraphs.
// Training the context pass on body-only views of the corpus's articles (as html-train.ts does for
// HTML mode) kept the lone paragraph too, but not the one with a share line under it, and cost
// held-out article F1 on loose_text 0.9583 -> 0.9570 and page_text 0.9348 -> 0.9342.
export const CONTEXT_MIN_LINES = 3;

/** The lines' final P(body): the context pass's, or with too few lines the first pass's on lines of prose (CONTEXT_MIN_LINES). */
export function decidedP(a: Analysis): Float64Array {
  return a.texts.length < CONTEXT_MIN_LINES ? Float64Array.from(a.p2, (x, i) => (a.doc.info[i].prose ? a.p1[i] : x)) : a.p2;
}

/** `site`: the template of the input's site, and whether to learn the input (site-template.ts). */
export function clean(input: string, options: unknown, model: Model, budget?: Budget, site?: SiteContext): CleanResult {
  const opts = resolveOptions(options ?? {});
  // Markdown is read as the text its reader sees, line for line (markdown.ts); hard-wrapped text a
  // paragraph a segment (unwrap.ts). Format "text" reads the input as it is.
  const envelope = opts.format === "text" ? null : readerEnvelope(input);
  const markdown = envelope !== null || opts.format === "markdown" || (opts.format === "auto" && looksLikeMarkdown(input));
  // The input's lines, split once when the pipeline reads something else than the lines as sent.
  let source = markdown ? input.split(LINE_BREAK) : null;
  const readLines = source ? markdownLinesText(source, envelope?.end) : null;
  const read = readLines ? readLines.join("\n") : input;
  if (envelope?.url && opts.url === undefined && envelope.url.length <= MAX_URL_CHARS) opts.url = envelope.url;
  const width = opts.format === "text" ? 0 : wrapWidth(read);
  const paragraphs = width ? unwrapLines(read, width) : null;
  const unwrapped = paragraphs ? paragraphs.text : read;
  let split = splitLines(unwrapped);
  // A line longer than the model learned from is read as its sentences (long-lines.ts), split
  // again; not in Markdown, whose body is returned as its lines were written, nor in hard-wrapped
  // text, whose long paragraphs would come back unwrapped, numbered by their first line.
  const pieces = markdown || paragraphs || longestSegment(split.codes) <= LONG_LINE_CHARS ? null : splitLongLines(unwrapped);
  if (pieces) split = splitLines(pieces.text);
  const { texts, codes } = split;
  // Each segment's first input line (a piece's line; a paragraph's line in the unwrapped text -> the input's).
  const lineNos = pieces ? Int32Array.from(split.lineNos, (k) => pieces.line[k]) : paragraphs ? Int32Array.from(split.lineNos, (k) => paragraphs.first[k]) : split.lineNos;
  // The blank lines the features read are those of the text as split; in Markdown, less the lines
  // its markup alone filled (a table's rule, a code fence, an image), which read as blank.
  const layout = readLines ? layoutWithoutMarkup(split.lineNos, (k) => { const r = paragraphs ? paragraphs.first[k] : k; return readLines[r] === "" && source![r].trim() !== ""; }) : split.lineNos;
  // A text read mostly as sentences of long lines (a page run into one line) is read by the model's
  // part for such texts: their own context pass, thresholds and confidence (model.ts piecesView).
  // The main parts learned from texts as sent; on the corpus's pages run into one line they kept
  // their menus and "related" lists (articles F1 0.841, P 0.753), and gave a confidence of 0.89 on
  // average where a third reach F1 0.9.
  const m = pieces && oneLineShare(texts, pieces, split.lineNos) >= PIECES_SHARE ? piecesView(model) : model;
  const a = analyze(texts, lineNos, m, undefined, budget, codes, layout);
  const threshold = m.file.thresholds[opts.preference];
  // Too few lines for a sequence: the first pass decides a line of prose (see CONTEXT_MIN_LINES).
  const p = decidedP(a);
  const keep = kept(p, threshold);
  const confidenceFor = (keep: readonly boolean[], leaveOut?: ArrayLike<number>) => confidenceOf(confidenceFeatures(p, a.p1, keep, a.doc.nWords, threshold, a.doc.language !== "und", leaveOut), m);
  const known: KnownFromPage = site ? { site, confidenceFor } : {};
  if (paragraphs) source ??= input.split(LINE_BREAK);
  if (source) {
    const lines = source;
    known.sent = paragraphs ? Array.from(split.lineNos, (k) => lines.slice(paragraphs.first[k], paragraphs.last[k] + 1).join("\n")) : Array.from(lineNos, (no) => lines[no]);
  }
  // A piece of a long line as sent: with the white space after it, so that kept pieces run together
  // are the line as sent (assemble).
  if (pieces) known.sent = Array.from(split.lineNos, (k) => pieces.sent[k]);
  if (markdown) {
    known.markdown = true;
    if (envelope?.title) known.title = envelope.title;
    // The first "# " heading near the top: the title when the title model finds none. On the
    // corpus's articles as turndown writes them (657 whose text holds the page title), the title
    // model alone returns 399 titles, 367 right; the heading alone 370, 319 right (a site's name or
    // a section's is often the first <h1>); the model, else the heading, 519, 472 right (with the
    // title model trained with and without URLs, 522 and 480).
    const h1 = firstTopHeading(source!, lineNos, TITLE_SEARCH_LINES);
    if (h1 >= 0) known.headline = h1;
  }
  return assemble(a, p, threshold, m.file.thresholds.balanced, confidenceFor(keep), opts, m, "text", input.length, known);
}

// A text is read by the model's part for sentences of long lines (piecesView) when one long line
// holds at least this share of its characters: a page run into one line. Set by hand: that part
// was fitted on pages run whole into one line (share 1). Texts with long paragraphs, a line each,
// are texts as sent: with the part read by the share of all pieces, a sample's body as one line
// among its other lines (0.7 of it) lost its last sentences as a one-line page's tail, and a
// corpus page of terms in five long lines (loose_text) fell from F1 1.00 to 0.88.
const PIECES_SHARE = 0.9;

/**
 * The share of the segments' characters in the long line that holds the most (`lineNos`: each
 * segment's line in `pieces.text`, where a long line's pieces are consecutive lines).
 */
function oneLineShare(texts: readonly string[], pieces: Pieces, lineNos: ArrayLike<number>): number {
  let all = 0, most = 0, run = 0;
  for (let i = 0; i < texts.length; i++) {
    const k = lineNos[i];
    all += texts[i].length;
    const goesOn = i > 0 && pieces.line[lineNos[i - 1]] === pieces.line[k];
    run = pieces.piece[k] ? (goesOn ? run : 0) + texts[i].length : 0;
    most = Math.max(most, run);
  }
  return all ? most / all : 0;
}

/** The longest segment's length, trimmed (a scan of the segments, not of the text). */
function longestSegment(codes: LineCodes): number {
  let most = 0;
  for (let k = 0; k < codes.from.length; k++) most = Math.max(most, codes.to[k] - codes.from[k]);
  return most;
}

function lineBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * From decided probabilities to the response: title and metadata, the body, every removed line
 * with its category and reason. `p` is the final P(body) (the text model's second pass, or the
 * HTML pass in HTML mode); `a.p1` is shown as the raw per-line score.
 */
export function assemble(a: Analysis, p: Float64Array, threshold: number, balancedThreshold: number, confidence_: number, opts: CleanOptions, model: Model, mode: "text" | "html", inputChars: number, known: KnownFromPage = {}): CleanResult {
  const { texts, lineNos, doc, p1 } = a;
  const n = texts.length;
  // A page with no text at all (HTML of scripts only, or nothing) has no article to be sure of: the
  // confidence model, fitted on pages with lines, gave such a page a constant 0.48 (fast engine).
  let confidence = n === 0 ? 0 : confidence_;
  const nWords = doc.nWords;
  // What the body is made of beyond each line's own score (which copy of a repeated passage
  // stays, the title and its metadata, the site template's cuts) is decided once, on the lines
  // kept at `balancedThreshold` (the title model was trained there), whatever the preference: the
  // preference then only moves the line threshold, so recall keeps all that balanced keeps and
  // balanced all that precision keeps.
  const balanced = keptLines(texts, doc, p, balancedThreshold, lineNos);
  const repeats = balanced.repeats;
  const keep = threshold === balancedThreshold ? balanced.keep : kept(p, threshold).map((k, i) => k && repeats[i] < 0);
  // The title model reads the lines in its window, the body's opening words and the URL (title.ts).
  const found = findTitleAndMeta(doc, p, balanced.keep, opts.url, model);
  const meta = new Set(found.meta);
  // A declared title found on the page (headline.ts) gives the title line and its text; else the
  // declared title is returned without a site's name after it, and the model's title line is
  // removed from the body.
  // The page's other declared titles are tried in turn (a JSON-LD headline can be a cut
  // description), and are taken only from a heading: a <title> that is the site's name alone
  // equals the logo's line.
  let shown = known.title === undefined ? -1 : headlineLine(texts, known.title, known.headings);
  for (const other of known.titles ?? []) {
    if (shown >= 0) break;
    if (other !== known.title) shown = headlineLine(texts, other, known.headings, true);
  }
  const title = shown >= 0 ? shown : found.title >= 0 ? found.title : known.headline ?? -1;
  // Else the title model's line, when it reads as the declared title (a headline below the first
  // TITLE_SEARCH_LINES blocks); else the declared title without a site's name after it.
  const knownTitle = shown >= 0 ? texts[shown].trim()
    : known.title === undefined ? undefined
    : title >= 0 && likeTitle(texts[title], known.title) ? texts[title].trim()
    : withoutSiteName(known.title, known.siteName, opts.url);
  // What the page itself says is its byline or date is metadata wherever the model put it.
  // (Out of both: the template's share below is read on the balanced body without them.)
  if (known.metaLines) for (const i of matchingLines(texts, known.metaLines, title)) { keep[i] = balanced.keep[i] = false; meta.add(i); }
  if (title >= 0) keep[title] = balanced.keep[title] = false;
  // Kept lines that the site's other pages hold too: its template (site-template.ts).
  const template = known.site?.template;
  const cuts = template ? templateCuts(template, texts, balanced.keep, nWords) : null;
  if (cuts) for (let i = 0; i < n; i++) if (cuts[i] > 0) keep[i] = false;
  // The confidence describes the body returned: made again on the page read without the lines the
  // template cut. Counted as removed lines the model was sure of, they lowered it for a page whose
  // body was now right (0.95 -> 0.65 once a donation appeal was cut).
  if (cuts && known.confidenceFor) confidence = known.confidenceFor(kept(p, threshold), cuts);
  if (known.site?.learn) known.site.page = pageKeys(texts);

  let firstBody = keep.indexOf(true), lastBody = keep.lastIndexOf(true);
  if (firstBody < 0) firstBody = lastBody = n;

  const lines: LineResult[] = [];
  const removed: RemovedLine[] = [];
  const bodyText: string[] = [];
  const metaText: string[] = [];
  // Markdown input: the body's lines as sent, a blank line wherever the input skipped one or more.
  const sentTexts = known.sent;
  let markdown = "", lastKept = -1, lastPushed = -1;
  // One shape and one verdict for every removed line, rewritten for each (categorize reads the
  // one and writes the other, keeping neither): objects per line were garbage by the ten
  // thousand on a long document.
  const shape: LineShape = { nWords: 0, terminal: false, listRun: 0, beforeBody: false, afterBody: false, nextIsBody: false };
  const verdict: Verdict = { category: "other", reason: "" };
  for (let i = 0; i < n; i++) {
    const lineNo = lineNos[i], text = texts[i];
    // A piece of a long line (long-lines.ts): a segment that shares its line number.
    const samePrev = i > 0 && lineNos[i - 1] === lineNo, sameNext = i + 1 < n && lineNos[i + 1] === lineNo;
    // What the line was as sent: a Markdown line with its markup, a wrapped paragraph's lines, a
    // piece with the white space after it (shown without it in `removed` and `lines`).
    const raw = sentTexts ? sentTexts[i] : text;
    const sent = samePrev || sameNext ? raw.trim() : raw;
    // Each line's label as it is reached (an array of them was one more slot per line, alive
    // through the loop).
    const label: Label = i === title ? "title" : keep[i] ? "body" : "boilerplate";
    // Every line's own entry only when asked for (explain): it is what `lines` returns.
    const line: LineResult | undefined = opts.explain
      ? { line: lineNo, text: sent, label, score: round(p[i]), raw: { label: p1[i] >= threshold ? "body" : "boilerplate", score: round(p1[i]) } }
      : undefined;
    if (label === "body") {
      // The body is the lines as sent; Markdown's as read, with `markdown` as sent. The kept pieces
      // of one long line (long-lines.ts) run together are that part of the line as sent; a run that
      // stops before the line's end leaves the white space after it out.
      if (samePrev && lastPushed === i - 1) bodyText[bodyText.length - 1] += raw;
      else bodyText.push(known.markdown ? text : raw);
      if (sameNext && !keep[i + 1]) bodyText[bodyText.length - 1] = bodyText[bodyText.length - 1].trimEnd();
      lastPushed = i;
      if (known.markdown) { markdown += (lastKept < 0 ? "" : lineNo === lastKept + 1 ? "\n" : "\n\n") + sent; lastKept = lineNo + lineBreaks(sent); }
    } else if (label === "title") {
      if (line) line.reason = "title: the headline above the article";
    } else if (repeats[i] >= 0) {
      const reason = `a second copy of a passage: repeats line ${lineNos[repeats[i]]} (${pBodyNote(p[i])})`;
      if (line) { line.category = "other"; line.reason = reason; }
      removed.push({ line: lineNo, text: sent, label, category: "other", reason });
    } else {
      shape.nWords = nWords[i];
      shape.terminal = doc.denseFlat[i * DENSE_SIZE + DENSE_INDEX.ends_terminal] === 1;
      shape.listRun = Math.round(Math.expm1(doc.denseFlat[i * DENSE_SIZE + DENSE_INDEX.list_run_log]));
      shape.beforeBody = i < firstBody; shape.afterBody = i > lastBody; shape.nextIsBody = i + 1 < n && keep[i + 1];
      const c0 = categorize(text, shape, p[i], verdict);
      const c = cuts && cuts[i] > 0 ? { category: c0.category, reason: `on ${cuts[i]} of the last ${template!.recent.length} pages learned from this site: part of its template (${pBodyNote(p[i])})` } : hinted(c0, known.categoryHints?.[i], p[i]);
      // Between the title and the body, a short line with no boilerplate cue is the byline,
      // date, dek or source: metadata, returned apart rather than dropped.
      if (meta.has(i) && (c.category === "other" || c.category === "navigation" || c.category === "credit" || c.category === "caption")) {
        if (line) { line.label = "meta"; line.reason = "metadata: byline, date, dek or source between the title and the article"; }
        metaText.push(text.trim());
      } else {
        if (line) { line.category = c.category; line.reason = c.reason; }
        removed.push({ line: lineNo, text: sent, label, category: c.category, reason: c.reason });
      }
    }
    if (line) lines.push(line);
  }

  const text = bodyText.join("\n");
  const result: CleanResult = {
    text,
    title: knownTitle ?? (title >= 0 ? texts[title].trim() : undefined),
    meta: metaText,
    confidence: round(confidence),
    lowConfidence: confidence < opts.minConfidence,
    language: doc.language,
    mode,
    removed,
    stats: { lines: n, bodyLines: bodyText.length, titleLines: title >= 0 ? 1 : 0, removedLines: removed.length, inputChars, outputChars: text.length },
    model: model.version,
  };
  if (known.markdown) result.markdown = markdown;
  if (opts.explain) result.lines = lines;
  return result;
}

/** A category the DOM implies wins over a text guess that found no cue of its own. */
function hinted(c: Verdict, hint: Category | undefined, pBody: number): Verdict {
  if (!hint || hint === c.category || !(c.category === "other" || c.category === "related" || c.category === "navigation" || hint === "caption")) return c;
  const where = hint === "caption" ? "a figure caption (<figcaption>/<figure>)" : hint === "navigation" ? "inside the page's navigation (<nav>)" : `marked as ${hint} by the page's HTML`;
  return { category: hint, reason: `${where} (${pBodyNote(pBody)})` };
}

/** What HTML mode knows from the page beside the line probabilities. */
export interface KnownFromPage {
  /** The page's own title (og:title, <title>, Readability's). */
  title?: string;
  /** The page's other declared titles, in order of preference: tried when `title` is on no line. */
  titles?: string[];
  /** The site's name the page declares (og:site_name): a declared title not on the page loses it. */
  siteName?: string;
  /** Per line, its heading level (1-6; 0 when it is not a heading): where the headline is looked for. */
  headings?: ArrayLike<number>;
  /** Byline and date strings the page declares; short lines holding one are metadata. */
  metaLines?: string[];
  /** Per line, a category the DOM implies (a <figcaption> is a caption, a <nav> navigation). */
  categoryHints?: (Category | undefined)[];
  /** The site's template (site-template.ts): kept lines in it are removed; the page is learned when asked. */
  site?: SiteContext;
  /** A line the input marks as its headline (Markdown's first "# "): the title when the title model finds none. */
  headline?: number;
  /** Per segment, its input lines as sent, when the pipeline read something else (Markdown's text, a wrapped paragraph joined). */
  sent?: string[];
  /** The input is Markdown: the body comes back as read in `text`, as sent in `markdown`. */
  markdown?: boolean;
  /** The confidence of a body keeping the lines `keep` marks: made again when a template cut lines. */
  confidenceFor?: (keep: readonly boolean[], leaveOut?: ArrayLike<number>) => number;
}

// A line holding a declared byline or date is metadata when it is at most this many words
// ("By Maria Lindqvist · 14 March 2025 · 5 min read"); longer lines are prose that mentions it.
const META_LINE_MAX_WORDS = 14;
// A declared byline or date shorter than this (normalised) is not looked for: a one- or two-letter
// string would be found inside almost any line. Set by hand, not tuned.
const META_NEEDLE_MIN_CHARS = 3;

const norm = (t: string) => t.trim().toLowerCase();

function matchingLines(texts: string[], needles: string[], title: number): number[] {
  const wanted = needles.map(norm).filter((x) => x.length >= META_NEEDLE_MIN_CHARS);
  const out: number[] = [];
  for (let i = 0; i < Math.min(texts.length, TITLE_SEARCH_LINES); i++) {
    if (i === title) continue;
    const t = norm(texts[i]);
    if (t.split(/\s+/).length <= META_LINE_MAX_WORDS && wanted.some((w) => t.includes(w))) out.push(i);
  }
  return out;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * The lines kept as body at `threshold`, less a second copy of a passage the body already holds
 * (`repeats[i]`: the line that line i repeats, else -1). The title model's training reads the same.
 */
export function keptLines(texts: readonly string[], doc: DocFeatures, p: Float64Array, threshold: number, lineNos?: ArrayLike<number>): { keep: boolean[]; repeats: Int32Array } {
  const keep = kept(p, threshold);
  const repeats = repeatedRuns(texts, keep, doc.nWords, (i) => doc.denseFlat[i * DENSE_SIZE + DENSE_INDEX.repeats] === 1, lineNos);
  for (let i = 0; i < keep.length; i++) if (repeats[i] >= 0) keep[i] = false;
  return { keep, repeats };
}

/** Per line, whether its P(body) reaches the threshold (a loop: Array.from with a mapping function was a few times slower). */
export function kept(p: Float64Array, threshold: number): boolean[] {
  const keep = slots<boolean>(p.length);
  for (let i = 0; i < p.length; i++) keep[i] = p[i] >= threshold;
  return keep;
}
