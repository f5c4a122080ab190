// A document's lines as UTF-16 code units in one typed array, each line trimmed (the bounds of
// `String.prototype.trim`, found with the SPACE class, which is the same set of characters). Every
// per-character pass of the features reads this array: reading a typed array is a single load,
// where `charCodeAt` on a line (a slice of the input) goes through the string's representation
// on every call, and that was most of the cost of the passes.
import { pointwiseLower, SPACE, unitClass } from "./charclass.ts";

export interface LineCodes {
  codes: Uint16Array;
  /** Line i, trimmed, is codes[from[i], to[i]). */
  from: Int32Array;
  to: Int32Array;
  /** 1 when the trimmed line is all ASCII. */
  ascii: Uint8Array;
  /** 1 when the trimmed line lower-cases code unit by code unit (charclass.ts pointwiseLower): ASCII lines and most others. */
  pointwise: Uint8Array;
}

export function lineCodes(lines: string[]): LineCodes {
  const n = lines.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += lines[i].length;
  const codes = new Uint16Array(total);
  const from = new Int32Array(n), to = new Int32Array(n), ascii = new Uint8Array(n), pointwise = new Uint8Array(n);
  let o = 0;
  for (let i = 0; i < n; i++) {
    const line = lines[i];
    const start = o;
    for (let k = 0; k < line.length; k++) codes[o++] = line.charCodeAt(k);
    let s = start, e = o;
    while (s < e && (unitClass(codes[s]) & SPACE) !== 0) s++;
    while (e > s && (unitClass(codes[e - 1]) & SPACE) !== 0) e--;
    let all = 0;
    for (let k = s; k < e; k++) all |= codes[k];
    from[i] = s; to[i] = e; ascii[i] = all < 128 ? 1 : 0;
    pointwise[i] = all < 128 || pointwiseLower(codes, s, e) ? 1 : 0;
  }
  return { codes, from, to, ascii, pointwise };
}

/** The code units of one string (for the string forms of the code-unit functions). */
export function codesOf(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  for (let k = 0; k < text.length; k++) out[k] = text.charCodeAt(k);
  return out;
}
