// The class/id tokens a block carries (hashed and learned like words by the HTML pass): the runs
// of letters and digits of the lower-cased class and id, 2 to 24 long, not all digits, each once,
// the element's own before those of the elements around it. Both segmenters read them alike.
import { describe, expect, it } from "vitest";
import { jsdomImpl } from "../../src/dom/jsdom.ts";
import { extractBlocks } from "../../src/html/blocks.ts";
import { streamPage } from "../../src/html/stream-blocks.ts";

const HTML = `<html><body><main class="site-Main">
  <div class="Post-Body col-12 x 2024 très-long post ${"a".repeat(25)} b${"c".repeat(23)}" id="Story42_post">
    <p>The paragraph's own words, long enough to be a block of the page.</p>
  </div>
  <p>Outside the post, inside main only.</p>
</main></body></html>`;

const EXPECTED = [
  ["post", "body", "col", "tr", "long", `b${"c".repeat(23)}`, "story42", "site", "main"],
  ["site", "main"],
];

describe("class and id tokens", () => {
  it("the streaming segmenter", () => {
    expect(streamPage(HTML).blocks.map((b) => b.classTokens)).toEqual(EXPECTED);
  });

  it("the DOM walker (jsdom)", () => {
    const p = jsdomImpl.parse(HTML, "https://example.test/");
    try {
      expect(extractBlocks(p.document.body).map((b) => b.classTokens)).toEqual(EXPECTED);
    } finally {
      p.dispose();
    }
  });
});
