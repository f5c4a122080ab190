// Hard-wrapped text in. Text dumpers (lynx -dump, w3m -dump, html2text, mail gateways) break every
// paragraph at a fixed width, so a paragraph reaches the line model as fragments that end mid-
// sentence: on the corpus's articles, page_text wrapped at 78 columns scored F1 0.919 against
// 0.932 as one paragraph a line (recall 0.962 against 0.982). Here the width is recognised and
// each paragraph read as one segment again; the lines it spans are returned as sent.
//
// A line break was forced by the width, and the paragraph goes on, when the next line's first word
// would not have fitted on the line: length + 1 + first word > width. Any other break (a short
// line, a blank line, a list item) ends the paragraph, as the wrapper wrote it. Where the text
// has no blank lines between paragraphs, one whose last line ends within a word of the width runs
// into the next (two headlines of a list, say): on the corpus's articles wrapped at 78 columns
// without blank lines F1 is 0.931, with them 0.932.
import { LINE_BREAK } from "./segment.ts";

// The width: the length that all but WIDTH_OVERLONG_SHARE of the lines stay within (a word longer
// than the width, a URL, overflows it). Text is taken for wrapped when at least MIN_WRAPPED_LINES
// lines, and WRAPPED_SHARE of the lines at least half the width long, end within WIDTH_BAND
// characters of it (a wrapper fills each line to within a word of the width), for a width from
// MIN_WIDTH to MAX_WIDTH, and CARRIED_SHARE of those go on in lower case. Set by hand and checked
// on the corpus (.tmp scripts, not kept): of the articles' page_text wrapped at 60 / 78 / 100
// columns, 688 / 679 / 662 of 701 are taken for wrapped (the rest have few long lines, and lose
// little), and F1 at 78 columns goes from 0.919 read line by line to 0.932 (page_text as it is:
// 0.932). Of the 2,532 page_text and loose_text inputs, 4 are taken, and are wrapped: a man page
// in <pre> (F1 0.944 -> 0.976), an article set at 78 columns, a product page's list of image URLs
// (0.047 -> 0.137). Without the lower-case rule 35 listings and collections were taken (menus of
// one length), F1 0.583 -> 0.564 on them; with it none of the samples is.
const WIDTH_OVERLONG_SHARE = 0.02;
const WIDTH_BAND = 15;
const MIN_WRAPPED_LINES = 8;
const WRAPPED_SHARE = 0.5;
const MIN_WIDTH = 40;
const MAX_WIDTH = 160;

// Of the full lines, at least this share go on in lower case on the next line. In English prose
// most do (a break lands before a capitalised word about one time in six); a column of menu items
// or headlines ending near one length starts every line with a capital.
const CARRIED_SHARE = 0.3;
const LOWER_RE = /^\p{Ll}$/u;

const LIST_ITEM_RE = /^\s*(?:[-*+•·–]|\d{1,3}[.)])\s/;

/** The width `text` was wrapped at, or 0 when it does not read as hard-wrapped. No line strings are made. */
export function wrapWidth(text: string): number {
  // Most scraped text has a paragraph a line, and more lines past MAX_WIDTH than the share a width
  // lets overflow: one pass that keeps nothing tells.
  // A line of one word (a URL, numbered or not: lynx's list of references) is no wrapped line: a
  // wrapper cannot break it, and its length says nothing of the width. It counts as empty.
  let nonEmpty = 0, overlong = 0;
  forEachLine(text, (start, n) => { if (n > 0 && !loneWord(text, start, n)) { nonEmpty++; if (n > MAX_WIDTH) overlong++; } });
  if (nonEmpty < MIN_WRAPPED_LINES || overlong > Math.floor(WIDTH_OVERLONG_SHARE * nonEmpty)) return 0;
  // Each line's start and its length without trailing white space.
  const starts: number[] = [], lengths: number[] = [];
  forEachLine(text, (start, n) => { starts.push(start); lengths.push(n > 0 && loneWord(text, start, n) ? 0 : n); });
  const sorted = lengths.filter((n) => n > 0).sort((a, b) => b - a);
  const width = sorted[Math.floor(WIDTH_OVERLONG_SHARE * sorted.length)];
  if (width < MIN_WIDTH || width > MAX_WIDTH) return 0;
  // Lines filled to within a word of the width, and those of them whose next line goes on with the
  // sentence (it starts in lower case: a menu's or a list's next line starts a new item).
  let long = 0, full = 0, carried = 0;
  for (let i = 0; i < lengths.length; i++) {
    const n = lengths[i];
    if (n < width / 2 || n > width) continue;
    long++;
    if (n < width - WIDTH_BAND) continue;
    full++;
    if (i + 1 < lengths.length && startsLower(text, starts[i + 1])) carried++;
  }
  return carried >= MIN_WRAPPED_LINES && full >= WRAPPED_SHARE * long && carried >= CARRIED_SHARE * full ? width : 0;
}

/** Each line's start and length without trailing white space; lines break at \r\n, \r or \n, as LINE_BREAK splits them. */
function forEachLine(text: string, visit: (start: number, length: number) => void): void {
  for (let start = 0; start <= text.length;) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let e = end;
    while (e > start && text.charCodeAt(e - 1) <= 32) e--;
    visit(start, e - start);
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

/** The line at `start`, `length` long, is one word past its indent and a list number ("12. "). */
function loneWord(text: string, start: number, length: number): boolean {
  const end = start + length;
  let i = start;
  while (i < end && text.charCodeAt(i) <= 32) i++;
  let d = i;
  while (d < end && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
  if (d > i && d + 1 < end && text.charCodeAt(d) === 46 && text.charCodeAt(d + 1) <= 32) {
    i = d + 1;
    while (i < end && text.charCodeAt(i) <= 32) i++;
  }
  for (; i < end; i++) if (text.charCodeAt(i) <= 32) return false;
  return true;
}

/** The line at `start` begins, past white space, with a lower-case letter. */
function startsLower(text: string, start: number): boolean {
  let i = start;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const cp = text.codePointAt(i);
  return cp !== undefined && LOWER_RE.test(String.fromCodePoint(cp));
}

/**
 * `text` a paragraph a line (blank lines kept), and each of its lines' first and last input line.
 * A line continues the paragraph above when the break before it was forced by `width`.
 */
export function unwrapLines(text: string, width: number): { text: string; first: Int32Array; last: Int32Array } {
  const lines = text.split(LINE_BREAK);
  const out: string[] = [], first: number[] = [], last: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i > 0 && continues(lines[i - 1], line, width)) {
      out[out.length - 1] += ` ${line.trim()}`;
      last[last.length - 1] = i;
    } else {
      out.push(line);
      first.push(i);
      last.push(i);
    }
  }
  return { text: out.join("\n"), first: Int32Array.from(first), last: Int32Array.from(last) };
}

function continues(prevLine: string, line: string, width: number): boolean {
  const prev = prevLine.trimEnd(), t = line.trimStart();
  if (!prev.trim() || !t || LIST_ITEM_RE.test(line)) return false;
  const space = t.search(/\s/);
  return prev.length + 1 + (space < 0 ? t.length : space) > width;
}
