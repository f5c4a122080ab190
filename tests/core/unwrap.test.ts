// Hard-wrapped text (src/core/unwrap.ts): the width recognised, paragraphs read whole, the lines
// returned as sent.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clean } from "../../src/core/clean.ts";
import { unwrapLines, wrapWidth } from "../../src/core/unwrap.ts";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import { defaultModel } from "../../src/model/index.ts";
import { listSamples, readSample } from "../../src/train/dataset.ts";

const dir = path.join(REPO_ROOT, "samples");

/** `line` broken at `width` as a text dumper does: at the last space that keeps it within. */
function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const w of line.split(/\s+/).filter(Boolean)) {
    if (cur && cur.length + 1 + w.length > width) { out.push(cur); cur = w; } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) out.push(cur);
  return out;
}
// Paragraphs apart, as text dumpers write them (lynx, w3m, html2text). Without the blank lines a
// paragraph whose last line ends within a word of the width runs into the next one (unwrap.ts).
const wrapText = (text: string, width: number) => text.split("\n").filter((l) => l.trim()).map((l) => wrap(l, width).join("\n")).join("\n\n");
const words = (t: string) => t.split(/\s+/).filter(Boolean);

describe("wrapWidth", () => {
  it("finds the width of every sample wrapped at 60, 72 and 80 columns, and takes no sample as it is for wrapped", () => {
    for (const name of listSamples(dir)) {
      const input = readSample(dir, name).input;
      expect(wrapWidth(input), name).toBe(0);
      for (const width of [60, 72, 80]) {
        const got = wrapWidth(wrapText(input, width));
        expect(got, `${name} at ${width}`).toBeGreaterThan(width - 10);
        expect(got).toBeLessThanOrEqual(width);
      }
    }
  });

  it("finds the same width whichever line break the text uses (\\n, \\r\\n, or \\r alone as old Mac files have it)", () => {
    for (const name of listSamples(dir)) {
      const wrapped = wrapText(readSample(dir, name).input, 72);
      const width = wrapWidth(wrapped);
      expect(width, name).toBeGreaterThan(0);
      expect(wrapWidth(wrapped.replace(/\n/g, "\r\n")), `${name} CRLF`).toBe(width);
      expect(wrapWidth(wrapped.replace(/\n/g, "\r")), `${name} CR`).toBe(width);
    }
  });

  it("finds the width under lynx's list of references (numbered URLs, many longer than the width)", () => {
    for (const name of listSamples(dir)) {
      const wrapped = wrapText(readSample(dir, name).input, 72);
      const refs = Array.from({ length: 60 }, (_, i) => `  ${i + 1}. https://www.example.com/${"section/".repeat(1 + (i % 4))}story-${i}-${"a-rather-long-slug-".repeat(4 + (i % 9))}`);
      expect(wrapWidth(`${wrapped}\n\nReferences\n\n${refs.join("\n")}`), name).toBe(wrapWidth(wrapped));
    }
  });

  it("does not take a menu whose items end near one length for wrapped", () => {
    const menu = Array.from({ length: 40 }, (_, i) => `Section ${i} Latest News And Analysis From Our Reporters ${"x".repeat(i % 5)}`).join("\n");
    expect(wrapWidth(menu)).toBe(0);
  });
});

describe("unwrapLines", () => {
  it("joins a line to the one above only when the break was forced by the width", () => {
    const text = ["The council voted on Tuesday to keep the", "library open after residents said so.", "", "Short line.", "Next paragraph starts here and", "- a list item that is not joined", "Tail"].join("\n");
    const u = unwrapLines(text, 40);
    expect(u.text.split("\n")).toEqual(["The council voted on Tuesday to keep the library open after residents said so.", "", "Short line.", "Next paragraph starts here and", "- a list item that is not joined", "Tail"]);
    expect(Array.from(u.first)).toEqual([0, 2, 3, 4, 5, 6]);
    expect(Array.from(u.last)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("clean() on hard-wrapped text", () => {
  it("decides each paragraph as on the unwrapped sample, and returns the body's lines as sent", () => {
    const model = defaultModel();
    for (const name of listSamples(dir)) {
      const input = readSample(dir, name).input;
      const wrapped = wrapText(input, 72);
      // wrapText sets every paragraph apart with a blank line, which the features read: the same
      // paragraphs, one a line and set apart alike, are what the unwrapped text must decide as.
      const plain = clean(input.split("\n").filter((l) => l.trim()).join("\n\n"), {}, model);
      const r = clean(wrapped, { explain: true }, model);
      expect(words(r.text), name).toEqual(words(plain.text));
      expect(r.title).toBe(plain.title);
      // Every body line is a line of the input as sent; a segment spans the lines of its paragraph.
      const sent = wrapped.split("\n");
      for (const l of r.text.split("\n")) expect(sent).toContain(l);
      expect(r.stats.lines).toBe(plain.stats.lines);
      for (const l of r.lines!) expect(l.text.split("\n")[0]).toBe(sent[l.line]);
    }
  });

  it("unwraps text whose lines break on \\r alone as it unwraps the same text with \\n", () => {
    const model = defaultModel();
    for (const name of listSamples(dir)) {
      const wrapped = wrapText(readSample(dir, name).input, 72);
      const lf = clean(wrapped, {}, model), cr = clean(wrapped.replace(/\n/g, "\r"), {}, model);
      expect(words(cr.text), name).toEqual(words(lf.text));
      expect(cr.stats.lines, name).toBe(lf.stats.lines);
    }
  });

  it("format \"text\" reads the lines as they are: the same sample loses body text", () => {
    const model = defaultModel();
    const lost = listSamples(dir).map((name) => {
      const input = readSample(dir, name).input;
      return words(clean(input, {}, model).text).length - words(clean(wrapText(input, 72), { format: "text" }, model).text).length;
    });
    expect(clean(wrapText(readSample(dir, listSamples(dir)[0]).input, 72), { format: "text" }, model).stats.lines).toBeGreaterThan(clean(readSample(dir, listSamples(dir)[0]).input, {}, model).stats.lines);
    expect(lost.some((n) => n !== 0)).toBe(true);
  });
});
