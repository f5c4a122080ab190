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

// The definition above, written the plain way, to check the segmenters' scanner against.
function reference(cls: string, id: string, inherited: string[]): string[] {
  const own: string[] = [];
  for (const raw of `${cls} ${id}`.toLowerCase().split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || raw.length > 24 || /^\d+$/.test(raw)) continue;
    if (!own.includes(raw)) own.push(raw);
  }
  return own.length ? own.concat(inherited).slice(0, 12) : inherited;
}

describe("class and id tokens, any class list", () => {
  it("ASCII or not, as the definition reads them (2,000 random lists)", () => {
    // Letters of both cases, digits, separators, and letters that lower-case into ASCII (the Kelvin
    // sign, the dotted capital I) or are not ASCII at all.
    const alphabet = ["a", "b", "Q", "Z", "7", "0", "-", "_", " ", ".", "\u212a", "\u0130", "é"];
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const word = () => Array.from({ length: rand(90) }, () => alphabet[rand(alphabet.length)]).join("").replace(/"/g, "");
    for (let k = 0; k < 2000; k++) {
      const outer = word(), cls = word(), id = word();
      const html = `<div class="${outer}"><p class="${cls}" id="${id}">Some words of a block.</p></div>`;
      const got = streamPage(html).blocks[0].classTokens;
      expect(got, `${cls} / ${id} in ${outer}`).toEqual(reference(cls, id, reference(outer, "", [])));
    }
  });
});
