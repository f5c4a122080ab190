// Template roles: blocks of one page that share their tag and class/id path play one part in the
// page's template (the article's paragraphs, a rail's teasers, a footer's links). The block pass
// judges each block alone; these features give the context pass what the rest of its role looks
// like, so one teaser that reads like prose is judged with its twenty siblings, and a short body
// paragraph with the long ones around it.
import type { BlockSignals } from "./html-features.ts";

export const ROLE_FEATURES = [
  "role_mean_p", "role_log_n", "role_word_share", "role_alone", "role_in_article",
  "path_mean_p", "path_log_n", "path_word_share", "path_alone", "path_in_article",
] as const;
const PER_KEY = 5;

/**
 * Per block: its role's (same tag and class path) and its path's (same class path) features,
 * written to out[i * stride + at ..] for block i. Groups are numbered, not keyed by strings: a
 * path is numbered once per classTokens array (blocks of one element, and siblings without
 * classes, share theirs) and a role by its path's and tag's numbers, so a block costs no string
 * of its own; each group's sums run over its blocks in page order, as one pass per group did.
 */
export function roleFeatures(blocks: readonly BlockSignals[], p: ArrayLike<number>, nWords: ArrayLike<number>, out: Float32Array, at: number, stride: number): void {
  const n = blocks.length;
  let words = 0;
  for (let i = 0; i < n; i++) words += nWords[i];
  const pathOf = new Int32Array(n), roleOf = new Int32Array(n);
  const pathByArray = new Map<readonly string[], number>(), pathByText = new Map<string, number>();
  const tagIds = new Map<string, number>(), roleIds = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const b = blocks[i];
    let path = pathByArray.get(b.classTokens);
    if (path === undefined) {
      const text = b.classTokens.join(" ");
      path = pathByText.get(text);
      if (path === undefined) pathByText.set(text, (path = pathByText.size));
      pathByArray.set(b.classTokens, path);
    }
    let tag = tagIds.get(b.tag);
    if (tag === undefined) tagIds.set(b.tag, (tag = tagIds.size));
    // Both numbers are below n + 1, so the key is exact and one per (path, tag).
    const key = path * (n + 1) + tag;
    let role = roleIds.get(key);
    if (role === undefined) roleIds.set(key, (role = roleIds.size));
    pathOf[i] = path;
    roleOf[i] = role;
  }
  fill(blocks, p, nWords, words, roleOf, roleIds.size, out, at, stride);
  fill(blocks, p, nWords, words, pathOf, pathByText.size, out, at + PER_KEY, stride);
}

/** The five features of each block's group (groupOf[i] < groups) at out[i * stride + at ..]. */
function fill(blocks: readonly BlockSignals[], p: ArrayLike<number>, nWords: ArrayLike<number>, words: number, groupOf: Int32Array, groups: number, out: Float32Array, at: number, stride: number): void {
  const n = blocks.length;
  const sumP = new Float64Array(groups), w = new Float64Array(groups), size = new Int32Array(groups), inArticle = new Int32Array(groups);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i];
    sumP[g] += p[i];
    w[g] += nWords[i];
    size[g]++;
    if (blocks[i].inArticle) inArticle[g]++;
  }
  for (let i = 0, o = at; i < n; i++, o += stride) {
    const g = groupOf[i], len = size[g];
    // The others' mean: the block's own probability is already a feature of its own.
    out[o] = len > 1 ? (sumP[g] - p[i]) / (len - 1) : p[i];
    out[o + 1] = Math.log(len);
    out[o + 2] = words ? w[g] / words : 0;
    out[o + 3] = len === 1 ? 1 : 0;
    // Share of the role inside Readability's region (0 when it is not used).
    out[o + 4] = inArticle[g] / len;
  }
}
