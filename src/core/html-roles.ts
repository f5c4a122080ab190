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

/** Per block: its role's (same tag and class path) and its path's (same class path) features. */
export function roleFeatures(blocks: readonly BlockSignals[], p: ArrayLike<number>, nWords: ArrayLike<number>): Float32Array[] {
  const n = blocks.length;
  let words = 0;
  for (let i = 0; i < n; i++) words += nWords[i];
  const out: Float32Array[] = [];
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(new Float32Array(ROLE_FEATURES.length));
    paths.push(blocks[i].classTokens.join(" "));
  }
  const fill = (keyOf: (i: number) => string, at: number) => {
    const groups = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const k = keyOf(i);
      const g = groups.get(k);
      if (g) g.push(i);
      else groups.set(k, [i]);
    }
    for (const g of groups.values()) {
      let sumP = 0, w = 0, inArticle = 0;
      for (const i of g) { sumP += p[i]; w += nWords[i]; if (blocks[i].inArticle) inArticle++; }
      for (const i of g) {
        const v = out[i];
        // The others' mean: the block's own probability is already a feature of its own.
        v[at] = g.length > 1 ? (sumP - p[i]) / (g.length - 1) : p[i];
        v[at + 1] = Math.log(g.length);
        v[at + 2] = words ? w / words : 0;
        v[at + 3] = g.length === 1 ? 1 : 0;
        // Share of the role inside Readability's region (0 when it is not used).
        v[at + 4] = inArticle / g.length;
      }
    }
  };
  fill((i) => `${blocks[i].tag}|${paths[i]}`, 0);
  fill((i) => paths[i], PER_KEY);
  return out;
}
