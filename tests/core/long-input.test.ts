// Documents longer than any the model learned from are read in parts (src/core/long-input.ts): a
// 15,000-word article kept about 30 % of its paragraphs, the rest removed as "after the article".
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clean } from "../../src/core/clean.ts";
import { LONG_BODY_WORDS, longParts } from "../../src/core/long-input.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { jsdomImpl } from "../../src/dom/node.ts";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import { cleanHtml } from "../../src/html/clean-page.ts";
import { defaultFastHtmlModel, defaultHtmlModel, defaultModel } from "../../src/model/index.ts";
import { listSamples, readSample } from "../../src/train/dataset.ts";

const dir = path.join(REPO_ROOT, "samples");
const samples = listSamples(dir).map((name) => readSample(dir, name));
const paragraphs = samples.flatMap((s) => s.input.split("\n").filter((_, i) => s.labels[i] === "B"));
// Sample 000's lines above its body (menus, the headline) head the long article.
const first = samples[0].input.split("\n");
const head = first.slice(0, first.findIndex((_, i) => samples[0].labels[i] === "B"));
// The samples' body paragraphs, twelve times over, each time worded a little differently (so no
// paragraph is a second copy of another): 468 paragraphs, ~15,000 words.
const ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth"];
const body = ORDINALS.flatMap((o) => paragraphs.map((p) => `${o}, ${p[0].toLowerCase()}${p.slice(1)}`));
const model = defaultModel();

describe("a document longer than the corpus's longest", () => {
  it("is long enough to be read in parts", () => {
    expect(body.join(" ").split(/\s+/).length).toBeGreaterThan(LONG_BODY_WORDS);
  });

  it("text: keeps its paragraphs to the end (98 % or more; 31 % before)", () => {
    const r = clean([...head, ...body].join("\n"), {}, model);
    const kept = new Set(r.text.split("\n"));
    expect(body.filter((b) => kept.has(b)).length).toBeGreaterThanOrEqual(Math.ceil(0.98 * body.length));
    // The last hundred paragraphs too: the loss was at the end.
    expect(body.slice(-100).filter((b) => kept.has(b)).length).toBeGreaterThanOrEqual(98);
  });

  it("HTML (fast engine): keeps them too (its HTML pass, which reads the blocks' elements, kept them before as well)", () => {
    const html = `<html><body><nav>${head.map((h) => `<a href="/">${h}</a>`).join("")}</nav><article>${body.map((b) => `<p>${b}</p>`).join("")}</article></body></html>`;
    const r = cleanHtml(html, resolveOptions({ htmlEngine: "fast" }), { dom: jsdomImpl, model, htmlModel: defaultHtmlModel(), fastHtmlModel: defaultFastHtmlModel() });
    const kept = new Set(r.text.split("\n"));
    expect(body.filter((b) => kept.has(b)).length).toBeGreaterThanOrEqual(Math.ceil(0.98 * body.length));
  });

  it("parts: none below the bound; above it, consecutive parts covering every line", () => {
    const n = 1000;
    const p1 = new Float64Array(n).fill(0.9);
    expect(longParts(p1, new Int32Array(n).fill(10))).toBeNull();
    const parts = longParts(p1, new Int32Array(n).fill(40))!;
    expect(parts.length).toBe(Math.ceil((40 * n) / 6000));
    expect(parts[0][0]).toBe(0);
    expect(parts[parts.length - 1][1]).toBe(n);
    for (let k = 1; k < parts.length; k++) expect(parts[k][0]).toBe(parts[k - 1][1]);
    // All the words on one line: it cannot be split there.
    expect(longParts(Float64Array.of(0.9), Int32Array.of(50_000))).toBeNull();
  });
});
