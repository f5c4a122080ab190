// The block sink collapses white space as /\s+/g -> " " and trims, and counts link text the same
// way, by scanning characters (no regular expression, no string made): these hold it to the
// regular expressions, over every white-space character JavaScript knows and random mixes.
import { describe, expect, it } from "vitest";
import { BlockSink, ROOT_CTX } from "../../src/html/blocks.ts";

const LINK = { ...ROOT_CTX, link: true };
let seed = 11;
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;

describe("block sink white space", () => {
  // Every UTF-16 unit JavaScript's \s matches, and neighbours that it does not.
  const spaces = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((ch) => /\s/.test(ch));
  const others = ["a", "Z", "é", "\u180e", "\u200b", "\u0085", "\u0008", "\u000e", "-", "\u2060"];

  it("collapses and counts as the regular expressions do (5,000 random texts)", () => {
    expect(spaces.length).toBeGreaterThan(20);
    for (let k = 0; k < 5000; k++) {
      const pieces = Array.from({ length: 1 + rand(4) }, () =>
        Array.from({ length: rand(12) }, () => (rand(2) ? spaces[rand(spaces.length)] : others[rand(others.length)])).join(""));
      const sink = new BlockSink();
      for (const p of pieces) sink.append(p, LINK);
      sink.flush();
      // What append keeps: pieces from the first with a non-space character on.
      const kept = pieces.slice(Math.max(0, pieces.findIndex((p) => /\S/.test(p))));
      const text = kept.join("").replace(/\s+/g, " ").trim();
      if (!text) { expect(sink.blocks).toEqual([]); continue; }
      const linkChars = kept.reduce((n, p) => n + p.replace(/\s+/g, " ").length, 0);
      expect(sink.blocks.map((b) => [b.text, b.linkChars]), JSON.stringify(pieces)).toEqual([[text, Math.min(linkChars, text.length)]]);
    }
  });
});
