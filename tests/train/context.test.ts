// The second pass's rows: the text model's row is the shared context (what the HTML pass reads)
// followed by the line's own dense features, and the rows that training reads are the rows that
// serving scores.
import { describe, expect, it } from "vitest";
import { CONTEXT_FEATURES, CONTEXT_SIZE, TEXT_CONTEXT_FEATURES, TEXT_CONTEXT_SIZE, contextFeatures, contextRows } from "../../src/core/context.ts";
import { DENSE_FEATURES, DENSE_SIZE, extractFeatures } from "../../src/core/features.ts";

const lines = [
  "Home | News | Sport",
  "Storm closes the coast road for a second day",
  "The coast road between the two harbours stayed closed on Tuesday after waves broke over the sea wall, the council said.",
  "Engineers will inspect the wall once the wind drops, which forecasters expect by Thursday morning.",
  "Related: Ferry services cancelled",
  "Sign up for our newsletter",
];
const doc = extractFeatures(lines, 15);
const n = lines.length;
const p1 = Float64Array.from([0.05, 0.3, 0.95, 0.9, 0.2, 0.02]);
const markers = { start: Float64Array.from([0.1, 0.6, 0.1, 0.1, 0.2, 0.1]), end: Float64Array.from([0.1, 0.1, 0.1, 0.2, 0.8, 0.7]) };

describe("context rows", () => {
  it("the text row starts with the shared context and adds each own dense feature once", () => {
    expect(TEXT_CONTEXT_FEATURES.slice(0, CONTEXT_SIZE)).toEqual([...CONTEXT_FEATURES]);
    const own = TEXT_CONTEXT_FEATURES.slice(CONTEXT_SIZE);
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(TEXT_CONTEXT_FEATURES).size).toBe(TEXT_CONTEXT_SIZE);
    for (const name of own) expect(DENSE_FEATURES).toContain(name.replace(/^own_/, ""));
    expect(own).not.toContain("own_bias");
  });

  it("own columns hold the line's dense values; the HTML-width rows are the text rows' prefix", () => {
    const text = contextFeatures(p1, doc.dense, doc.nWords, markers, TEXT_CONTEXT_SIZE);
    const shared = contextFeatures(p1, doc.dense, doc.nWords, markers);
    expect(text).toHaveLength(n);
    for (let i = 0; i < n; i++) {
      expect(shared[i]).toHaveLength(CONTEXT_SIZE);
      expect(Array.from(text[i].subarray(0, CONTEXT_SIZE))).toEqual(Array.from(shared[i]));
      TEXT_CONTEXT_FEATURES.slice(CONTEXT_SIZE).forEach((name, k) => {
        const j = DENSE_FEATURES.indexOf(name.replace(/^own_/, "") as (typeof DENSE_FEATURES)[number]);
        expect(text[i][CONTEXT_SIZE + k]).toBe(doc.denseFlat[i * DENSE_SIZE + j]);
      });
    }
  });

  it("serving's streamed rows equal training's rows, across several blocks of rows", () => {
    // 150 lines: the rows are handed over in blocks of 64, so three blocks, the last one short.
    const long = Array.from({ length: 25 }, () => lines).flat();
    const d = extractFeatures(long, 15);
    const q1 = Float64Array.from(long, (_, i) => p1[i % n]);
    const m = { start: Float64Array.from(long, (_, i) => markers.start[i % n]), end: Float64Array.from(long, (_, i) => markers.end[i % n]) };
    const text = contextFeatures(q1, d.dense, d.nWords, m, TEXT_CONTEXT_SIZE);
    let seen = 0, blocks = 0;
    contextRows(q1, d.denseFlat, d.nWords, m, (from, rows, count) => {
      expect(from).toBe(seen);
      for (let r = 0; r < count; r++) expect(Array.from(rows.subarray(r * TEXT_CONTEXT_SIZE, (r + 1) * TEXT_CONTEXT_SIZE))).toEqual(Array.from(text[from + r]));
      seen += count;
      blocks++;
    });
    expect(seen).toBe(long.length);
    expect(blocks).toBe(3);
  });
});
