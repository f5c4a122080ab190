// How far the block pass and Readability agree on a page. On some pages Readability's region is
// exactly the article and what the block pass keeps outside it is comments or teasers that read
// like prose; on others the region is a fragment and the body runs on outside it. The block pass
// sees one block at a time; these page-level figures let the context pass tell the two apart.
import type { BlockSignals } from "./html-features.ts";

export const AGREEMENT_FEATURES = ["region_mean_p", "outside_mean_p", "outside_kept_share", "region_kept_share"] as const;

// A block pass probability at or above this counts as "kept" here: the midpoint of a calibrated
// logistic output, as the text model's LIKELY_BODY.
const KEPT = 0.5;

/** The page's agreement figures (the same for every block); all 0 when no region is used. */
export function agreementFeatures(blocks: readonly BlockSignals[], p: ArrayLike<number>, nWords: ArrayLike<number>): Float32Array {
  let rw = 0, rp = 0, rk = 0, ow = 0, op = 0, ok = 0;
  for (let i = 0; i < blocks.length; i++) {
    const w = nWords[i];
    if (blocks[i].inArticle) { rw += w; rp += w * p[i]; if (p[i] >= KEPT) rk += w; }
    else { ow += w; op += w * p[i]; if (p[i] >= KEPT) ok += w; }
  }
  const v = new Float32Array(AGREEMENT_FEATURES.length);
  if (rw === 0) return v;
  v[0] = rp / rw;
  v[1] = ow ? op / ow : 0;
  v[2] = ok + rk ? ok / (ok + rk) : 0;
  v[3] = rk / rw;
  return v;
}
