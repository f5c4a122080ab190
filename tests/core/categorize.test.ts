// The credit cue's "Name Name / Agency" pattern was rewritten so that it cannot backtrack
// catastrophically; it must still match exactly the strings the original matched. (Its
// "(... via Agency)" part no longer lets another "(" inside the parenthesis, which made it
// quadratic on "(via " repeated; the reference below has that change too.)
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANY_WORD_CUE, categorize, CREDIT_RE, CUES, firstCue, mayHaveCue, pBodyNote, WHICH_WORD_CUE, type Verdict } from "../../src/core/categorize.ts";

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

// The pre-check must match exactly where one of the cues does.
const cueWords = ["cookie", "Cookies", "GDPR", "datenschutzerklärung", "privacy settings", "newsletter", "e-mail updates", "sign up for our", "boletín",
  "donate", "support our work", "chip in", "subscribe", "log in", "LOGIN", "abonnement", "share", "share this", "Shares", "tweet", "comments", "reply",
  "read more", "most read", "you might also like", "à lire aussi", "advertisement", "Anzeige", "©", "copyright", "terms of use", "photo:", "(via Reuters)",
  "Ab Cd / Xy", "home", "next", "skip to", "ſhare", "\u212Aommentar", "é", "_", "x", "1"];
const around = fc.constantFrom(" ", "", "-", "a", "É", "_", "9", ".", "(", ")", ":", "/", "|", "\t");
const cueLine = fc.array(fc.oneof(fc.constantFrom(...cueWords), around), { maxLength: 8 }).map((a) => a.join(""));

/** The alternatives of a regex source at its top level (split at "|" outside groups and classes). */
function alternativesOf(source: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "[") i = source.indexOf("]", i);
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) { out.push(source.slice(start, i)); start = i + 1; }
  }
  out.push(source.slice(start));
  return out;
}

describe("cues", () => {
  it("have a pre-check that is the alternation of the word cues between the same boundaries", () => {
    const inner = CUES.filter((c) => c.re !== CREDIT_RE).map((c) => /^(?:©\|)?\\b\((.*)\)\\b$/.exec(c.re.source)![1]);
    // ANY_WORD_CUE groups the alternatives after a shared first letter and captures nothing:
    // written out again letter by letter, they are the cues' alternatives, each once.
    const noCapture = (s: string) => s.replace(/\((?!\?)/g, "(?:");
    const any = /^©\|\\b\(\?:(.*)\)\\b$/.exec(ANY_WORD_CUE.source)![1];
    const expanded = alternativesOf(any).flatMap((a) => {
      const g = /^(\p{L})\(\?:(.*)\)$/u.exec(a);
      return g ? alternativesOf(g[2]).map((rest) => g[1] + rest) : [a];
    });
    expect(expanded.sort()).toEqual(inner.flatMap(alternativesOf).map(noCapture).sort());
    expect(ANY_WORD_CUE.flags).toBe("i");
    // WHICH_WORD_CUE: the same alternation with a capturing group per cue and none inside them.
    expect(`${WHICH_WORD_CUE.source}/${WHICH_WORD_CUE.flags}`).toBe(`©|\\b(?:${inner.map((x) => `(${noCapture(x)})`).join("|")})\\b/gi`);
  });
  it("are ruled out by the pre-check exactly when none of them matches", () => {
    fc.assert(fc.property(cueLine, (s) => { expect(mayHaveCue(s)).toBe(CUES.some((c) => c.re.test(s))); }), { numRuns: 20000 });
  });
  it("are told apart by firstCue as trying them in order does", () => {
    const several = fc.array(cueLine, { minLength: 1, maxLength: 4 }).map((a) => a.join(" "));
    fc.assert(fc.property(several, (s) => { expect(firstCue(s)).toBe(CUES.findIndex((c) => c.re.test(s))); }), { numRuns: 20000 });
    for (const s of ["Share this cookie notice", "© 2024 Example | Home", "Photo: AP / Reuters | share", "Read more: our newsletter", "Home | Next", "nothing", "ſhare the cookie"]) {
      expect(firstCue(s)).toBe(CUES.findIndex((c) => c.re.test(s)));
    }
  });
  it("are pre-checked and told apart alike with every BMP code unit next to and inside a cue word", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [`${ch}share`, `share${ch}`, `${ch}hare`, `datenschutz${ch}`, `boletín ${ch}`, `coo${ch}ie`, `${ch}ommentar`]) {
        const first = CUES.findIndex((cue) => cue.re.test(s));
        if (mayHaveCue(s) !== first >= 0) expect({ s, cue: mayHaveCue(s) }).toEqual({ s, cue: !mayHaveCue(s) });
        if (firstCue(s) !== first) expect({ s, first: firstCue(s) }).toEqual({ s, first });
      }
    }
  });
});

describe("pBodyNote", () => {
  it("writes the probability as toFixed(2) does, halves and the ends included", () => {
    const edge = [0, -0, 1, 0.005, 0.015, 0.125, 0.995, 0.5, 0.045, 0.285, 0.575, 1e-300, 1 - 1e-16, 0.0050000001, 0.0049999999];
    const grid = Array.from({ length: 20001 }, (_, k) => k / 20000);
    for (const p of [...edge, ...grid]) expect(pBodyNote(p)).toBe(`P(body)=${p.toFixed(2)}`);
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => { expect(pBodyNote(p)).toBe(`P(body)=${p.toFixed(2)}`); }), { numRuns: 20000 });
  });
});

describe("categorize's shared reasons", () => {
  it("are the reasons written out for each line, whatever came before", () => {
    const shape = { nWords: 5, terminal: false, listRun: 0, beforeBody: false, afterBody: false, nextIsBody: false };
    const cases = [
      { shape: { ...shape, beforeBody: true }, reason: (pct: string) => `short line above the article, not body text (${pct})` },
      { shape: { ...shape, afterBody: true }, reason: (pct: string) => `line after the article ends, not body text (${pct})` },
      { shape: { ...shape, terminal: true }, reason: (pct: string) => `sentence inside the article that reads as a caption or teaser, not body (${pct})` },
      { shape, reason: (pct: string) => `not body text by its wording and surroundings (${pct})` },
      ...[3, 7, 200].flatMap((run) => [
        { shape: { ...shape, listRun: run, beforeBody: true }, reason: (pct: string) => `part of a list of ${run} short lines above the article (${pct})` },
        { shape: { ...shape, listRun: run, afterBody: true }, reason: (pct: string) => `part of a list of ${run} short lines below the article (${pct})` },
        { shape: { ...shape, listRun: run }, reason: (pct: string) => `part of a list of ${run} short lines inside the article (${pct})` },
      ]),
    ];
    // Each case twice over a spread of probabilities (halves, where toFixed decides, and values
    // outside [0, 1] too), the cases interleaved so a shared reason is asked for after others.
    const ps = [0, 0.005, 0.125, 0.3, 0.5, 0.575, 0.99, 1, 1.5, -0.2, ...Array.from({ length: 50 }, (_, k) => (k * 7919) % 1000 / 1000)];
    for (let round = 0; round < 2; round++) {
      for (const p of ps) {
        for (const c of cases) expect(categorize("plain words here", c.shape, p).reason).toBe(c.reason(`P(body)=${p.toFixed(2)}`));
      }
    }
  });
});

describe("categorize's list reasons", () => {
  it("are written out right past the cache's room (REASONS_KEPT_MAX), for lengths seen before and after it started over", () => {
    const shape = { nWords: 2, terminal: false, listRun: 0, beforeBody: false, afterBody: false, nextIsBody: false };
    const places = [{ beforeBody: true, where: "above" }, { afterBody: true, where: "below" }, { where: "inside" }];
    for (let round = 0; round < 2; round++) {
      for (let run = 3; run < 400; run += round + 1) {
        for (const { where, ...place } of places) {
          for (const p of [0.02, 0.31]) {
            expect(categorize("a b", { ...shape, ...place, listRun: run }, p).reason).toBe(`part of a list of ${run} short lines ${where} the article (P(body)=${p.toFixed(2)})`);
          }
        }
      }
    }
  });
});

describe("categorize's cue reasons", () => {
  it("quote what the cue's own regex matches first, on lines of several cues", () => {
    const shape = { nWords: 3, terminal: false, listRun: 0, beforeBody: false, afterBody: true, nextIsBody: false };
    const several = fc.array(cueLine, { minLength: 1, maxLength: 4 }).map((a) => a.join(" "));
    fc.assert(fc.property(several, (text) => {
      const k = CUES.findIndex((c) => c.re.test(text));
      if (k >= 0) expect(categorize(text, shape, 0.3).reason).toBe(`${CUES[k].what} (cue "${CUES[k].re.exec(text)![0].trim().slice(0, 40)}"; P(body)=0.30)`);
    }), { numRuns: 20000 });
  });
  it("are written out right past the cache's room (REASONS_KEPT_MAX), for words seen before and after it started over", () => {
    const shape = { nWords: 3, terminal: false, listRun: 0, beforeBody: false, afterBody: true, nextIsBody: false };
    const words = ["newsletter", "Subscribe", "share this", "comments", "Read more", "sponsored", "Copyright", "menu"];
    // Each word in up to 128 casings: 784 different matched words, past the cache's room of 512.
    const cased = words.flatMap((w) => Array.from({ length: 128 }, (_, k) => [...w].map((ch, j) => ((k >> (j % 7)) & 1 ? ch.toUpperCase() : ch.toLowerCase())).join("")));
    for (let round = 0; round < 2; round++) {
      for (const w of cased) {
        for (const p of [0.03, 0.47]) {
          const text = `${w} and more`;
          const k = firstCue(text);
          expect(categorize(text, shape, p).reason).toBe(`${CUES[k].what} (cue "${CUES[k].re.exec(text)![0].trim()}"; P(body)=${p.toFixed(2)})`);
        }
      }
    }
  });
});

describe("categorize's verdict", () => {
  it("is written into the object passed, line after line, as a fresh one would say it", () => {
    const shape = { nWords: 6, terminal: true, listRun: 0, beforeBody: false, afterBody: false, nextIsBody: true };
    const lines = ["Sign up for our newsletter", "Photo: Jane Doe / Reuters", "plain words here.", "Share this on Facebook", "plain words here"];
    const shapes = [shape, { ...shape, listRun: 5 }, { ...shape, beforeBody: true }, { ...shape, afterBody: true, terminal: false }];
    const out: Verdict = { category: "other", reason: "" };
    for (const s of shapes) for (const text of lines) for (const p of [0.01, 0.42, 0.875]) {
      const fresh = categorize(text, s, p);
      expect(categorize(text, s, p, out)).toBe(out);
      expect(out).toEqual(fresh);
    }
  });
});

describe("the donation cue", () => {
  // French "don(s)" is a donation; English "don't" (straight or curly apostrophe) is not.
  const shape = { nWords: 12, terminal: true, listRun: 0, beforeBody: false, afterBody: false, nextIsBody: true };
  it("does not take don't or don’t for a donation appeal", () => {
    for (const t of ["I don’t think the council will agree to it this year, she said.", "Don't miss the game tonight, said the coach to reporters."]) expect(categorize(t, shape, 0.3).category, t).not.toBe("donation");
  });
  it("still reads French dons as one", () => {
    for (const t of ["Faites un don pour soutenir notre rédaction", "Les dons sont déductibles des impôts"]) expect(categorize(t, shape, 0.3).category, t).toBe("donation");
  });
});
