// Plain text -> segments: one per non-blank line, its text exactly as sent. Blank lines separate
// blocks but are not content, so they get no segment (their line numbers are simply skipped).
import { emptyLineCodes, setLine, type LineCodes } from "./codes.ts";
import type { Segment } from "./types.ts";

export function segmentText(input: string): Segment[] {
  return segmentCodes(input).segments;
}

/**
 * The segments, and their code units as the features read them (codes.ts): the input is read
 * once, into one array, and each segment's trimmed bounds point into it.
 */
export function segmentCodes(input: string): { segments: Segment[]; codes: LineCodes } {
  const n = input.length;
  const all = new Uint16Array(n);
  for (let i = 0; i < n; i++) all[i] = input.charCodeAt(i);
  // Bounds for at most as many segments as line breaks + 1; trimmed to the segments found.
  let breaks = 1;
  for (let i = 0; i < n; i++) if (all[i] === 10 || all[i] === 13) breaks++;
  const lc = emptyLineCodes(all, breaks);
  const segments: Segment[] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? all[i] : 10;
    if (c !== 10 && c !== 13) continue;
    // A line is blank when it is only white space (/\S/ finds nothing): trimmed, it is empty.
    if (!setLine(lc, segments.length, start, i)) segments.push({ line, text: input.slice(start, i) });
    line++;
    // \r\n is one line break.
    if (c === 13 && i + 1 < n && all[i + 1] === 10) i++;
    start = i + 1;
  }
  const k = segments.length;
  const codes: LineCodes = { codes: all, from: lc.from.subarray(0, k), to: lc.to.subarray(0, k), ascii: lc.ascii.subarray(0, k), pointwise: lc.pointwise.subarray(0, k) };
  return { segments, codes };
}
