// Training labels from gold text: which scraped lines are article body?
//
// Runtime-free (no node:* imports). The page's lines and the gold are tokenised by the scorer's
// own `tokenize` (src/eval/score.ts), the line tokens are concatenated into one stream and
// aligned to the gold tokens, and a line is body when enough of its tokens are aligned.
//
// The alignment, roughly linear in the size of the two texts:
//  1. Anchors. Every gold k-gram (k = ANCHOR_MIN_TOKENS) is hashed; every page k-gram found in
//     that index seeds a *maximal matching block* (extended both ways along its diagonal while the
//     tokens agree). Each block is found once (a per-diagonal high-water mark skips seeds inside a
//     block already found). k-grams that occur more than SEED_MAX_GOLD_OCCURRENCES times in the
//     gold are not used as seeds (they are covered by the extension of neighbouring seeds).
//  2. Chain. The monotone chain of non-overlapping blocks with the largest total length is chosen
//     (weighted longest-increasing-subsequence over blocks, O(B log B) with a Fenwick tree of
//     prefix maxima over gold positions). A tiny penalty per skipped token, on both sides, breaks
//     ties towards the compact chain: when the page repeats a sentence (a teaser or "related"
//     block quoting the first sentence, a headline list repeating a paragraph), both copies are
//     equally long matches of the same gold span, and the copy next to the rest of the body wins.
//     Long runs dominate the total, so a few common words in a nav bar never outweigh a paragraph.
//  3. Gaps. Between consecutive chain blocks (and before the first / after the last, within a
//     bounded window next to the anchor) an exact LCS is run when the gap is small
//     (GAP_DP_MAX_CELLS), which picks up small edits and short lines (< k tokens) in the body.
//  4. Moved text. Blocks left out of the chain (gold paragraphs slightly re-ordered with respect
//     to the page) are taken, longest first, where both their page tokens are still unaligned and
//     their gold tokens still unused, in runs of at least MOVED_MIN_TOKENS. A repeated copy of a
//     sentence whose gold tokens are already used by the body copy is therefore never taken twice.
//  5. Local swaps. A short page line still unaligned whose tokens equal a still-free gold line
//     near where its neighbours aligned (list items or label/value cells in another order) is
//     aligned to it.
// Every gold token is used at most once, so the labels never count a gold token twice.
import { tokenize } from "../eval/score.ts";

export type GoldLabel = "body" | "boilerplate";

/** One input line: its label, its number of scorer tokens, and how many of them aligned to gold. */
export interface AlignedLine {
  label: GoldLabel;
  tokens: number;
  aligned: number;
}

/**
 * A line is body when aligned / tokens >= BODY_ALIGNED_FRACTION.
 *
 * How partial lines are decided, and why one half: the metric is bag-of-tokens F1 per document.
 * Keeping a line with `a` aligned and `u` unaligned tokens adds `a` true positives and `u` false
 * positives; dropping it adds `a` false negatives. With F1 = 2TP / (2TP + FP + FN) near 1 (where
 * a good extractor lives), keeping wins exactly when u < a (up to terms of order a/TP), i.e. when
 * at least half the line aligns; a line with exactly half aligned is a tie and is kept (body),
 * matching the scorer's symmetric treatment of FP and FN. The same rule gives the classifier
 * labels whose optimum is the metric's optimum. Lines with no tokens (blank, or punctuation only)
 * are always "boilerplate" with tokens = aligned = 0: they cannot change the score.
 */
export const BODY_ALIGNED_FRACTION = 0.5;

/**
 * Length k of the k-grams that seed matching blocks; also the shortest block used as an anchor.
 * Set by hand, not tuned: two words ("of the") recur everywhere on a page, three far less often.
 */
export const ANCHOR_MIN_TOKENS = 3;

/**
 * A gold k-gram occurring more often than this is too common to seed blocks (bounds the work).
 * Set by hand, not tuned.
 */
const SEED_MAX_GOLD_OCCURRENCES = 48;

/** Penalty per page or gold token skipped between chained blocks: a tie-breaker, not a cost. */
const GAP_PENALTY = 1e-3;

/** Largest (page gap x gold gap) filled by an exact LCS. Set by hand, not tuned: 1.6 MB of int32 table. */
const GAP_DP_MAX_CELLS = 400_000;

/**
 * Page tokens looked at before the first / after the last anchor: this many + 2 x the gold gap.
 * Set by hand, not tuned.
 */
const EDGE_WINDOW_SLACK = 16;

/** Shortest run of an off-chain block taken as re-ordered (moved) body text. Set by hand, as k above. */
const MOVED_MIN_TOKENS = 3;

/**
 * Page tokens searched on each side of a line for the neighbours that place it in the gold.
 * Set by hand, not tuned: a few lines' worth of tokens.
 */
const SWAP_WINDOW = 64;

/**
 * How far (in gold tokens) from its neighbours' gold positions a swapped line may land. Set by
 * hand, not tuned (as SWAP_WINDOW).
 */
const SWAP_RADIUS = 64;


function kgramHash(a: Int32Array, i: number, k: number): number {
  let h = 0x811c9dc5;
  for (let t = 0; t < k; t++) h = Math.imul(h ^ a[i + t], 0x01000193);
  return h;
}

/** Labels each line body/boilerplate by aligning its tokens, in order, to the gold's. */
export function labelLinesFromGold(lines: string[], gold: string): AlignedLine[] {
  // Intern gold tokens; a page token absent from the gold gets -1 and never matches.
  // Gold tokens are taken line by line (the same tokens as the whole text's: no token spans a
  // newline) so that the swap pass knows where gold lines start.
  const dict = new Map<string, number>();
  const goldIds: number[] = [];
  const goldLineStarts: number[] = [];
  for (const gl of gold.split("\n")) {
    goldLineStarts.push(goldIds.length);
    for (const t of tokenize(gl)) {
      let id = dict.get(t);
      if (id === undefined) {
        id = dict.size;
        dict.set(t, id);
      }
      goldIds.push(id);
    }
  }
  goldLineStarts.push(goldIds.length);
  const G = Int32Array.from(goldIds);
  const lineStart = new Int32Array(lines.length + 1);
  const pageIds: number[] = [];
  for (let l = 0; l < lines.length; l++) {
    lineStart[l] = pageIds.length;
    if (G.length === 0) continue;
    for (const t of tokenize(lines[l])) pageIds.push(dict.get(t) ?? -1);
  }
  lineStart[lines.length] = pageIds.length;

  if (G.length === 0) {
    return lines.map((line) => ({ label: "boilerplate", tokens: tokenize(line).length, aligned: 0 }));
  }

  const P = Int32Array.from(pageIds);
  const aligned = alignTokens(P, G, lineStart, Int32Array.from(goldLineStarts));

  const out: AlignedLine[] = new Array(lines.length);
  for (let l = 0; l < lines.length; l++) {
    const s = lineStart[l];
    const e = lineStart[l + 1];
    let a = 0;
    for (let i = s; i < e; i++) a += aligned[i];
    const tokens = e - s;
    const body = tokens > 0 && a >= BODY_ALIGNED_FRACTION * tokens;
    out[l] = { label: body ? "body" : "boilerplate", tokens, aligned: a };
  }
  return out;
}

/**
 * Aligns page token ids P to gold token ids G (page ids < 0 never match); `pageLines` and
 * `goldLines` hold the first token of each line plus the total at the end. Returns, per page
 * token, 1 when it is matched to a gold token (each gold token used at most once), else 0.
 */
function alignTokens(P: Int32Array, G: Int32Array, pageLines: Int32Array, goldLines: Int32Array): Uint8Array {
  const n = P.length;
  const m = G.length;
  const pageUsed = new Uint8Array(n);
  const goldUsed = new Uint8Array(m);
  const goldOf = new Int32Array(n).fill(-1); // the gold token each aligned page token matched
  if (n === 0 || m === 0) return pageUsed;
  const k = ANCHOR_MIN_TOKENS;

  // 1. Maximal matching blocks seeded by k-grams.
  const bPs: number[] = [];
  const bGs: number[] = [];
  const bLen: number[] = [];
  if (n >= k && m >= k) {
    const head = new Map<number, number>();
    const count = new Map<number, number>();
    const next = new Int32Array(m).fill(-1);
    for (let j = m - k; j >= 0; j--) {
      const h = kgramHash(G, j, k);
      const prev = head.get(h);
      next[j] = prev ?? -1;
      head.set(h, j);
      count.set(h, (count.get(h) ?? 0) + 1);
    }
    const covered = new Map<number, number>(); // diagonal (j - i) -> page end of its last block
    seeds: for (let i = 0; i + k <= n; i++) {
      for (let t = 0; t < k; t++) if (P[i + t] < 0) continue seeds;
      const h = kgramHash(P, i, k);
      const c = count.get(h);
      if (c === undefined || c > SEED_MAX_GOLD_OCCURRENCES) continue;
      for (let j = head.get(h) ?? -1; j >= 0; j = next[j]) {
        const d = j - i;
        const ce = covered.get(d);
        if (ce !== undefined && i < ce) continue;
        let ok = true;
        for (let t = 0; t < k; t++) {
          if (P[i + t] !== G[j + t]) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        let s = 0;
        while (i - s > 0 && j - s > 0 && P[i - s - 1] === G[j - s - 1]) s++;
        let e = k;
        while (i + e < n && j + e < m && P[i + e] === G[j + e]) e++;
        bPs.push(i - s);
        bGs.push(j - s);
        bLen.push(s + e);
        covered.set(d, i + e);
      }
    }
  }
  const B = bLen.length;

  // 2. Heaviest monotone chain of non-overlapping blocks.
  const chain: number[] = [];
  const inChain = new Uint8Array(B);
  if (B > 0) {
    const byStart = Array.from({ length: B }, (_, b) => b).sort((x, y) => bPs[x] - bPs[y] || bGs[x] - bGs[y]);
    const byEnd = Array.from({ length: B }, (_, b) => b).sort((x, y) => bPs[x] + bLen[x] - (bPs[y] + bLen[y]));
    const score = new Float64Array(B);
    const prev = new Int32Array(B).fill(-1);
    // Fenwick tree over gold end positions 1..m: prefix max of score + penalty offsets.
    const fv = new Float64Array(m + 1).fill(-Infinity);
    const fa = new Int32Array(m + 1).fill(-1);
    let ins = 0;
    let best = -1;
    for (const b of byStart) {
      const ps = bPs[b];
      const gs = bGs[b];
      while (ins < B && bPs[byEnd[ins]] + bLen[byEnd[ins]] <= ps) {
        const c = byEnd[ins++];
        const pe = bPs[c] + bLen[c];
        const ge = bGs[c] + bLen[c];
        const v = score[c] + GAP_PENALTY * (pe + ge);
        for (let x = ge; x <= m; x += x & -x) {
          if (v > fv[x]) {
            fv[x] = v;
            fa[x] = c;
          }
        }
      }
      let qv = -Infinity;
      let qa = -1;
      for (let x = gs; x > 0; x -= x & -x) {
        if (fv[x] > qv) {
          qv = fv[x];
          qa = fa[x];
        }
      }
      score[b] = bLen[b];
      if (qa >= 0) {
        const v = qv - GAP_PENALTY * (ps + gs) + bLen[b];
        if (v > score[b]) {
          score[b] = v;
          prev[b] = qa;
        }
      }
      if (best < 0 || score[b] > score[best]) best = b;
    }
    for (let b = best; b >= 0; b = prev[b]) chain.push(b);
    chain.reverse();
    for (const b of chain) {
      inChain[b] = 1;
      for (let t = 0; t < bLen[b]; t++) {
        pageUsed[bPs[b] + t] = 1;
        goldUsed[bGs[b] + t] = 1;
        goldOf[bPs[b] + t] = bGs[b] + t;
      }
    }
  }

  // 3. Exact LCS in the small gaps around and between chain blocks.
  const fill = (p0: number, p1: number, g0: number, g1: number): void => {
    if (p1 <= p0 || g1 <= g0) return;
    if ((p1 - p0) * (g1 - g0) > GAP_DP_MAX_CELLS) return;
    lcsFill(P, G, p0, p1, g0, g1, pageUsed, goldUsed, goldOf);
  };
  if (chain.length === 0) {
    fill(0, n, 0, m);
  } else {
    const first = chain[0];
    const lead = bGs[first];
    fill(Math.max(0, bPs[first] - 2 * lead - EDGE_WINDOW_SLACK), bPs[first], 0, lead);
    for (let c = 1; c < chain.length; c++) {
      const a = chain[c - 1];
      const b = chain[c];
      fill(bPs[a] + bLen[a], bPs[b], bGs[a] + bLen[a], bGs[b]);
    }
    const last = chain[chain.length - 1];
    const pe = bPs[last] + bLen[last];
    const ge = bGs[last] + bLen[last];
    fill(pe, Math.min(n, pe + 2 * (m - ge) + EDGE_WINDOW_SLACK), ge, m);
  }

  // 4. Moved (re-ordered) text: off-chain blocks, longest first, on still-free tokens only.
  const rest: number[] = [];
  for (let b = 0; b < B; b++) if (!inChain[b] && bLen[b] >= MOVED_MIN_TOKENS) rest.push(b);
  rest.sort((x, y) => bLen[y] - bLen[x] || bPs[x] - bPs[y]);
  for (const b of rest) {
    const ps = bPs[b];
    const gs = bGs[b];
    let run = 0;
    for (let t = 0; t <= bLen[b]; t++) {
      const free = t < bLen[b] && !pageUsed[ps + t] && !goldUsed[gs + t];
      if (free) {
        run++;
        continue;
      }
      if (run >= MOVED_MIN_TOKENS) {
        for (let u = t - run; u < t; u++) {
          pageUsed[ps + u] = 1;
          goldUsed[gs + u] = 1;
          goldOf[ps + u] = gs + u;
        }
      }
      run = 0;
    }
  }

  // 5. Local swaps of short lines (list items, table cells, "Label / value" pairs whose order
  // differs): a page line still mostly unaligned whose tokens are exactly those of a gold line
  // that is still free, close (SWAP_RADIUS gold tokens) to where its page neighbours aligned.
  const goldLineByKey = new Map<string, number[]>();
  for (let gl = 0; gl + 1 < goldLines.length; gl++) {
    const s = goldLines[gl];
    const e = goldLines[gl + 1];
    if (e === s) continue;
    const key = G.subarray(s, e).join(",");
    const list = goldLineByKey.get(key);
    if (list) list.push(gl);
    else goldLineByKey.set(key, [gl]);
  }
  for (let l = 0; l + 1 < pageLines.length; l++) {
    const s = pageLines[l];
    const e = pageLines[l + 1];
    if (e === s) continue;
    let a = 0;
    for (let i = s; i < e; i++) a += pageUsed[i];
    if (a >= BODY_ALIGNED_FRACTION * (e - s)) continue;
    const cands = goldLineByKey.get(P.subarray(s, e).join(","));
    if (!cands) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = s - 1; i >= 0 && i >= s - SWAP_WINDOW; i--) {
      if (goldOf[i] >= 0) {
        lo = Math.min(lo, goldOf[i]);
        hi = Math.max(hi, goldOf[i]);
        break;
      }
    }
    for (let i = e; i < n && i < e + SWAP_WINDOW; i++) {
      if (goldOf[i] >= 0) {
        lo = Math.min(lo, goldOf[i]);
        hi = Math.max(hi, goldOf[i]);
        break;
      }
    }
    if (lo > hi) continue;
    for (const gl of cands) {
      const gs = goldLines[gl];
      const ge = goldLines[gl + 1];
      if (gs < lo - SWAP_RADIUS || ge > hi + SWAP_RADIUS) continue;
      // Gold used by this very line (a partial match) is fine: it is re-aligned below.
      let free = true;
      let mine: Set<number> | undefined;
      for (let j = gs; j < ge && free; j++) {
        if (!goldUsed[j]) continue;
        if (!mine) {
          mine = new Set<number>();
          for (let i = s; i < e; i++) if (goldOf[i] >= 0) mine.add(goldOf[i]);
        }
        free = mine.has(j);
      }
      if (!free) continue;
      for (let i = s; i < e; i++) if (goldOf[i] >= 0) goldUsed[goldOf[i]] = 0;
      for (let t = 0; t < e - s; t++) {
        pageUsed[s + t] = 1;
        goldUsed[gs + t] = 1;
        goldOf[s + t] = gs + t;
      }
      break;
    }
  }
  return pageUsed;
}

/** Exact LCS of P[p0,p1) and G[g0,g1) over tokens not yet used; marks the matched pairs. */
function lcsFill(
  P: Int32Array,
  G: Int32Array,
  p0: number,
  p1: number,
  g0: number,
  g1: number,
  pageUsed: Uint8Array,
  goldUsed: Uint8Array,
  goldOf: Int32Array,
): void {
  const a = p1 - p0;
  const b = g1 - g0;
  const w = b + 1;
  const dp = new Int32Array((a + 1) * w);
  for (let i = 1; i <= a; i++) {
    const pi = P[p0 + i - 1];
    const row = i * w;
    const up = row - w;
    for (let j = 1; j <= b; j++) {
      if (pi >= 0 && pi === G[g0 + j - 1]) dp[row + j] = dp[up + j - 1] + 1;
      else {
        const x = dp[up + j];
        const y = dp[row + j - 1];
        dp[row + j] = x > y ? x : y;
      }
    }
  }
  let i = a;
  let j = b;
  while (i > 0 && j > 0) {
    const here = dp[i * w + j];
    if (here === 0) break;
    if (P[p0 + i - 1] === G[g0 + j - 1] && here === dp[(i - 1) * w + j - 1] + 1) {
      pageUsed[p0 + i - 1] = 1;
      goldUsed[g0 + j - 1] = 1;
      goldOf[p0 + i - 1] = g0 + j - 1;
      i--;
      j--;
    } else if (dp[(i - 1) * w + j] >= dp[i * w + j - 1]) i--;
    else j--;
  }
}
