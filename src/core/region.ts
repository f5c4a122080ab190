// The article region without Readability (the fast HTML engine): every element is scored by the
// text model's evidence about the blocks it holds, and the best element's blocks are the region.
//
//   score(element) = sum over the blocks under it of words x (P(body) - REGION_CENTER)
//
// Body blocks add their words, boilerplate subtracts its own, so the best element is the one that
// holds the most body prose net of what it holds besides: the article's column, not the page.
// Linear: the element table lists parents before children (document order), so one backward pass
// adds each element's score to its parent's and one forward pass marks the chosen subtree.

/** The page's elements and each block's element, as src/html/stream-blocks.ts reads them. */
export interface RegionInput {
  /** Parent of each element (-1: none); a parent's index is below its children's. */
  parent: Int32Array;
  /** Innermost element of each block (-1: none). */
  blockEl: Int32Array;
}

// P(body) at which a block adds nothing: 0.5, a word of body prose weighs as much as a word of
// boilerplate. Held out by site on the corpus's articles (npm run train:html -- --engine fast):
// 0.5 gives the region alone F1 0.933 and the HTML pass 0.949; 0.6 gives 0.922 and 0.950.
export const REGION_CENTER = 0.5;
// The same for the learned region scorer's P(body) (src/core/region-model.ts), trained on articles
// only, whose probabilities run lower than the text model's: held out by site, region alone, F1
// 0.9337 at 0.15, 0.9357 at 0.2, 0.9378 at 0.25, 0.9364 at 0.3, 0.9322 at 0.4, 0.9237 at 0.5. With it
// at 0.25 the HTML pass gives 0.957 (the text model's P(body) at 0.5: 0.953).
export const LEARNED_REGION_CENTER = 0.25;

/** 1 for each block inside the best-scoring element; all 0 when no element scores above 0. */
export function chooseRegion(region: RegionInput, nWords: ArrayLike<number>, p: ArrayLike<number>, center = REGION_CENTER): Uint8Array {
  const { parent, blockEl } = region;
  const n = parent.length;
  const score = new Float64Array(n);
  for (let b = 0; b < blockEl.length; b++) if (blockEl[b] >= 0) score[blockEl[b]] += nWords[b] * (p[b] - center);
  let best = -1;
  for (let e = n - 1; e >= 0; e--) {
    if (parent[e] >= 0) score[parent[e]] += score[e];
  }
  for (let e = 0; e < n; e++) if (score[e] > 0 && (best < 0 || score[e] > score[best])) best = e;
  const inside = new Uint8Array(blockEl.length);
  if (best < 0) return inside;
  const under = new Uint8Array(n);
  under[best] = 1;
  for (let e = best + 1; e < n; e++) if (parent[e] >= 0 && under[parent[e]]) under[e] = 1;
  for (let b = 0; b < blockEl.length; b++) if (blockEl[b] >= 0 && under[blockEl[b]]) inside[b] = 1;
  return inside;
}
