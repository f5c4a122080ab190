// docWords scans each pointwise line (ASCII ones and most others: codes.ts) in its own pass over
// the line's code units (words.ts), and the features read that scan instead of running scanCodes:
// it must be scanCodes' scan, every field.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineCodes } from "../../src/core/codes.ts";
import { WORD_SEEDS } from "../../src/core/lexical.ts";
import { emptyScan, readScan, scanCodes } from "../../src/core/line-scan.ts";
import { docWords } from "../../src/core/words.ts";

// Pieces that reach every branch of the scan: marks, separators between spaces, URL and e-mail
// shapes, "(c)", white-space runs, digits, capitals, control characters, and lines past a chunk.
const piece = fc.constantFrom("a", "Ab", "9", "12", " ", "  ", "\t", "\n", "\r", ".", ". ", "!", "?", ",", ":", "://", "@", "(", "(c)", "(C)",
  ")", "|", " | ", " / ", "/", "-", " - ", '"', "'", "w.", ".com", ".io", "x.d", "\u0001", "\u007f", "~", "[", "]", "_", "^", "`", "{", "}",
  "É", "é", "ß", "\u00a0", "\u2003", "“", "”", "«", "»", "©", "℗", "١٢", "。", "！", "漢字", "–", " – ", "•", "…", "Σ", "İ", "😀");
const line = fc.array(piece, { maxLength: 40 }).map((a) => a.join(""));
const long = fc.tuple(line, fc.integer({ min: 100, max: 400 }), piece).map(([l, n, p]) => l + p.repeat(n));

describe("the scan of pointwise lines made with their words", () => {
  it("is scanCodes' scan", () => {
    fc.assert(fc.property(fc.array(fc.oneof(line, long), { minLength: 1, maxLength: 6 }), (lines) => {
      const doc = lineCodes(lines);
      const words = docWords(doc, (i) => lines[i].trim(), WORD_SEEDS);
      for (let i = 0; i < lines.length; i++) {
        if (!doc.pointwise[i]) continue;
        expect({ ...readScan(words.scans, i, emptyScan()) }).toEqual({ ...scanCodes(doc.codes, doc.from[i], doc.to[i], emptyScan()) });
      }
    }), { numRuns: 3000 });
  });
});
