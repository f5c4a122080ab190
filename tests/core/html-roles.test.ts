// roleFeatures numbers its groups (a path per classTokens array, a role per path and tag) instead
// of keying them by strings: the features must be those of the groups keyed by the strings
// themselves, as written here, for blocks whose equal paths are separate arrays or one array.
import { describe, expect, it } from "vitest";
import { fnv1a } from "../../src/core/hash.ts";
import { extractHtmlFeatures, type BlockSignals } from "../../src/core/html-features.ts";
import { ROLE_FEATURES, roleFeatures } from "../../src/core/html-roles.ts";

let seed = 3;
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;

/** The features of each block's groups, keyed by "tag|path" and "path" strings. */
function byStrings(blocks: BlockSignals[], p: number[], nWords: number[]): number[][] {
  const words = nWords.reduce((a, b) => a + b, 0);
  const out = blocks.map(() => new Array<number>(ROLE_FEATURES.length).fill(0));
  const keys = [(b: BlockSignals) => `${b.tag}|${b.classTokens.join(" ")}`, (b: BlockSignals) => b.classTokens.join(" ")];
  keys.forEach((key, half) => {
    blocks.forEach((b, i) => {
      const g = blocks.map((_, j) => j).filter((j) => key(blocks[j]) === key(b));
      const sumP = g.reduce((s, j) => s + p[j], 0);
      const row = [
        g.length > 1 ? (sumP - p[i]) / (g.length - 1) : p[i],
        Math.log(g.length),
        words ? g.reduce((s, j) => s + nWords[j], 0) / words : 0,
        g.length === 1 ? 1 : 0,
        g.filter((j) => blocks[j].inArticle).length / g.length,
      ];
      row.forEach((v, k) => { out[i][half * 5 + k] = Math.fround(v); });
    });
  });
  return out;
}

describe("roleFeatures", () => {
  it("are the features of groups keyed by tag and class path (300 random pages)", () => {
    const TAGS = ["p", "li", "div", "h2"], TOKENS = ["a", "b", "c", "post", "item"];
    for (let page = 0; page < 300; page++) {
      const shared = [["a"], ["b", "c"], []];
      const n = 1 + rand(40);
      const blocks: BlockSignals[] = Array.from({ length: n }, () => ({
        tag: TAGS[rand(TAGS.length)], heading: 0, linkChars: 0, textChars: 10, flags: 0, inArticle: rand(2) === 1,
        // Equal paths both as one shared array and as arrays of their own.
        classTokens: rand(2) ? shared[rand(shared.length)] : Array.from({ length: rand(3) }, () => TOKENS[rand(TOKENS.length)]),
      }));
      const p = blocks.map(() => rand(1000) / 1000), nWords = blocks.map(() => rand(30));
      const stride = ROLE_FEATURES.length + 3, at = 2;
      const out = new Float32Array(n * stride);
      roleFeatures(blocks, p, nWords, out, at, stride);
      const got = blocks.map((_, i) => Array.from(out.subarray(i * stride + at, i * stride + at + ROLE_FEATURES.length)));
      expect(got).toEqual(byStrings(blocks, p, nWords));
    }
  });
});

describe("class-token buckets", () => {
  it("each token's bucket is fnv1a of c:token, whichever block it comes in", () => {
    const tokens = [["post", "body"], ["post", "body"], ["body", "site"], [], ["zz", "post"]];
    const blocks: BlockSignals[] = tokens.map((classTokens) => ({ tag: "p", heading: 0, linkChars: 0, textChars: 10, flags: 0, inArticle: false, classTokens }));
    const n = blocks.length, half = new Float64Array(n).fill(0.5);
    const f = extractHtmlFeatures(blocks, half, half, new Float64Array(n).fill(NaN), new Float64Array(n).fill(5), false, 12);
    expect(f.hashed.map((h) => Array.from(h))).toEqual(tokens.map((ts) => ts.map((t) => fnv1a(`c:${t}`) & 4095)));
  });
});
