// Plain text -> segments: one per non-blank line, its text exactly as sent. Blank lines separate
// blocks but are not content, so they get no segment (their line numbers are simply skipped).
import type { Segment } from "./types.ts";

export function segmentText(input: string): Segment[] {
  const out: Segment[] = [];
  let line = 0;
  let start = 0;
  const n = input.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? input.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    const text = input.slice(start, i);
    if (/\S/.test(text)) out.push({ line, text });
    line++;
    // \r\n is one line break.
    if (c === 13 && i + 1 < n && input.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  return out;
}
