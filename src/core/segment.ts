// Plain text -> segments: one per non-blank line, its text exactly as sent. Blank lines separate
// blocks but are not content, so they get no segment (their line numbers are simply skipped).
import { pointwiseLower, SPACE, unitClass } from "./charclass.ts";
import type { LineCodes } from "./codes.ts";
import { int32Scratch, Scratch } from "./scratch.ts";
import { slots } from "./slots.ts";
import type { Segment } from "./types.ts";

/** A line break as splitLines reads one: \r\n, \r or \n (for splitting an input into its lines). */
export const LINE_BREAK = /\r\n?|\n/;

export function segmentText(input: string): Segment[] {
  return segmentCodes(input).segments;
}

/** The segments as clean's text path reads them: their texts, line numbers and code units. */
export interface SplitLines {
  /** Segment i's text, exactly as sent. */
  texts: string[];
  /** Segment i's 0-based line number in the input (valid until the next call: a scratch). */
  lineNos: Int32Array;
  codes: LineCodes;
}

/** The segments as objects (training, HTML's tests, the identical-output check). */
export function segmentCodes(input: string): { segments: Segment[]; codes: LineCodes } {
  const { texts, lineNos, codes } = splitLines(input);
  const segments = slots<Segment>(texts.length);
  for (let k = 0; k < texts.length; k++) segments[k] = { line: lineNos[k], text: texts[k] };
  return { segments, codes };
}

// The code units and the per-segment arrays, reused from one input to the next (scratch.ts): what
// segmentCodes returns is read by the features before the next input is segmented. Five fresh typed
// arrays per input were a sixth of the fixed cost of cleaning a one-line text.
const CODES = new Scratch((n) => new Uint16Array(n)), FROM = int32Scratch(), TO = int32Scratch();
const ASCII = new Scratch((n) => new Uint8Array(n)), POINTWISE = new Scratch((n) => new Uint8Array(n));
// Each segment's line number and its untrimmed bounds in the input: its text is sliced once the
// input is read, into an array of the segments' number. An object per segment ({line, text}) pushed
// as it was read was 31,161 objects on the bench's 1.5 MB scaling document, and the array's growth
// copies, all alive to the end of clean(): the scavenges that fell in segmentation copied them.
const LINE = int32Scratch(), START = int32Scratch(), END = int32Scratch();
// Room for this many segments at first, or for as many as the scratches already hold (doubled as
// needed), or for every line the input can hold when that is fewer: a typical page has a few
// hundred. Growing is the rare path: optimised code that had not taken it yet deoptimised there,
// and on-stack-replaced code compiled in a long document's loop did so at every such document (the
// bench's 1.5 MB document, 31,161 lines, at each call: the rest of the input was segmented in
// baseline code), so a document as long as one before does not take it.
const FIRST_ROOM = 1024;

/**
 * The segments, and their code units as the features read them (codes.ts), in one pass over the
 * input: each code unit is copied into one array as it is read, and each line's kind is known
 * when it ends (`ascii` and `pointwise` are read over the line before trimming, which can only
 * add white space outside ASCII: such a line takes the general path, with the same results).
 * The code units are valid until the next call (they are reused: scratch.ts).
 */
export function splitLines(input: string): SplitLines {
  const n = input.length;
  // Every unit of `all` is written below (a break too), so a reused one needs no zeroing.
  const all = CODES.any(n);
  // A segment holds a unit that is not white space and, but for the last, a break after it.
  const room = Math.min(Math.max(FIRST_ROOM, FROM.size), (n >> 1) + 1);
  let from = FROM.any(room), to = TO.any(room), ascii = ASCII.any(room), pointwise = POINTWISE.any(room);
  let lineNo = LINE.any(room), lineStart = START.any(room), lineEnd = END.any(room);
  let k = 0, line = 0, start = 0, or = 0;
  for (let i = 0; i <= n; i++) {
    // The line's code units up to its break (the end of the input reads as one).
    let c = 10;
    for (; i < n; i++) {
      const u = input.charCodeAt(i);
      if (u <= 13 && (u === 10 || u === 13)) { c = u; break; }
      all[i] = u;
      or |= u;
    }
    if (i < n) all[i] = c;
    // What lower-cases other than code unit by code unit (charclass.ts pointwiseLower): looked
    // for only on a line with a code unit that high at all (`or` has a bit of every one).
    const special = or >= 0x130 && !pointwiseLower(all, start, i);
    // Trimmed as String.prototype.trim does; a line that is only white space (/\S/ finds
    // nothing) is blank.
    let s = start, e = i;
    while (s < e && (unitClass(all[s]) & SPACE) !== 0) s++;
    while (e > s && (unitClass(all[e - 1]) & SPACE) !== 0) e--;
    if (s < e) {
      if (k === from.length) {
        from = FROM.grown(from, 2 * k); to = TO.grown(to, 2 * k); ascii = ASCII.grown(ascii, 2 * k); pointwise = POINTWISE.grown(pointwise, 2 * k);
        lineNo = LINE.grown(lineNo, 2 * k); lineStart = START.grown(lineStart, 2 * k); lineEnd = END.grown(lineEnd, 2 * k);
      }
      from[k] = s; to[k] = e; ascii[k] = or < 128 ? 1 : 0; pointwise[k] = special ? 0 : 1;
      lineNo[k] = line; lineStart[k] = start; lineEnd[k] = i;
      k++;
    }
    line++;
    // \r\n is one line break.
    if (c === 13 && i + 1 < n && input.charCodeAt(i + 1) === 10) all[++i] = 10;
    start = i + 1;
    or = 0;
  }
  const texts = slots<string>(k);
  for (let j = 0; j < k; j++) texts[j] = input.slice(lineStart[j], lineEnd[j]);
  return { texts, lineNos: lineNo.subarray(0, k), codes: { codes: all, from: from.subarray(0, k), to: to.subarray(0, k), ascii: ascii.subarray(0, k), pointwise: pointwise.subarray(0, k) } };
}
