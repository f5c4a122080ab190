// A page that carries its article twice: the body keeps the first copy, and each line of the
// second is removed naming the line it repeats; a single repeated paragraph is left alone.
import { describe, expect, it } from "vitest";
import { clean } from "../../src/core/clean.ts";
import { repeatedRuns } from "../../src/core/repeats.ts";
import { defaultModel } from "../../src/model/index.ts";

const para = (k: number) =>
  `Paragraph ${k} of the report explains how the council weighed the cost of the new bridge against the repairs it would save over the next decade.`;
const words = (t: string) => t.split(/\s+/).length;

describe("repeatedRuns", () => {
  it("marks the lines of a second copy of three or more long lines, short lines inside it too", () => {
    const texts = [para(1), "A heading", para(2), para(3), "Share", para(1), "A heading", para(2), para(3)];
    const keep = texts.map(() => true);
    const out = repeatedRuns(texts, keep, texts.map(words));
    expect(Array.from(out)).toEqual([-1, -1, -1, -1, -1, 0, 1, 2, 3]);
  });

  it("gives the same with `repeated` (which lines share their key) as without", () => {
    const texts = [para(1), "A heading", para(2), para(3), "Share", para(1), "A heading", para(2), para(3), para(4), "Once"];
    const keep = texts.map(() => true);
    const key = (t: string) => t.toLowerCase();
    const repeated = (i: number) => texts.some((t, j) => j !== i && key(t) === key(texts[i]));
    const out = Array.from(repeatedRuns(texts, keep, texts.map(words), repeated));
    expect(out).toEqual([-1, -1, -1, -1, -1, 0, 1, 2, 3, -1, -1]);
    expect(out).toEqual(Array.from(repeatedRuns(texts, keep, texts.map(words))));
  });

  it("leaves an isolated repeat and a run of two alone", () => {
    const texts = [para(1), para(2), para(3), para(4), para(2), para(5), para(3), para(4), para(6)];
    const out = repeatedRuns(texts, texts.map(() => true), texts.map(words));
    expect(Array.from(out).every((x) => x === -1)).toBe(true);
  });

  it("compares kept lines only, ignores case and spacing, and a removed line does not break a run", () => {
    const texts = [para(1), para(2), para(3), "menu", para(1).toUpperCase(), "  " + para(2).replace(/ /g, "  "), para(3)];
    const keep = [true, true, true, false, true, true, true];
    expect(Array.from(repeatedRuns(texts, keep, texts.map(words)))).toEqual([-1, -1, -1, -1, 0, 1, 2]);
    keep[0] = false;
    expect(Array.from(repeatedRuns(texts, keep, texts.map(words))).every((x) => x === -1)).toBe(true);
  });
});

describe("clean with a repeated article", () => {
  const article = [
    "The city council voted on Tuesday to fund a new pedestrian bridge across the river, ending a debate that has run for more than ten years.",
    "Supporters said the bridge would connect the two halves of the old town and bring shoppers back to the market streets on the north bank.",
    "Opponents argued that the money would be better spent on repairing the existing crossings, several of which have been closed for safety checks.",
    "Construction is expected to begin next spring and to take about two years, according to the engineers who drew up the plans for the council.",
  ];
  it("keeps the first copy and removes the second with a reason naming the repeated line", () => {
    const text = [...article, ...article].join("\n");
    const res = clean(text, { explain: true }, defaultModel());
    for (const p of article) expect(res.text.split(p).length - 1).toBe(1);
    const second = res.lines!.slice(article.length);
    for (const [k, l] of second.entries()) {
      expect(l.label).toBe("boilerplate");
      expect(l.category).toBe("other");
      expect(l.reason).toContain(`repeats line ${k}`);
    }
  });
});
