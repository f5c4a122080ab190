// Lines longer than any the line model learned from. A scraper that collapses white space
// (`" ".join(soup.stripped_strings)`, `text.split()`, a get_text(" ")) sends the whole page as one
// line, and some pages hold their article as one line of a thousand words. The model read such a
// line as one segment, far outside what it was trained on, and mostly removed it: on the corpus's
// articles, page_text run into one line came back empty on 444 of 701 pages (F1 0.318), and the
// gold body alone run into one line on 38. Here such a line is read as its sentences, which the
// model knows: on the same articles page_text one sentence a line scores F1 0.931 against 0.935
// as sent.
//
// A sentence ends at . ! ? … (and the CJK, Arabic and Devanagari full stops) with any closing
// quote or bracket after it, where what follows is not a lower-case letter and the word before a
// full stop is no short capitalised abbreviation ("Dr.", "U.S."). A piece shorter than
// MIN_PIECE_CHARS characters ("Dr.", "U.S.", "No.") goes on into the next one. A run with no
// sentence end (a menu, a list of places or zip codes) stays one piece, however long: the model
// removes such a line, and cut into pieces of 80 words each piece read as body (on the corpus's
// 83 inputs with a long line, summed F1 56.28 as sent, 55.88 with such runs cut, 56.75 without;
// all pages run into one line 0.7477 and 0.7532).
//
// The pieces of a line keep its line number; the body returns a line's kept pieces next to each
// other run together as sent (each with the white space after it: Pieces.sent), so a line kept
// whole comes back exactly as sent (clean.ts assemble).
import { LINE_BREAK } from "./segment.ts";

// A line over this many characters is read as its sentences. Of the corpus's 341,950 article lines
// (page_text and loose_text), 99.9 % have at most 1,153 characters, 93 over 1,500 (~250 words of
// English). Chosen on the corpus's articles with the CV models, the split simulated with a simpler
// splitter (.tmp/ol/sim.ts) at 100 / 250 / 400 / 800 words: page_text as sent F1 0.9340 / 0.9346 /
// 0.9349 / 0.9349 (unsplit 0.9349), run into one line 0.845 / 0.845 / 0.842 / 0.801.
export const LONG_LINE_CHARS = 1500;
// Shorter pieces join the next: an abbreviation's full stop ("Dr. Smith", "U.S. Army") is no
// sentence end. In characters, not words: a Chinese sentence is one "word" between spaces.
const MIN_PIECE_CHARS = 16;

// Sentence ends; a CJK full stop needs no space after it. Closing quotes and brackets after one
// stay with its sentence.
const TERMINALS = new Set([..."\u002e!?\u2026\u0589\u061f\u06d4\u0964\u0965"]);
const CJK_TERMINALS = new Set([..."\u3002\uff01\uff1f"]);
const CLOSERS = new Set([..."\"'\u201d\u2019\u00bb)]\u300d\u300f\uff09"]);
const LOWER = /^\p{Ll}$/u;
// A title or an initialism before a full stop: no sentence end, though a capital follows. Also
// true of a sentence ending in a short name ("I met Bob."): the two sentences are then one piece.
const ABBREVIATION = /^\p{Lu}[\p{L}.]{0,2}$/u;

export interface Pieces {
  /** The text with each long line broken into its pieces, one a line. */
  text: string;
  /** Per line of `text`, the line of the given text it comes from. */
  line: Int32Array;
  /** Per line of `text`, 1 when it is a piece of a long line. */
  piece: Uint8Array;
  /** Per line of `text`, what it is as sent: a piece with the white space after it, up to the
   *  next piece (a line's pieces, run together, are the line exactly); another line as it is. */
  sent: string[];
}

/** The text with its long lines broken into sentences, or null when it has none (clean looks first, on its segments). */
export function splitLongLines(text: string): Pieces | null {
  const lines = text.split(LINE_BREAK);
  const isLong = (line: string) => line.length > LONG_LINE_CHARS && line.trim().length > LONG_LINE_CHARS;
  if (!lines.some(isLong)) return null;
  const out: string[] = [], from: number[] = [], piece: number[] = [], sent: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!isLong(line)) { out.push(line); from.push(i); piece.push(0); sent.push(line); continue; }
    for (const as of pieceSlices(line)) { out.push(as.trim()); from.push(i); piece.push(1); sent.push(as); }
  }
  return { text: out.join("\n"), line: Int32Array.from(from), piece: Uint8Array.from(piece), sent };
}

/** A long line's pieces: its sentences, a short one joined to the next. */
export function linePieces(line: string): string[] {
  return pieceSlices(line).map((s) => s.trim());
}

/** The line cut at its pieces' starts, each piece with the white space after it. */
function pieceSlices(line: string): string[] {
  const cuts = pieceStarts(line);
  return cuts.map((c, k) => line.slice(c, k + 1 < cuts.length ? cuts[k + 1] : line.length));
}

/** Where each piece of a line starts (the first at 0): at sentence starts, past a piece too short to be a sentence. */
function pieceStarts(line: string): number[] {
  const out = [0];
  for (const end of sentenceStarts(line)) {
    // A piece too short to be a sentence goes on into the next one.
    if (line.slice(out[out.length - 1], end).trim().length >= MIN_PIECE_CHARS) out.push(end);
  }
  return out;
}

/** Where each sentence after the first starts: one pass, each character looked at a bounded number of times. */
function sentenceStarts(line: string): number[] {
  const out: number[] = [];
  const n = line.length;
  for (let i = 0; i < n; i++) {
    if (!TERMINALS.has(line[i]) && !CJK_TERMINALS.has(line[i])) continue;
    // The run of sentence ends and closers from i to j, then the white space to k.
    let j = i, cjk = false;
    for (; j < n && (TERMINALS.has(line[j]) || CJK_TERMINALS.has(line[j])); j++) if (CJK_TERMINALS.has(line[j])) cjk = true;
    while (j < n && CLOSERS.has(line[j])) j++;
    let k = j;
    while (k < n && /\s/.test(line[k])) k++;
    if (k >= n) break;
    const end = j - 1;
    i = end; // the scan goes on after the run
    // Else a space must follow, and no lower-case letter after it ("e.g. the", "3.5 m", "a.m. on"),
    // and a run ending in a full stop must not end a short capitalised word ("Dr. Smith", "U.S. Army").
    if (!cjk && (k === j || LOWER.test(String.fromCodePoint(line.codePointAt(k)!)) || (line[end] === "." && abbreviation(line, end)))) continue;
    out.push(k);
  }
  return out;
}

/** The word before the full stop at `dot` is one to three characters, the first a capital: "Dr", "Mrs", "U.S". */
function abbreviation(line: string, dot: number): boolean {
  let b = dot;
  while (b > 0 && dot - b < 4 && !/\s/.test(line[b - 1])) b--;
  return dot - b >= 1 && dot - b <= 3 && (b === 0 || /\s/.test(line[b - 1])) && ABBREVIATION.test(line.slice(b, dot));
}
