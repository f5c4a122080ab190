// The streaming segmenter reads "<![CDATA[" as a browser reads it in HTML content, as if written
// "<?[CDATA[" (a bogus comment to the next ">"). It rewrites a page only when a first reading came
// upon it where that changes what is read; so a page must read the same as the rewritten page,
// wherever "<![CDATA[" sits: body text, scripts (JSON-LD or not), <title>, <xmp>, attributes,
// tag names, comments.
import { describe, expect, it } from "vitest";
import { streamPage } from "../../src/html/stream-blocks.ts";

const C = "<![CDATA[";
const PLACES = [
  (x: string) => `<p>Before ${x} after ]]> the rest of a paragraph.</p>`,
  (x: string) => `<script>var a = "${x}"; // ]]></script>`,
  (x: string) => `<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H ${x} ]]>"}</script>`,
  (x: string) => `<title>T ${x} x</title>`,
  (x: string) => `<xmp>kept ${x} as text</xmp>`,
  (x: string) => `<div class="c ${x} d" id="i"><p>In a div with classes.</p></div>`,
  (x: string) => `<meta name="description" content="M ${x}">`,
  (x: string) => `<q${x}>odd tag</q${x}>`,
  (x: string) => `<!-- ${x} -->`,
  (x: string) => `<svg><title>${x}</title></svg>`,
  () => `<p>A plain paragraph of words.</p>`,
];
let seed = 5;
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;

describe("CDATA read as in HTML content", () => {
  it("a page reads as the page rewritten (1,000 random pages)", () => {
    let rewritten = 0;
    for (let k = 0; k < 1000; k++) {
      const parts = Array.from({ length: 1 + rand(5) }, () => PLACES[rand(PLACES.length)](rand(3) ? C : "plain"));
      const html = `<html><head></head><body>${parts.join("\n")}</body></html>`;
      const fixed = html.replaceAll(C, "<?[CDATA[");
      if (fixed !== html) rewritten++;
      expect(streamPage(html), html).toEqual(streamPage(fixed));
    }
    expect(rewritten).toBeGreaterThan(500);
  });
});
