// One pass over a (trimmed) line's code units that collects what the dense features count and
// which of the feature regexes could match at all. A regex then runs only on a line where it can
// match: each gate below is a necessary condition of its regex, so the feature value is exactly
// the regex's (scripts/check-identical.ts and tests/core/line-scan.test.ts check it).
import { ALNUM, astralClass, DIGIT, pairAt, SPACE, unitClass, UPPER } from "./charclass.ts";

const SENTENCE_END = 1; // [.!?。！？؟।] followed by white space or the end: a sentence ends
const SEPARATOR = 2; // [|•·»›/–-] between white space
const SEPARATOR_EDGE = 4; // [|•·»›] first or last
const QUOTE = 8; // ["“”«»„]
const TERMINAL = 16; // [.!?。！？؟।…"”’»)\]] last: the line ends like a sentence
const END_ARROW = 32; // [|›»→>] last: a breadcrumb or "more" link

const MARKS = new Map<number, number>();
const mark = (chars: string, bit: number) => { for (const ch of chars) MARKS.set(ch.charCodeAt(0), (MARKS.get(ch.charCodeAt(0)) ?? 0) | bit); };
mark(".!?。！？؟।", SENTENCE_END);
mark("|•·»›/–-", SEPARATOR);
mark("|•·»›", SEPARATOR_EDGE);
mark("\"“”«»„", QUOTE);
mark(".!?。！？؟।…\"”’»)]", TERMINAL);
mark("|›»→>", END_ARROW);
// Marks are ASCII or BMP punctuation: a flat table makes the per-character test one load.
const MARK_TABLE = new Uint8Array(0x10000);
for (const [c, bits] of MARKS) MARK_TABLE[c] = bits;

export interface LineScan {
  /** ASCII digits, ASCII punctuation (commas included), commas, code units that lower-case. */
  digits: number;
  punct: number;
  commas: number;
  upper: number;
  sentences: number;
  quote: boolean;
  separator: boolean;
  copyright: boolean;
  /** Could hold a decimal digit of any script (DIGIT class, or a surrogate: astral digits). */
  mayDigit: boolean;
  colon: boolean;
  at: boolean;
  /** Holds "://", or a dot after a "w" or before a letter that starts a top-level domain. */
  mayUrl: boolean;
  /** Holds white space other than single spaces: its repetition key needs runs collapsed. */
  collapse: boolean;
}

const isAsciiPunct = (ch: number) => (ch >= 33 && ch <= 47) || (ch >= 58 && ch <= 64) || (ch >= 91 && ch <= 96) || (ch >= 123 && ch <= 126);
// First letters of the top-level domains URL_RE knows (com org net io co uk de fr), lower case.
const TLD_INITIAL = new Set([..."cdfinou"].map((c) => c.charCodeAt(0)));
const isSpace = (c: number) => (unitClass(c) & SPACE) !== 0;

export function scanLine(text: string): LineScan {
  const n = text.length;
  let digits = 0, punct = 0, commas = 0, upper = 0, sentences = 0;
  let quote = false, separator = false, copyright = false, mayDigit = false, colon = false, at = false, mayUrl = false, collapse = false;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    // Most characters are lower-case ASCII letters and spaces, which count for nothing below.
    if (ch >= 97 && ch <= 122) continue;
    if (ch === 32) { if (isSpace(text.charCodeAt(i + 1))) collapse = true; continue; }
    const k = unitClass(ch);
    if (k & SPACE) collapse = true;
    if (k & UPPER) upper++;
    if (ch >= 48 && ch <= 57) { digits++; mayDigit = true; continue; }
    if (ch === 44) { commas++; punct++; continue; }
    if (ch < 128 && isAsciiPunct(ch)) punct++;
    if (k & DIGIT || (ch >= 0xd800 && ch <= 0xdfff)) mayDigit = true;
    const m = MARK_TABLE[ch];
    if (m !== 0) {
      if (m & SENTENCE_END && (i + 1 === n || isSpace(text.charCodeAt(i + 1)))) sentences++;
      if (m & QUOTE) quote = true;
      if (m & SEPARATOR && i > 0 && i + 1 < n && isSpace(text.charCodeAt(i - 1)) && isSpace(text.charCodeAt(i + 1))) separator = true;
    }
    if (ch === 58) {
      colon = true;
      if (text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47) mayUrl = true;
    } else if (ch === 64) at = true;
    else if (ch === 46) {
      if ((text.charCodeAt(i - 1) | 0x20) === 119 || TLD_INITIAL.has(text.charCodeAt(i + 1) | 0x20)) mayUrl = true;
    } else if (ch === 0xa9 || ch === 0x2117) copyright = true;
    else if (ch === 40 && (text.charCodeAt(i + 1) | 0x20) === 99 && text.charCodeAt(i + 2) === 41) copyright = true;
  }
  if (n && (MARK_TABLE[text.charCodeAt(0)] & SEPARATOR_EDGE || MARK_TABLE[text.charCodeAt(n - 1)] & SEPARATOR_EDGE)) separator = true;
  return { digits, punct, commas, upper, sentences, quote, separator, copyright, mayDigit, colon, at, mayUrl, collapse };
}

/** The line (trimmed) ends like a sentence: [.!?。！？؟।…"”’»)\]]. */
export const endsTerminal = (text: string) => text.length > 0 && (MARK_TABLE[text.charCodeAt(text.length - 1)] & TERMINAL) !== 0;

/** The line (trimmed) ends with [|›»→>]. */
export const endsArrow = (text: string) => text.length > 0 && (MARK_TABLE[text.charCodeAt(text.length - 1)] & END_ARROW) !== 0;

/** The line's last code point is a letter or a number (`[\p{L}\p{N}]$`). */
export function endsAlnum(text: string): boolean {
  const n = text.length;
  if (!n) return false;
  if (n >= 2) {
    const cp = pairAt(text, n - 2, text.charCodeAt(n - 2));
    if (cp >= 0) return (astralClass(cp) & ALNUM) !== 0;
  }
  return (unitClass(text.charCodeAt(n - 1)) & ALNUM) !== 0;
}

/**
 * The repetition key of a line: trimmed, runs of white space as one space, lower-cased. (When
 * scanLine says the trimmed line has no white space to collapse, the key is it lower-cased.)
 */
export function lineKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}
