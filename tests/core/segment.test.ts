// Text mode reads its input once (segmentCodes): the segments are the non-blank lines as sent,
// and the features made from its code units are those made from the lines themselves (the path
// HTML mode and training take), on any text: line breaks of every kind, white space of every
// kind at the ends of lines, characters that lower-case other than one by one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractFeatures } from "../../src/core/features.ts";
import { segmentCodes, segmentText } from "../../src/core/segment.ts";

/** The specification: split on \r\n, \r or \n; keep the lines /\S/ finds something in. */
function reference(input: string) {
  return input.split(/\r\n|\r|\n/).map((text, line) => ({ line, text })).filter((s) => /\S/.test(s.text));
}

const piece = fc.constantFrom("a", "B", " ", "\t", "\u00a0", "\u3000", "\ufeff", "\n", "\r", "\r\n", "\n\n", "Σ", "İ", "😀", "\ud83d", "é", "漢", "ſ", "Share", "Read more.", "12:30", "©");
const text = fc.oneof(fc.array(piece, { maxLength: 40 }).map((a) => a.join("")), fc.string({ unit: "binary", maxLength: 80 }));

describe("segmentCodes", () => {
  it("splits as the reference does", () => {
    fc.assert(fc.property(text, (t) => { expect(segmentText(t)).toEqual(reference(t)); }), { numRuns: 3000 });
  });
  it("gives the features what the lines give them", () => {
    fc.assert(fc.property(text, (t) => {
      const { segments, codes } = segmentCodes(t);
      const lines = segments.map((s) => s.text);
      const a = extractFeatures(lines, 12, undefined, codes), b = extractFeatures(lines, 12);
      expect([a.language, [...a.denseFlat], [...a.bucketFlat], [...a.bucketStart]]).toEqual([b.language, [...b.denseFlat], [...b.bucketFlat], [...b.bucketStart]]);
    }), { numRuns: 2000 });
  });
});
