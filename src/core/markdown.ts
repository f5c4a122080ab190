// Markdown in. Scrapers that feed LLM pipelines (Jina Reader and others built on turndown,
// Firecrawl, crawl4ai) hand over a page as Markdown. Read as plain text, its link targets and image
// URLs are words no body line has, and "[Home](/)" no longer reads as the menu item it is: the
// corpus's pages turned into Markdown by turndown scored article F1 0.72 that way, against 0.93 for
// the same pages' visible text (`npm run eval`, markdown column). Here every Markdown line becomes
// the text a reader of the page sees on it: a link's text without its target, no images, no
// heading, list or quote markers, no emphasis marks, no markup-only lines. The lines stay where
// they were (one output line per input line, blank where nothing is left), so the pipeline's line
// numbers are the input's and the kept lines can be returned as sent (clean.ts, `markdown`).
// Linear in the input: brackets are matched with a stack in one pass per line, and every
// character is read a bounded number of times.
// What the markup says beyond the text is not used by the model. Measured and not kept: boosted
// trees (60 x depth 4) stacked on the text model's out-of-fold P(body) of the corpus's pages as
// Markdown, with each line's share of link text, its neighbours' and a window's, list items,
// heading level and images around it, held out by site: article F1 0.9212 -> 0.9278 at the text
// model's threshold, but the curve's top only 0.9275 -> 0.9286 and all pages 0.8357 -> 0.8336: the
// line model already reads a menu from its words.
import { LINE_BREAK } from "./segment.ts";

// Markdown is told from scraped text by its links: a scraper's plain text never holds
// "[text](target)", Markdown of a web page holds one in nearly every menu, list and paragraph.
// At least MIN_LINK_LINES lines with one (or MIN_HEADING_LINES ATX headings beside one link),
// among the first SNIFF_LINES lines. Set by hand and checked on the corpus (`npm run eval` prints
// it): all 1,266 of its pages as turndown writes them are taken for Markdown; of their 2,532
// page_text and loose_text inputs, 2 are: one page whose visible text quotes five Markdown links
// (its F1 0.999 -> 0.986, the link targets being in its gold); none of the five samples is.
// "[alpha](disabled by default)" is not a link (hasLink): 4 more inputs were taken before that.
const MIN_LINK_LINES = 3;
const MIN_HEADING_LINES = 2;
const SNIFF_LINES = 2000;
const HEADING_RE = /^ {0,3}#{1,6}[ \t]+\S/;

/** Whether `text` reads as Markdown (see MIN_LINK_LINES). Plain text with no "](" costs one scan. */
export function looksLikeMarkdown(text: string): boolean {
  let next = text.indexOf("](");
  if (next < 0) return false;
  let links = 0, headings = 0, start = 0;
  for (let n = 0; n < SNIFF_LINES && start < text.length; n++) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    // The next "](" at or after this line, looked for again only once passed: one scan in all.
    if (next >= 0 && next < start) next = text.indexOf("](", start);
    if (next >= start && next < end && hasLink(text, start, next, end)) links++;
    else if (HEADING_RE.test(text.slice(start, Math.min(end, start + 16)))) headings++;
    if (links >= MIN_LINK_LINES || (links >= 1 && headings >= MIN_HEADING_LINES)) return true;
    start = end + 1;
  }
  return false;
}

/**
 * Line [start, end), whose "](" is at k, holds "[text](target)": a "[" before k, then a target with
 * no white space, closed by ")" or followed by a quoted title ("[alpha](disabled by default)" is text).
 */
function hasLink(text: string, start: number, k: number, end: number): boolean {
  let open = false;
  for (let i = k - 1; i >= start && !open; i--) open = text.charCodeAt(i) === 91;
  if (!open) return false;
  let i = k + 2;
  while (i < end && text.charCodeAt(i) > 32 && text.charCodeAt(i) !== 41) i++;
  if (i < end && text.charCodeAt(i) === 41) return true;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i > k + 2 && i < end && (text.charCodeAt(i) === 34 || text.charCodeAt(i) === 39);
}

// Lines that hold only markup: a thematic break (---, ***, ___), a setext underline (===, ---),
// a table's alignment row, a reference definition ("[1]: https://…"), a code fence, the "[" that
// opens a link around block content (turndown writes "[\n\nLogin\n\n](/login)").
const BREAK_RE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/;
// Tested on the trimmed line: a leading run of white space beside the cells' own made it quadratic.
const TABLE_RULE_RE = /^\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$/;
const REFERENCE_RE = /^ {0,3}\[[^\]\n]{1,999}\]:[ \t]*\S/;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
// Block markers at a line's start: quotes, then a heading, a list item (with a task box).
const QUOTE_RE = /^(?:[ \t]*>)+[ \t]?/;
const HEADING_MARK_RE = /^[ \t]*#{1,6}(?:[ \t]+|$)/;
const LIST_MARK_RE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;

// A top-level heading: "# Title" (ATX), or a line over "===" (setext).
const H1_RE = /^ {0,3}#[ \t]+\S/;
const SETEXT_H1_RE = /^ {0,3}=+[ \t]*$/;

/**
 * The first of the segments (their input line numbers, in order) that is a top-level heading,
 * among the first `limit`; -1 when none is. A page's Markdown marks its headline so.
 */
export function firstTopHeading(lines: readonly string[], lineNos: ArrayLike<number>, limit: number): number {
  for (let i = 0; i < Math.min(limit, lineNos.length); i++) {
    const no = lineNos[i];
    if (H1_RE.test(lines[no]) || (no + 1 < lines.length && SETEXT_H1_RE.test(lines[no + 1]))) return i;
  }
  return -1;
}

// Jina Reader (r.jina.ai) sends its Markdown in an envelope: "Title: …", "URL Source: …",
// "Published Time: …" lines, then "Markdown Content:" and the page. The envelope is the scraper's,
// not the page's text: its lines are not read, its title is the title (as a page's declared title
// is in HTML mode) and its URL the url when none is given.
const ENVELOPE_LINE_RE = /^(Title|URL Source|Published Time|Description|Warning|Number of Pages):[ \t]*(.*)$/;
const ENVELOPE_END = "Markdown Content:";
// The envelope ends within this many lines (its fields, blank lines between them), and its head
// within this many characters (a title of a few hundred).
const ENVELOPE_MAX_LINES = 20;
const ENVELOPE_MAX_CHARS = 8192;

export interface ReaderEnvelope {
  title?: string;
  url?: string;
  /** The first line after the envelope. */
  end: number;
}

/** Jina Reader's envelope at the top of `text`, or null. */
export function readerEnvelope(text: string): ReaderEnvelope | null {
  if (!text.startsWith("Title:")) return null;
  const lines = text.slice(0, ENVELOPE_MAX_CHARS).split(LINE_BREAK, ENVELOPE_MAX_LINES);
  const out: ReaderEnvelope = { end: 0 };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === ENVELOPE_END) return { ...out, end: i + 1 };
    if (!line) continue;
    const m = ENVELOPE_LINE_RE.exec(line);
    if (!m) return null;
    if (m[1] === "Title" && m[2]) out.title = m[2];
    if (m[1] === "URL Source" && m[2]) out.url = m[2];
  }
  return null;
}

/** The text a reader sees of each line of a Markdown document: as many lines as the input (the first `skip` blank). */
export function markdownToText(input: string, skip = 0): string {
  return markdownLinesText(input.split(LINE_BREAK), skip).join("\n");
}

/** markdownToText of a document's lines (`source`, left as it is), line for line. */
export function markdownLinesText(source: readonly string[], skip = 0): string[] {
  const lines = source.slice();
  for (let i = 0; i < Math.min(skip, lines.length); i++) lines[i] = "";
  let fence = "";
  for (let i = skip; i < lines.length; i++) {
    const line = lines[i];
    const f = FENCE_RE.exec(line);
    if (fence) {
      // Code is shown as it is; the closing fence is markup.
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) { fence = ""; lines[i] = ""; }
      continue;
    }
    if (f) { fence = f[1]; lines[i] = ""; continue; }
    if (i + 1 < lines.length) joinSplitLink(lines, i);
    lines[i] = lineText(lines[i]);
  }
  return lines;
}

/**
 * A link or image whose text a hard-wrapping writer (html2text, pandoc) broke over two lines,
 * "[twelve kilometres of protected\ncycle lanes](https://…) along", read line by line left its
 * "[" and its "](https://…)" in the text. When line i ends inside an open "[" that line i + 1
 * closes with "](target)", the markup goes from both lines: a link's text stays, an image's alt
 * text goes (as on one line: no body). Each line keeps its own words, so the lines stay the lines
 * sent. A link broken over more lines, or inside its target, is left as it is. Measured on the
 * corpus's articles as Markdown (fold models): wrapped at 78 columns, F1 0.8353 -> 0.9056; as
 * turndown writes them, 0.9245 -> 0.9247.
 */
function joinSplitLink(lines: string[], i: number): void {
  const line = lines[i], next = lines[i + 1];
  const open = line.lastIndexOf("[") >= 0 ? lastUnclosed(line, partnersOf(line)) : -1;
  if (open < 0) return;
  const mid = next.indexOf("](");
  if (mid < 0 || next.lastIndexOf("[", mid) >= 0 || next.lastIndexOf("]", mid - 1) >= 0) return;
  const end = partnersOf(next)[mid + 1];
  if (end < 0) return;
  const image = open > 0 && line[open - 1] === "!";
  lines[i] = image ? line.slice(0, open - 1) : line.slice(0, open) + line.slice(open + 1);
  lines[i + 1] = (image ? "" : next.slice(0, mid)) + next.slice(end + 1);
}

/** The last "[" of `s` that no "]" closes (`close`: partnersOf(s)), or -1. */
function lastUnclosed(s: string, close: Int32Array): number {
  for (let k = s.length - 1; k >= 0; k--) if (s.charCodeAt(k) === 91 && close[k] < 0 && (k === 0 || s.charCodeAt(k - 1) !== 92)) return k;
  return -1;
}

/**
 * The segments' line numbers (`lineNos`, increasing) renumbered as if the lines `markupOnly` names
 * were not there: the layout the blank-line features read (features.ts). A table's rule, a code
 * fence or an image leaves a blank line in the text a reader sees, and a table's header would read
 * as set apart from its rows; a line the writer left blank still counts. One pass up to the last
 * segment's line.
 */
export function layoutWithoutMarkup(lineNos: ArrayLike<number>, markupOnly: (line: number) => boolean): Int32Array {
  const out = new Int32Array(lineNos.length);
  let line = 0, skipped = 0;
  for (let i = 0; i < lineNos.length; i++) {
    for (; line < lineNos[i]; line++) if (markupOnly(line)) skipped++;
    out[i] = lineNos[i] - skipped;
  }
  return out;
}

/** One line outside code: its markup-only forms blank, its block markers and inline markup gone. */
export function lineText(line: string): string {
  const t = line.trim();
  if (t === "" || t === "[" || BREAK_RE.test(line) || REFERENCE_RE.test(line) || (t.includes("-") && TABLE_RULE_RE.test(t))) return "";
  let s = line;
  s = s.replace(QUOTE_RE, "");
  if (HEADING_MARK_RE.test(s)) s = withoutClosingHashes(s.replace(HEADING_MARK_RE, ""));
  else s = s.replace(LIST_MARK_RE, "");
  const table = t.length > 1 && t.startsWith("|") && t.endsWith("|");
  return inlineText(s, table).replace(/[ \t]{2,}/g, " ").trim();
}

/** "Title ##" -> "Title": an ATX heading's closing sequence (hashes after a space), by hand (a regex anchored at the end backtracks over a long run of spaces). */
function withoutClosingHashes(s: string): string {
  let e = s.length;
  while (e > 0 && (s[e - 1] === " " || s[e - 1] === "\t")) e--;
  let h = e;
  while (h > 0 && s[h - 1] === "#") h--;
  return h < e && (h === 0 || s[h - 1] === " " || s[h - 1] === "\t") ? s.slice(0, h) : s.slice(0, e);
}

// A tag or autolink is at most this long ("<a href=…>" with a long address); a "<" with no ">"
// within it is text.
const MAX_TAG_CHARS = 2048;

const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
// ASCII punctuation, which a backslash escapes (CommonMark 2.4).
const isPunct = (c: number) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);

/** Each "[" and "(" of `s` at its partner's index (-1: none), matched with a stack in one pass; a backslash escapes. */
function partnersOf(s: string): Int32Array {
  const n = s.length;
  const close = new Int32Array(n).fill(-1);
  const brackets: number[] = [], parens: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) { i++; continue; }
    if (c === 91) brackets.push(i);
    else if (c === 93) { const o = brackets.pop(); if (o !== undefined) close[o] = i; }
    else if (c === 40) parens.push(i);
    else if (c === 41) { const o = parens.pop(); if (o !== undefined) close[o] = i; }
  }
  return close;
}

/**
 * Inline markup out of one line: `[text](target)` and `[text][ref]` give their text, images give
 * nothing, `<https://…>` its address, other tags nothing; `*`, `~`, `` ` `` and `_` at a word's edge
 * go; a backslash escape gives its character; in a table row, the cell bars become spaces.
 */
function inlineText(s: string, table: boolean): string {
  const n = s.length;
  const close = partnersOf(s);
  // Where a link's "]" is reached, the scan jumps past its target.
  const skipFrom = new Map<number, number>();
  let out = "";
  let i = 0, nextGt = -1;
  // turndown's link around block content closes on a line of its own: "](/login)".
  if (s.startsWith("](") && close[1] > 0) i = close[1] + 1;
  while (i < n) {
    const c = s.charCodeAt(i);
    const jump = skipFrom.get(i);
    if (jump !== undefined) { i = jump; continue; }
    if (c === 92 && i + 1 < n && isPunct(s.charCodeAt(i + 1))) { out += s[i + 1]; i += 2; continue; }
    if (c === 91 || (c === 33 && s.charCodeAt(i + 1) === 91)) {
      const open = c === 33 ? i + 1 : i, end = close[open];
      const after = end >= 0 ? targetEnd(s, end, close) : -1;
      if (after >= 0) {
        if (c === 33) { i = after; continue; } // an image: nothing a reader sees as text
        skipFrom.set(end, after);
        i = open + 1;
        continue;
      }
    }
    if (c === 60) {
      // The next ">", found once for every "<" before it (a line of "<<<<" stays linear).
      if (nextGt !== -2 && nextGt <= i) { const g = s.indexOf(">", i + 1); nextGt = g < 0 ? -2 : g; }
      const gt = nextGt;
      if (gt > 0 && gt - i <= MAX_TAG_CHARS) {
        const inner = s.slice(i + 1, gt);
        if (/^(?:https?:\/\/|mailto:)[^\s<>]*$/i.test(inner)) { out += inner.replace(/^mailto:/i, ""); i = gt + 1; continue; }
        if (/^\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?$/i.test(inner)) { out += " "; i = gt + 1; continue; }
      }
    }
    if (c === 42 || c === 126 || c === 96) { i++; continue; }
    if (c === 95 && !(i > 0 && isWord(s.charCodeAt(i - 1)) && i + 1 < n && isWord(s.charCodeAt(i + 1)))) { i++; continue; }
    if (c === 124 && table) { out += " "; i++; continue; }
    out += s[i];
    i++;
  }
  return out;
}

/** After a "]" at `end`: the end of its "(target)" or "[ref]" (the index past it), or -1. */
function targetEnd(s: string, end: number, close: Int32Array): number {
  const next = s.charCodeAt(end + 1);
  if ((next === 40 || next === 91) && close[end + 1] > end) return close[end + 1] + 1;
  return -1;
}
