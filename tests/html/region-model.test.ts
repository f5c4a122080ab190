// The fast engine's learned region scorer (src/core/region-model.ts): shipped in the fast model only,
// checked on load, and reading the HTML a learned Readability reads: the same prose scores lower as
// a link-only item of a "related" rail than as a paragraph.
import { describe, expect, it } from "vitest";
import { extractHtmlFeatures, LANDMARKS, type BlockSignals } from "../../src/core/html-features.ts";
import { loadHtmlModel, type HtmlModelFile } from "../../src/core/html-model.ts";
import { ModelError } from "../../src/core/model.ts";
import { regionProbabilities } from "../../src/core/region-model.ts";
import { defaultFastHtmlModel, defaultHtmlModel } from "../../src/model/index.ts";
import fastFile from "../../src/model/html-fast-model.json" with { type: "json" };

const TEXT = "The council voted on Tuesday to extend the harbour's opening hours through the summer season.";

function block(over: Partial<BlockSignals>): BlockSignals {
  return { tag: "p", heading: 0, linkChars: 0, textChars: TEXT.length, flags: 0, classTokens: [], inArticle: false, ...over };
}

describe("region scorer", () => {
  it("is in the fast engine's model and not in the Readability engine's", () => {
    expect(defaultFastHtmlModel().region).toBeDefined();
    expect(defaultHtmlModel().region).toBeUndefined();
  });

  it("scores a rail's link-only item below the same prose in a paragraph", () => {
    const m = defaultFastHtmlModel();
    const blocks = [
      block({}),
      block({ tag: "li", linkChars: TEXT.length, flags: (1 << LANDMARKS.indexOf("aside")) | (1 << LANDMARKS.indexOf("list")), classTokens: ["related", "sidebar"] }),
    ];
    const f = extractHtmlFeatures(blocks, [0.8, 0.8], [0.8, 0.8], [NaN, NaN], [15, 15], false, m.hashBits);
    const [paragraph, rail] = regionProbabilities(m.region!, f);
    expect(paragraph).toBeGreaterThan(rail);
    expect(paragraph).toBeGreaterThan(0.5);
  });

  it("refuses a region scorer whose features or table do not match the code's", () => {
    const file = fastFile as unknown as HtmlModelFile;
    const renamed = { ...file, region: { ...file.region!, features: file.region!.features.map((n, i) => (i === 1 ? "renamed" : n)) } };
    expect(() => loadHtmlModel(renamed)).toThrow(ModelError);
    const short = { ...file, region: { ...file.region!, hashed: { ...file.region!.hashed, int8: "AAAA" } } };
    expect(() => loadHtmlModel(short)).toThrow(/region hashed table/);
  });
});
