// The fast engine's second context stage (src/core/html-stage2.ts): its features on a hand-made
// page, and the loader's check of a model file's stage.
import { describe, expect, it } from "vitest";
import { loadHtmlModel, type HtmlModelFile } from "../../src/core/html-model.ts";
import { ModelError } from "../../src/core/model.ts";
import { STAGE2_FEATURES, STAGE2_SIZE, stage2Matrix } from "../../src/core/html-stage2.ts";
import type { Forest } from "../../src/core/trees.ts";
import fastFile from "../../src/model/html-fast-model.json" with { type: "json" };

// Six blocks: a nav line, a run of three body paragraphs, a gap, a comment.
const P = [0.1, 0.9, 0.8, 0.7, 0.2, 0.6];
const WORDS = [2, 40, 30, 20, 5, 10];
// Elements: 0 body > 1 nav, 2 article > 3,4,5 (p), 6 footer > 7 (div) > 8 (p).
const REGION = { parent: Int32Array.from([-1, 0, 0, 2, 2, 2, 0, 6, 7]), blockEl: Int32Array.from([1, 3, 4, 5, 6, 8]) };

function rows() {
  const m = stage2Matrix(P, P, WORDS, REGION);
  const at = (i: number, name: (typeof STAGE2_FEATURES)[number]) => m[i * STAGE2_SIZE + STAGE2_FEATURES.indexOf(name)];
  return at;
}

describe("second context stage", () => {
  it("reads neighbours, windows and the page's edges", () => {
    const at = rows();
    expect(at(2, "p_prev1")).toBeCloseTo(0.9, 6);
    expect(at(2, "p_next2")).toBeCloseTo(0.2, 6);
    expect(at(0, "p_prev1")).toBe(-1);
    expect(at(5, "p_next1")).toBe(-1);
    expect(at(2, "mean_3")).toBeCloseTo((0.9 + 0.8 + 0.7) / 3, 6);
    expect(at(2, "wmean_3")).toBeCloseTo((40 * 0.9 + 30 * 0.8 + 20 * 0.7) / 90, 6);
    expect(at(2, "min_7")).toBeCloseTo(0.1, 6);
    expect(at(0, "max_3")).toBeCloseTo(0.9, 6);
  });

  it("measures the run of likely body a block sits in and the gaps around it", () => {
    const at = rows();
    expect(at(2, "run_blocks")).toBe(3);
    expect(at(2, "run_words_log")).toBeCloseTo(Math.log1p(90), 5);
    const mass = P.reduce((s, p, i) => s + p * WORDS[i], 0);
    expect(at(1, "run_mass_share")).toBeCloseTo((36 + 24 + 14) / mass, 5);
    expect(at(4, "run_blocks")).toBe(0);
    // The comment: 2 blocks after the run's end, 5 words between; nothing likely body after it.
    expect(at(5, "gap_before")).toBe(2);
    expect(at(5, "gap_words_before")).toBeCloseTo(Math.log1p(5), 5);
    expect(at(5, "gap_after")).toBe(50);
    expect(at(0, "gap_after")).toBe(1);
    expect(at(0, "gap_before")).toBe(50);
  });

  it("averages the other blocks under the parent and grandparent elements", () => {
    const at = rows();
    // Block 2's parent is the article (blocks 1-3 under it), less itself.
    expect(at(2, "parent_wmean")).toBeCloseTo((40 * 0.9 + 20 * 0.7) / 60, 5);
    expect(at(2, "same_parent_prev")).toBe(1);
    expect(at(3, "same_parent_next")).toBe(0);
    // The comment's parent (the div) holds no other block: none; its grandparent (the footer) holds the footer line.
    expect(at(5, "parent_wmean")).toBe(-1);
    expect(at(5, "parent_words_log")).toBe(0);
    expect(at(5, "grand_wmean")).toBeCloseTo(0.2, 6);
  });

  it("reads the page as every block's parent without an element table", () => {
    const m = stage2Matrix(P, P, WORDS, undefined);
    const mass = P.reduce((s, p, i) => s + p * WORDS[i], 0), words = WORDS.reduce((s, w) => s + w, 0);
    expect(m[STAGE2_FEATURES.indexOf("parent_wmean")]).toBeCloseTo((mass - 0.2) / (words - 2), 5);
  });

  it("loads a model file with the stage and refuses one whose features differ", () => {
    const file = fastFile as unknown as HtmlModelFile;
    const stage2: Forest = { features: [...STAGE2_FEATURES], base: 0, trees: [{ f: [0], t: [0.5], l: [-1], r: [-2], v: [-1, 1] }] };
    expect(loadHtmlModel({ ...file, stage2 }).stage2).toBeDefined();
    const renamed = { ...file, stage2: { ...stage2, features: stage2.features.map((n, i) => (i === 1 ? "renamed" : n)) } };
    expect(() => loadHtmlModel(renamed)).toThrow(ModelError);
  });
});
