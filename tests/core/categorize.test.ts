// The credit cue's "Name Name / Agency" pattern was rewritten so that it cannot backtrack
// catastrophically; it must still match exactly the strings the original matched. (Its
// "(... via Agency)" part no longer lets another "(" inside the parenthesis, which made it
// quadratic on "(via " repeated; the reference below has that change too.)
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { categorize, CREDIT_RE } from "../../src/core/categorize.ts";

const ORIGINAL = /\b(photo|image|picture|video|illustration|graphic|foto|bild|imagen|crédit|credit|courtesy|getty|reuters|afp|ap photo|shutterstock|istock|epa)\b\s*[:/|)]|\((\w+\s){0,4}(via|photo|getty|ap|afp|reuters)\b[^()]*\)$|^\s*(\p{Lu}[\p{L}.]*\s?){1,4}\/\s?(\p{Lu}[\p{L}.]*\s?){1,4}$/u;

// Short strings only: the original takes time cubic in the length of its first words.
const piece = fc.constantFrom("A", "B", "b", "é", "É", ".", " ", "  ", "\t", "/", "1", "(", ")", "via ", "AP", "x");
const short = fc.array(piece, { maxLength: 14 }).map((a) => a.join(""));

describe("credit cue", () => {
  it("matches the same strings as the original pattern", () => {
    fc.assert(fc.property(short, (s) => { expect(CREDIT_RE.test(s)).toBe(ORIGINAL.test(s)); }), { numRuns: 20000 });
  });
  it("categorizes a 5,000-letter line of capitals at once", () => {
    const shape = { nWords: 1, terminal: false, listRun: 0, beforeBody: false, afterBody: true, nextIsBody: false };
    expect(categorize("A".repeat(5000), shape, 0.1).category).toBe("other");
    expect(categorize("AB ".repeat(2000) + "/", shape, 0.1).category).toBe("other");
    expect(categorize("Ab Cd Ef Gh / " + "X".repeat(5000), shape, 0.1).category).toBe("credit");
  });
});
