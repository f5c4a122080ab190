// The blank-line features (src/core/features.ts): a line set apart by blank lines, a line inside a
// run with none, read only in an input that has blank lines at BLANK_SHARE_MIN of its line breaks;
// and clean's text path reads them from the text as it was split (hard-wrapped paragraphs joined).
import { describe, expect, it } from "vitest";
import { clean } from "../../src/core/clean.ts";
import { DENSE_INDEX, DENSE_SIZE, extractFeatures } from "../../src/core/features.ts";
import { segmentText } from "../../src/core/segment.ts";
import { wrapWidth } from "../../src/core/unwrap.ts";
import { defaultModel } from "../../src/model/index.ts";

const PARAGRAPHS = [
  "The harbour council voted on Tuesday to rebuild the sea wall before the winter storms return.",
  "Engineers said the old wall had been patched so often that a new one would cost less to keep.",
  "Work starts in March and the promenade will stay open to walkers for most of the summer.",
];
const LIST = ["Ferry fares rise again", "Library opens on Sundays", "New bus route to the hospital"];
// Three paragraphs set apart, then a list of three with no blank line between its items.
const TEXT = [...PARAGRAPHS.flatMap((p) => [p, ""]), ...LIST].join("\n");

function blankFeatures(text: string, withLayout = true) {
  const segs = segmentText(text);
  const f = extractFeatures(segs.map((s) => s.text), 12, undefined, undefined, withLayout ? segs.map((s) => s.line) : undefined);
  const at = (i: number, name: keyof typeof DENSE_INDEX) => f.denseFlat[i * DENSE_SIZE + DENSE_INDEX[name]];
  return segs.map((_, i) => ({ share: at(i, "doc_blank_share"), apart: at(i, "blank_apart"), none: at(i, "blank_none"), run: Math.round(Math.expm1(at(i, "blank_run_log"))) + 1 }));
}

describe("blank-line features", () => {
  it("mark paragraphs set apart and list items run together", () => {
    const f = blankFeatures(TEXT);
    // 5 line breaks between the 6 lines, 3 of them blank lines.
    expect(f.map((x) => x.share)).toEqual(Array(6).fill(Math.fround(3 / 5)));
    expect(f.map((x) => x.apart)).toEqual([1, 1, 1, 0, 0, 0]);
    // The list's middle item has no blank line on either side; its first has one above, its last the input's end below.
    expect(f.map((x) => x.none)).toEqual([0, 0, 0, 0, 1, 0]);
    expect(f.map((x) => x.run)).toEqual([1, 1, 1, 3, 3, 3]);
  });
  it("are 0 without line numbers, and in an input with too few blank lines to read", () => {
    for (const x of blankFeatures(TEXT, false)) expect([x.share, x.apart, x.none, x.run]).toEqual([0, 0, 0, 1]);
    // One blank line in nine line breaks: under BLANK_SHARE_MIN (0.25).
    const sparse = [...PARAGRAPHS, ...LIST, "Weather: rain later", "", "Letters to the editor", "Contact us"].join("\n");
    for (const x of blankFeatures(sparse)) expect([x.share, x.apart, x.none, x.run]).toEqual([0, 0, 0, 1]);
  });
  it("change what clean's text path reads: the same lines without their blank lines score otherwise", () => {
    const model = defaultModel();
    const raw = (text: string) => clean(text, { explain: true }, model).lines!.map((l) => l.raw.score);
    const withBlanks = raw(TEXT), without = raw(TEXT.replace(/\n\n/g, "\n"));
    expect(withBlanks).toHaveLength(6);
    expect(withBlanks).not.toEqual(without);
  });
  it("are read from hard-wrapped text once its paragraphs are joined: the same as the paragraphs on one line each", () => {
    const model = defaultModel();
    const raw = (text: string) => clean(text, { explain: true }, model).lines!.map((l) => l.raw.score);
    const long = PARAGRAPHS.map((p) => `${p} ${p}`);
    // Each paragraph wrapped at 44 columns: the wrap's breaks are not blank lines, whether the
    // paragraphs are set apart or not.
    const wrap = (p: string) => p.replace(/(.{1,44})(\s+|$)/g, "$1\n").trimEnd();
    for (const apart of [true, false]) {
      const sep = (ps: string[]) => (apart ? ps.flatMap((p) => [p, ""]) : ps);
      // A blank line before the list either way (else a paragraph's last line may run into it).
      const flat = [...sep(long), "", ...LIST].join("\n");
      const wrapped = [...sep(long.map(wrap)), "", ...LIST].join("\n");
      expect(wrapWidth(wrapped)).toBe(44);
      expect(raw(wrapped)).toEqual(raw(flat));
    }
  });
  it("are read from Markdown without its markup-only lines: a table's rule or an image line is not a blank line", () => {
    const model = defaultModel();
    const raw = (text: string) => clean(text, { explain: true, format: "markdown" }, model).lines!.map((l) => l.raw.score);
    const paras = PARAGRAPHS.flatMap((p) => [p, ""]);
    const table = ["| Route | Fare |", "| --- | --- |", "| Harbour to town | £2.40 |", "| Town to hospital | £1.90 |"];
    const withRule = [...paras, ...table, "", ...LIST].join("\n");
    const withoutRule = [...paras, ...table.filter((_, i) => i !== 1), "", ...LIST].join("\n");
    expect(raw(withRule)).toHaveLength(9);
    expect(raw(withRule)).toEqual(raw(withoutRule));
    // An image on its own line between two list items leaves them one run.
    const image = [...paras, LIST[0], "![The new route](https://example.org/bus.png)", LIST[1], LIST[2]].join("\n");
    expect(raw(image)).toEqual(raw([...paras, ...LIST].join("\n")));
    // A blank line the writer left still counts.
    expect(raw([...paras, LIST[0], "", LIST[1], LIST[2]].join("\n"))).not.toEqual(raw([...paras, ...LIST].join("\n")));
  });
});
