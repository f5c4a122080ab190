// detectLanguage finds the best language from near sums and sums only the few close to the best
// exactly; it must pick what adding every word's weight to each of its languages, in document
// order, picks (the reference below, written from the stopword lists themselves).
import fc from "fast-check";
import stopwordsIso from "stopwords-iso/stopwords-iso.json";
import { describe, expect, it } from "vitest";
import { codesOf } from "../../src/core/codes.ts";
import { fnv1a } from "../../src/core/hash.ts";
import { detectLanguage, LANGUAGES, stopwordEntries, stopwordEntry } from "../../src/core/language.ts";

const LISTS = stopwordsIso as Record<string, string[]>;
const langsOf = new Map<string, string[]>();
for (const lang of LANGUAGES) for (const w of LISTS[lang]) {
  const key = w.toLowerCase(), l = langsOf.get(key) ?? [];
  if (l[l.length - 1] !== lang) l.push(lang);
  langsOf.set(key, l);
}

function reference(words: string[]): string {
  const hits = new Map<string, number>(LANGUAGES.map((l) => [l, 0]));
  for (const w of words.slice(0, 4000)) {
    const langs = langsOf.get(w);
    if (langs) for (const l of langs) hits.set(l, hits.get(l)! + 1 / langs.length);
  }
  let best = LANGUAGES[0];
  for (const l of LANGUAGES) if (hits.get(l)! > hits.get(best)!) best = l;
  return hits.get(best)! >= 3 ? best : "und";
}

const entriesOf = (words: string[]) => Int32Array.from(words, (w) => stopwordEntry(codesOf(w), 0, w.length, fnv1a(w)));

// Stopwords of a few languages, words many lists share, and words no list holds.
const pool = [...new Set([
  ...["en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no"].flatMap((l) => LISTS[l].slice(0, 12).map((w) => w.toLowerCase())),
  "a", "i", "o", "e", "de", "la", "en", "na", "se", "to", "da", "la", "zebra", "xylophone", "quantum",
])];

describe("detectLanguage", () => {
  it("picks what summing every word's weight per language in document order picks", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 60 }), (words) => {
      expect(detectLanguage(entriesOf(words))).toBe(reference(words));
    }), { numRuns: 3000 });
  });
  it("reads the first 4,000 words only, and ties go to the first language", () => {
    const many = [...Array.from({ length: 4000 }, (_, k) => (k % 2 ? "the" : "zebra")), ...Array.from({ length: 3000 }, () => "und")];
    expect(detectLanguage(entriesOf(many))).toBe(reference(many));
    for (const words of [["a", "a", "a", "a"], ["de", "de", "de"], ["na", "se", "da", "na", "se", "da"], []]) expect(detectLanguage(entriesOf(words))).toBe(reference(words));
  });
});

describe("stopwordEntries", () => {
  it("finds each word's entry as stopwordEntry does, word by word", () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...pool), fc.string({ maxLength: 6 })), { maxLength: 40 }), (words) => {
      const chars = codesOf(words.join("")), start = new Int32Array(words.length + 1), hash = Uint32Array.from(words, (w) => fnv1a(w));
      words.forEach((w, k) => { start[k + 1] = start[k] + w.length; });
      const out = new Int32Array(words.length);
      stopwordEntries(chars, start, hash, out, new Int32Array(words.length));
      expect(Array.from(out)).toEqual(words.map((w) => stopwordEntry(codesOf(w), 0, w.length, fnv1a(w))));
      expect(out.some((e) => e >= 0)).toBe(words.some((w) => langsOf.has(w)));
    }), { numRuns: 2000 });
  });
});

describe("detectLanguage with a hint (a page's <html lang>)", () => {
  const english = "the council said on tuesday that it would not be able to build the new lanes before the end of the year because the money had not been found and the work would have to wait".split(" ");
  const french = "le conseil a dit mardi qu il ne pourrait pas construire les nouvelles pistes avant la fin de l année parce que l argent n a pas été trouvé et que les travaux devraient attendre".split(" ");
  it("takes the hint when the words agree, or say too little", () => {
    expect(detectLanguage(entriesOf(french), "fr-FR")).toBe("fr");
    expect(detectLanguage(entriesOf(english), "en")).toBe("en");
    expect(detectLanguage(entriesOf(["zebra", "quantum"]), "fr")).toBe("fr");
  });
  it("is overruled by text plainly in another language (a template's lang on an article in another)", () => {
    expect(detectLanguage(entriesOf(english), "fr")).toBe("en");
    expect(detectLanguage(entriesOf(french), "en-US")).toBe("fr");
  });
  it("keeps either hint on words that close languages share", () => {
    const shared = ["de", "la", "en", "de", "la", "en", "de"];
    expect(detectLanguage(entriesOf(shared), "es")).toBe("es");
    expect(detectLanguage(entriesOf(shared), "fr")).toBe("fr");
  });
});
