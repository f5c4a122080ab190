// scanLine replaces a dozen regexes per line with one pass; its specification is the regexes it
// replaced (kept here as the reference). What it computes must equal what they say, and each gate
// must hold wherever its regex matches, on every string.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codesOf } from "../../src/core/codes.ts";
import { pointwiseLower } from "../../src/core/charclass.ts";
import { endsAlnum, endsArrow, endsTerminal, hasDateAt, hasTimeAt, lineKey, sameKeyAt, scanLine } from "../../src/core/line-scan.ts";

const TERMINAL_RE = /[.!?。！？؟।…"”’»)\]]$/u;
const COPYRIGHT_RE = /©|\(c\)|\u2117/iu;
const SEPARATOR_RE = /\s[|•·»›\/–-]\s|^[|•·»›]|[|•·»›]$/u;
const QUOTE_RE = /["“”«»„]/u;
const SENTENCE_END_RE = /[.!?。！？؟।](\s|$)/gu;
const URL_RE = /https?:\/\/|www\.|[\p{L}\p{N}]\.(com|org|net|io|co|uk|de|fr)\b/iu;
const EMAIL_HANDLE_RE = /[^\s@]@[^\s@.]+\.[^\s@]|(^|\s)@\w/u;
const DATE_RE = /\p{Nd}{1,4}[./\-年月]\p{Nd}{1,2}[./\-月日]|\p{Nd}{1,2},? \p{Nd}{4}|\b(19|20)\p{Nd}{2}\b/u;
const TIME_RE = /\p{Nd}{1,2}:\p{Nd}{2}/u;

function reference(text: string) {
  let digits = 0, punct = 0, commas = 0, upper = 0;
  for (let c = 0; c < text.length; c++) {
    const ch = text.charCodeAt(c);
    if (ch >= 48 && ch <= 57) digits++;
    else if (ch === 44) { commas++; punct++; }
    else if ((ch >= 33 && ch <= 47) || (ch >= 58 && ch <= 64) || (ch >= 91 && ch <= 96) || (ch >= 123 && ch <= 126)) punct++;
    if (ch < 128 ? ch >= 65 && ch <= 90 : text[c] !== text[c].toLowerCase()) upper++;
  }
  return {
    digits, punct, commas, upper,
    sentences: (text.match(SENTENCE_END_RE) ?? []).length,
    quote: QUOTE_RE.test(text), separator: SEPARATOR_RE.test(text), copyright: COPYRIGHT_RE.test(text),
    terminal: TERMINAL_RE.test(text), alnum: /[\p{L}\p{N}]$/u.test(text), arrow: /[|›»→>]$/u.test(text),
    key: text.trim().replace(/\s+/g, " ").toLowerCase(),
  };
}

const TRICKY = [..."aZ09 \t\u00a0\u2009\u3000.,:;/@-–|•·»›→>()cC©\u2117\"“”«»„!?。！？؟।…’]wWomnfiudk٣\uff10漢年月日é"];
const WORDS = ["www.", "http://", "https://", ".com", ".co.uk", ".de", "(c)", "(C)", "...", "12:30", "1999", "3/4/", "1, 2024", "a@b.c", " @x", " | ", " - "];
const ASTRAL = ["😀", "𝐀", "𝟘", "\ud83d", "\ude00"];
const lineArb = fc.array(fc.constantFrom(...TRICKY, ...WORDS, ...ASTRAL), { maxLength: 30 }).map((a) => a.join(""));

function check(raw: string) {
  const text = raw.trim();
  const s = scanLine(text);
  const got = {
    digits: s.digits, punct: s.punct, commas: s.commas, upper: s.upper, sentences: s.sentences,
    quote: s.quote, separator: s.separator, copyright: s.copyright,
    terminal: endsTerminal(text), alnum: endsAlnum(text), arrow: endsArrow(text),
    key: s.collapse ? lineKey(raw) : text.toLowerCase(),
    // Gates: wherever the regex matches, the gate is open.
    url: s.mayUrl || !URL_RE.test(text), at: s.at || !EMAIL_HANDLE_RE.test(text),
    date: s.mayDigit || !(DATE_RE.test(text) || /^\p{Nd}/u.test(text)), time: (s.mayDigit && s.colon) || !TIME_RE.test(text),
  };
  const want = { ...reference(text), url: true, at: true, date: true, time: true };
  // expect() only on a difference: it is slow, and the BMP sweep calls this 130,000 times.
  if (JSON.stringify(got) !== JSON.stringify(want)) expect({ text, ...got }).toEqual({ text, ...want });
}

describe("scanLine agrees with the regexes it replaced", () => {
  it("on lines of tricky pieces", () => {
    fc.assert(fc.property(lineArb, (t) => check(t)), { numRuns: 5000 });
  });
  it("on long lines (counts are summed in chunks of 127 code units)", () => {
    fc.assert(fc.property(lineArb, fc.integer({ min: 2, max: 60 }), (t, k) => check(`${t} `.repeat(k) + "Ab1,.")), { numRuns: 500 });
  });
  it("on arbitrary UTF-16 strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 40 }), (t) => check(t)), { numRuns: 3000 });
  });
  it("on every BMP code unit in the places the features look at", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [`${ch}x ${ch} y.${ch}`, `a ${ch} b${ch}`]) check(t);
    }
  });
});

describe("repetition keys compared on code units compare as lineKey's", () => {
  // Two lines side by side in one array, as a document's are; only pointwise lines are keyed so.
  const check = (a: string, b: string) => {
    const ta = a.trim(), tb = b.trim();
    const c = codesOf(ta + tb);
    const ea = ta.length, eb = c.length;
    if (!pointwiseLower(c, 0, ea) || !pointwiseLower(c, ea, eb)) return;
    const same = sameKeyAt(c, 0, ea, ea, eb);
    if (same !== (lineKey(a) === lineKey(b))) expect({ a, b, same }).toEqual({ a, b, same: !same });
  };
  const spaced = fc.array(fc.constantFrom("a", "A", "É", "é", "ß", "σ", " ", "  ", "\t", "\u00a0", "\u3000", "\u2028", "\ufeff", "x y"), { maxLength: 8 }).map((a) => a.join(""));
  it("on lines of letters and white space of every kind", () => {
    fc.assert(fc.property(spaced, spaced, (a, b) => check(a, b)), { numRuns: 3000 });
    fc.assert(fc.property(spaced, (a) => check(a, a.toUpperCase())), { numRuns: 1000 });
  });
  it("on arbitrary UTF-16 strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 30 }), fc.string({ unit: "binary", maxLength: 30 }), (a, b) => check(a, b)), { numRuns: 3000 });
  });
  it("on every BMP code unit", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      check(`x${ch} ${ch}Y`, `X${ch.toLowerCase()} ${ch.toLowerCase()}y`);
    }
  });
});

describe("date and time shapes match where DATE_RE and TIME_RE do", () => {
  const piece = fc.constantFrom("1", "9", "0", "2", "19", "20", "٣", "０", "𝟘", "\ud835", "/", ".", "-", "年", "月", "日", ":", ",", " ", "a", "Z", "_", "é", "x1");
  const check = (t: string) => {
    const c = codesOf(t);
    const got = { date: hasDateAt(c, 0, c.length), time: hasTimeAt(c, 0, c.length) };
    const want = { date: DATE_RE.test(t), time: TIME_RE.test(t) };
    if (got.date !== want.date || got.time !== want.time) expect({ t, ...got }).toEqual({ t, ...want });
  };
  it("on strings of digits of several scripts, separators and word characters", () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }).map((a) => a.join("")), check), { numRuns: 30000 });
  });
  it("on arbitrary UTF-16 strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 20 }), check), { numRuns: 3000 });
  });
  it("within a line of a larger array (neighbours outside the line are not read)", () => {
    const c = codesOf("1999/12/3 2024");
    expect(hasDateAt(c, 5, 9)).toBe(DATE_RE.test("12/3"));
    expect(hasDateAt(c, 0, 4)).toBe(true);
    expect(hasDateAt(c, 1, 4)).toBe(false);
    expect(hasTimeAt(codesOf("12:30"), 0, 4)).toBe(false);
  });
});
