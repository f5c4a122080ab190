// When the HTML pass keeps next to nothing of a page on which the text model's own reading of the
// blocks keeps text, the text model decides (src/core/clean-html.ts, FALLBACK_MIN_WORDS): the
// answer is never empty for want of the HTML pass having seen such a page. Run on a real page read
// by the fast engine, with the HTML pass's probabilities replaced to keep nothing.
import { describe, expect, it } from "vitest";
import { assembleBlocks, scoreBlocks } from "../../src/core/clean-html.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { streamedBlocks } from "../../src/html/clean-page.ts";
import { defaultFastHtmlModel, defaultModel } from "../../src/model/index.ts";
import page from "./fixtures/article.html?raw";

const PARAGRAPHS = ["Work began on Monday to rebuild the stretch of sea wall", "The old wall, built in the 1950s"];

describe("the text model decides when the HTML pass keeps next to nothing", () => {
  const model = defaultModel(), htmlModel = defaultFastHtmlModel();
  const opts = resolveOptions({ htmlEngine: "fast", explain: true });
  const input = { ...streamedBlocks(page, "https://courier.example/a"), inputChars: page.length };
  const scored = scoreBlocks(input, model, htmlModel);
  const nothing = new Float64Array(scored.p.length);

  it("keeps the article by the text model's reading, says so in html.path, with the text model's threshold and scores", () => {
    const normal = assembleBlocks(input, scored, opts, model, htmlModel);
    expect(normal.html?.path).toBe("region");
    const r = assembleBlocks(input, { ...scored, p: nothing, pBlock: nothing }, opts, model, htmlModel);
    expect(r.html?.path).toBe("text");
    for (const p of PARAGRAPHS) expect(r.text).toContain(p);
    for (const l of r.lines!) {
      const i = input.blocks.findIndex((b) => b.text === l.text);
      expect(l.score).toBeCloseTo(scored.a.p2[i], 4);
      expect(l.raw.score).toBeCloseTo(scored.a.p1[i], 4);
      if (l.label === "body") expect(scored.a.p2[i]).toBeGreaterThanOrEqual(model.file.thresholds.balanced);
    }
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThan(1);
  });

  it("does not when the text model keeps nothing either", () => {
    const none = { ...scored, p: nothing, pBlock: nothing, a: { ...scored.a, p2: nothing } };
    const r = assembleBlocks(input, none, opts, model, htmlModel);
    expect(r.html?.path).toBe("region");
    expect(r.text).toBe("");
  });
});
