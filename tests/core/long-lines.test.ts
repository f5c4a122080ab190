// Lines longer than the model learned from are read as their sentences (src/core/long-lines.ts):
// a page run into one line (white space collapsed by the scraper) lost its whole body.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clean } from "../../src/core/clean.ts";
import { linePieces, LONG_LINE_CHARS, splitLongLines } from "../../src/core/long-lines.ts";
import type { Model } from "../../src/core/model.ts";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import { scoreDoc } from "../../src/eval/score.ts";
import { defaultModel } from "../../src/model/index.ts";
import { listSamples, readSample } from "../../src/train/dataset.ts";

const dir = path.join(REPO_ROOT, "samples");
const samples = listSamples(dir).map((name) => readSample(dir, name));
const model = defaultModel();
const words = (t: string) => t.split(/\s+/).filter(Boolean);
const bodyOf = (s: (typeof samples)[number]) => s.input.split("\n").filter((_, i) => s.labels[i] === "B");
// The sample whose body, run into one line, is longest: over the limit.
const longest = samples.reduce((a, b) => (bodyOf(b).join(" ").length > bodyOf(a).join(" ").length ? b : a));

describe("linePieces", () => {
  it("cuts at sentence ends, not at abbreviations, decimals or a full stop before lower case", () => {
    const line = "The study was led by Dr. Smith at 3.5 p.m. on Monday. It found e.g. the effect was small! Was it real? “Yes,” she said. Another sentence follows here.";
    expect(linePieces(line)).toEqual([
      "The study was led by Dr. Smith at 3.5 p.m. on Monday.",
      "It found e.g. the effect was small!",
      "Was it real? “Yes,” she said.",
      "Another sentence follows here.",
    ]);
  });

  it("keeps a closing quote or bracket with its sentence, and cuts Chinese at its full stops", () => {
    expect(linePieces("He said “it is over.” Then he left the room quietly.")).toEqual(["He said “it is over.”", "Then he left the room quietly."]);
    expect(linePieces("今天天气很好，我们去公园散步了。然后我们在湖边吃了午饭，大家都很开心。")).toEqual(["今天天气很好，我们去公园散步了。", "然后我们在湖边吃了午饭，大家都很开心。"]);
  });

  it("leaves a run with no sentence end (a menu, a list of places) whole, however long", () => {
    const menu = Array.from({ length: 600 }, (_, i) => `Item${i}`).join(" ");
    expect(linePieces(`${menu} The article starts here. It goes on for a while.`)).toEqual([`${menu} The article starts here.`, "It goes on for a while."]);
    const unspaced = "字".repeat(4000);
    expect(linePieces(unspaced)).toEqual([unspaced]);
  });

  it("loses no word of a sample run into one line", () => {
    for (const s of samples) {
      const one = s.input.split("\n").join(" ");
      expect(words(linePieces(one).join(" ")), s.name).toEqual(words(one));
    }
  });
});

describe("splitLongLines", () => {
  it("gives each piece as sent: a line's pieces run together are the line, spaces, tabs and all, and none added between CJK sentences", () => {
    const ja = "今日は天気がとても良かったので、私たちは公園まで散歩に行きました。".repeat(60);
    const en = bodyOf(longest).join("  \t ");
    for (const line of [ja, en, `  ${en}  `]) {
      const out = splitLongLines(line)!;
      expect(out.sent.length).toBeGreaterThan(3);
      expect(out.sent.join("")).toBe(line);
      expect(out.text.split("\n")).toEqual(out.sent.map((s) => s.trim()));
    }
  });

  it("leaves text without a long line alone (every sample)", () => {
    for (const s of samples) expect(splitLongLines(s.input), s.name).toBeNull();
  });

  it("breaks only the long lines, each piece numbered with its line, blank lines kept", () => {
    const long = bodyOf(longest).join(" ");
    expect(long.length).toBeGreaterThan(LONG_LINE_CHARS);
    const text = ["Menu", "", long, "Footer"].join("\n");
    const out = splitLongLines(text)!;
    const lines = out.text.split("\n");
    expect(lines.slice(0, 2)).toEqual(["Menu", ""]);
    expect(lines[lines.length - 1]).toBe("Footer");
    expect(out.line[0]).toBe(0);
    expect(out.line[lines.length - 1]).toBe(3);
    const pieces = lines.filter((_, k) => out.line[k] === 2);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.every((_, k) => out.piece[k + 2] === 1)).toBe(true);
    expect(out.piece[0] + out.piece[lines.length - 1]).toBe(0);
    expect(words(pieces.join(" "))).toEqual(words(long));
  });
});

describe("clean on long lines", () => {
  it("a sample run into one line keeps its body (all of it was removed before)", () => {
    for (const s of samples) {
      const one = s.input.split("\n").filter((l) => l.trim()).join(" ");
      const r = clean(one, {}, model);
      expect(scoreDoc(bodyOf(s).join("\n"), r.text).r, s.name).toBeGreaterThanOrEqual(0.85);
    }
  });

  it("returns a long body line kept whole as it was sent, on one line", () => {
    const s = longest;
    const lines = s.input.split("\n");
    const at = lines.findIndex((_, i) => s.labels[i] === "B");
    // Two spaces, or a tab, between its sentences: they come back as sent.
    const long = bodyOf(s).map((p, i) => (i % 2 ? `${p}\t` : `${p}  `)).join("");
    const input = [...lines.slice(0, at), long, ...lines.slice(at).filter((_, i) => s.labels[at + i] !== "B")].join("\n");
    const r = clean(input, { explain: true }, model);
    expect(r.text.split("\n")).toContain(long);
    // Each piece is explained on its own, under the line's number.
    expect(r.lines!.filter((l) => l.line === at).length).toBeGreaterThan(3);
  });

  it("removes the second copy of an article that a page run into one line holds twice", () => {
    const s = longest;
    const body = bodyOf(s).join(" ");
    const once = clean(`Home News Sport ${body} Share this article`, {}, model);
    const twice = clean(`Home News Sport ${body} Mobile version ${body} Share this article`, {}, model);
    expect(twice.removed.filter((x) => x.reason.startsWith("a second copy")).length).toBeGreaterThan(3);
    expect(words(twice.text).length).toBeLessThan(1.2 * words(once.text).length);
  });

  it("keeps long lines that share most of their sentences (terms repeated per region), not as second copies", () => {
    const s = longest;
    const regions = ["United States", "Canada", "United Kingdom"];
    const paragraphs = bodyOf(s);
    const half = Math.ceil(paragraphs.length / 2);
    // Each region's line: the same sentences, with one of its own in the middle.
    const lines = regions.map((r) => `${paragraphs.slice(0, half).join(" ")} Prices for ${r} are shown in its own currency at checkout. ${paragraphs.slice(half).join(" ")}`);
    const top = s.input.split("\n").slice(0, s.labels.indexOf("B"));
    expect(lines.every((l) => l.length > LONG_LINE_CHARS)).toBe(true);
    const r = clean([...top, ...lines].join("\n"), {}, model);
    for (const region of regions) expect(r.text, region).toContain(`Prices for ${region} are shown`);
    expect(r.removed.filter((x) => x.reason.startsWith("a second copy")).length).toBe(0);
  });
});

describe("the model's part for a text read as sentences", () => {
  // The bundled model without it: the main context pass, thresholds and confidence.
  const plain: Model = { ...model, pieces: undefined };

  it("the model file carries one: a context pass, thresholds and a confidence of the main ones' shapes", () => {
    expect(model.pieces?.confidence.length).toBe(model.confidence.length);
    expect(model.file.pieces?.context.features).toEqual(model.file.context.features);
    expect(model.pieces!.thresholds.recall).toBeLessThanOrEqual(model.pieces!.thresholds.balanced);
  });

  it("reads a page run into one line, better than the main parts; not the same words a line each, nor one long paragraph among lines", () => {
    let withPart = 0, without = 0;
    for (const s of samples) {
      const one = s.input.split("\n").filter((l) => l.trim()).join(" ");
      const gold = bodyOf(s).join("\n");
      withPart += scoreDoc(gold, clean(one, {}, model).text).f1;
      without += scoreDoc(gold, clean(one, {}, plain).text).f1;
      expect(clean(s.input, {}, model)).toEqual(clean(s.input, {}, plain));
    }
    // Mean F1 over the five samples run into one line: 0.89 with the part, 0.76 without.
    expect(withPart / samples.length).toBeGreaterThan(without / samples.length + 0.05);
    // One long paragraph among a page's lines: under half the characters in pieces.
    const s = longest;
    const lines = s.input.split("\n");
    const at = lines.findIndex((_, i) => s.labels[i] === "B");
    const filler = Array.from({ length: 40 }, (_, i) => `Related story number ${i} about something else entirely on the site`);
    const input = [...lines.slice(0, at), bodyOf(s).join(" "), ...filler, ...filler.map((f) => `${f} again`), ...filler.map((f) => `${f} once more`)].join("\n");
    expect(clean(input, {}, model)).toEqual(clean(input, {}, plain));
  });
});
