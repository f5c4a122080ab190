// Every feature list names each column once: a model's weights are matched to columns by these
// names (and by index through maps built from them), so a repeated name would make two features
// write into one column and leave another always zero.
import { describe, expect, it } from "vitest";
import { CONFIDENCE_FEATURES } from "../../src/core/confidence.ts";
import { CONTEXT_FEATURES, TEXT_CONTEXT_FEATURES } from "../../src/core/context.ts";
import { DENSE_FEATURES } from "../../src/core/features.ts";
import { HTML_CONTEXT_FEATURES, HTML_FEATURES, HTML_INDEX } from "../../src/core/html-features.ts";
import { REGION_FEATURES } from "../../src/core/region-model.ts";
import { TITLE_FEATURES } from "../../src/core/title.ts";

const lists: Record<string, readonly string[]> = {
  CONFIDENCE_FEATURES, CONTEXT_FEATURES, TEXT_CONTEXT_FEATURES, DENSE_FEATURES, HTML_FEATURES,
  HTML_CONTEXT_FEATURES, REGION_FEATURES, TITLE_FEATURES,
};

const repeated = (names: readonly string[]) => names.filter((n, i) => names.indexOf(n) !== i);

describe("feature lists", () => {
  for (const [name, names] of Object.entries(lists)) {
    it(`${name} names each feature once`, () => {
      expect(names.length).toBeGreaterThan(0);
      expect(repeated(names)).toEqual([]);
    });
  }

  it("HTML_INDEX gives every HTML feature its own column", () => {
    expect(HTML_FEATURES.map((n) => HTML_INDEX[n])).toEqual(HTML_FEATURES.map((_, i) => i));
  });
});
