// The streaming segmenter runs htmlparser2's tokenizer without decoding character references and
// decodes what it reads afterwards (src/html/decode-entities.ts). These check that afterwards gives
// what the decoding tokenizer reports: the same pieces of body text, the same attribute values and
// <title> text, on random input full of references, and the segmenter's use of it.
import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { EntityDecoder } from "../../src/html/decode-entities.ts";
import { streamPage } from "../../src/html/stream-blocks.ts";

/** What the tokenizer reports for `html`: text pieces and attribute values, in order. */
function tokenizer(html: string, decodeEntities = true): { text: string[]; attrs: string[] } {
  const text: string[] = [], attrs: string[] = [];
  let value = "";
  const noop = () => {};
  const cbs: TokenizerCallbacks = {
    ontext: (s, e) => text.push(html.slice(s, e)),
    ontextentity: (cp) => text.push(String.fromCodePoint(cp)),
    onattribname: () => { value = ""; },
    onattribdata: (s, e) => { value += html.slice(s, e); },
    onattribentity: (cp) => { value += String.fromCodePoint(cp); },
    onattribend: () => attrs.push(value),
    onopentagname: noop, onopentagend: noop, onselfclosingtag: noop, onclosetag: noop, oncdata: noop, oncomment: noop,
    ondeclaration: noop, onprocessinginstruction: noop, onend: noop,
  };
  const t = new Tokenizer({ decodeEntities }, cbs);
  t.write(html);
  t.end();
  return { text, attrs };
}

// Characters that make and break references: names (with and without ";", legacy ones such as
// "amp" and "copy" that decode without it), numeric ones, "=" after a name, NUL, a stray "<".
const PARTS = ["&", "&", "amp", "copy", "nbsp", "notin", "no", "lt", ";", "#", "#x", "x", "1", "39", "0", "a", "Z", "=", " ", "\n", "\0", "< ", "é"];
let seed = 7;
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
const randomText = () => Array.from({ length: 1 + rand(14) }, () => PARTS[rand(PARTS.length)]).join("");

describe("character references decoded after the tokenizer", () => {
  const decoder = new EntityDecoder();

  it("body text: the same pieces as the decoding tokenizer (3,000 random texts)", () => {
    for (let k = 0; k < 3000; k++) {
      const html = `<p>${randomText()}</p>`;
      // Each piece the tokenizer reports without decoding (it ends one at every "<"), decoded.
      const pieces: string[] = [];
      for (const raw of tokenizer(html, false).text) decoder.text(raw, (p) => pieces.push(p));
      expect(pieces, JSON.stringify(html)).toEqual(tokenizer(html).text);
    }
  });

  it("attribute values, quoted and unquoted: the same values (3,000 random values)", () => {
    for (let k = 0; k < 3000; k++) {
      const raw = randomText();
      for (const q of ['"', "'", ""]) {
        const v = q ? raw.replaceAll(q, "") : raw.replace(/[\s>"'<=`]/g, "");
        if (!v) continue;
        expect(decoder.attribute(v), JSON.stringify([q, v])).toBe(tokenizer(`<a v=${q}${v}${q} x>`).attrs[0]);
      }
    }
  });

  it("<title> text (RCDATA: tags are text): the same text (3,000 random titles)", () => {
    for (let k = 0; k < 3000; k++) {
      const raw = randomText() + (rand(3) === 0 ? "<b>" + randomText() : "");
      expect(decoder.rcdata(raw), JSON.stringify(raw)).toBe(tokenizer(`<title>${raw}</title>`).text.join(""));
    }
  });

  it("the segmenter decodes text, titles and attributes, not raw text, and counts link text by piece", () => {
    const page = streamPage(`<html><head><title>A &amp; B &lt;i&gt;</title><meta name="description" content="x &quot;y&quot;">
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": "J &amp; K"}</script></head><body>
      <p class="ab&amp;cd">Tom &amp; Jerry &copy 2024 &notit; &#39;q&#x27;</p>
      <xmp>raw &amp; kept</xmp>
      <p>Some words before the link <a href="/x">x&nbsp; y</a></p></body></html>`);
    // JSON-LD is raw text, not decoded by the tokenizer; a reference left in a value is the page's
    // escaping it twice, and the metadata reader decodes it (as Readability does).
    expect(page.meta.title).toBe("J & K");
    expect(streamPage("<title>A &amp; B &lt;i&gt;</title><p>Text</p>").meta.title).toBe("A & B <i>");
    expect(page.blocks.map((b) => b.text)).toEqual(["Tom & Jerry © 2024 ¬it; 'q'", "raw &amp; kept", "Some words before the link x\u00a0 y".replace(/\s+/g, " ")]);
    expect(page.blocks[0].classTokens).toEqual(["ab", "cd"]); // not "amp"
    // The link's text came as "x", "\u00a0", " y": 1 + 1 + 2 characters, whitespace collapsed piece by piece.
    expect(page.blocks[2].linkChars).toBe(4);
  });
});
