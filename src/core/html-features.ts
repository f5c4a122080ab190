// Features of an HTML block for the HTML pass (DESIGN.md §1, issue 4): what the DOM knows about a
// line and the text lines do not. The HTML pass stacks on the text model: its inputs are the text
// model's two probabilities for the block's text, Readability's verdict on the block and its
// neighbours, the block's tag, heading level, link density, landmarks, and its class/id tokens
// (hashed, so "related", "newsletter", "promo" are learned like words).
import { CONTEXT_FEATURES, CONTEXT_SIZE, contextRows, TEXT_CONTEXT_SIZE, type Markers } from "./context.ts";
import { fnv1a } from "./hash.ts";
import { AGREEMENT_FEATURES, agreementFeatures } from "./html-agreement.ts";
import { ROLE_FEATURES, roleFeatures } from "./html-roles.ts";

/** What the HTML pass reads of a block: plain data, so the core needs no DOM. */
export interface BlockSignals {
  tag: string;
  heading: number;
  linkChars: number;
  textChars: number;
  flags: number;
  classTokens: readonly string[];
  inArticle: boolean;
}

// Landmark bits, in the order src/html/blocks.ts numbers them (FLAG there).
export const LANDMARKS = ["nav", "header", "footer", "aside", "figure", "form", "list", "table", "article", "main", "button", "quote", "pre", "comment"] as const;

const TAGS = ["p", "li", "div", "td", "th", "blockquote", "pre", "figcaption", "dt", "dd", "span", "a", "section", "article", "header", "footer", "body"] as const;

export const HTML_FEATURES = [
  "bias", "p2_logit", "p1_logit", "article_p2_logit", "article_p2_missing",
  "in_region", "readability_ok", "article_word_share", "prev_in_article", "next_in_article", "window_in_article",
  "link_density", "link_over_half", "all_link",
  "heading", "h1", "h2_3", "h4_6",
  ...TAGS.map((t) => `tag_${t}`), "tag_other",
  ...LANDMARKS.map((l) => `in_${l}`),
  "class_tokens_log",
] as const;
export type HtmlFeatureName = (typeof HTML_FEATURES)[number];
export const HTML_INDEX = Object.fromEntries(HTML_FEATURES.map((n, i) => [n, i])) as Record<HtmlFeatureName, number>;

// The context pass reads the text model's context features recomputed over the block pass, the
// block's own HTML features (the bias dropped), its template role's (src/core/html-roles.ts) and
// how far the block pass and Readability agree on the page (src/core/html-agreement.ts):
// trees can then learn, say, that a short line between two paragraphs is body in a <p> and a
// teaser in an <aside>.
export const HTML_CONTEXT_FEATURES = [...CONTEXT_FEATURES, ...HTML_FEATURES.slice(1).map((n) => `html_${n}`), ...ROLE_FEATURES, ...AGREEMENT_FEATURES] as const;

export const HTML_CONTEXT_SIZE = HTML_CONTEXT_FEATURES.length;

/** One context-pass row per block: context features, HTML features without the bias, role features. */
export function htmlContextRows(ctx: Float32Array[], dense: Float32Array[], blocks: readonly BlockSignals[], pBlock: ArrayLike<number>, nWords: ArrayLike<number>): Float32Array[] {
  const out = new Float32Array(ctx.length * HTML_CONTEXT_SIZE);
  ctx.forEach((c, i) => out.set(c, i * HTML_CONTEXT_SIZE));
  writeHtmlColumns(out, dense, blocks, pBlock, nWords);
  return ctx.map((_, i) => out.subarray(i * HTML_CONTEXT_SIZE, (i + 1) * HTML_CONTEXT_SIZE));
}

/**
 * htmlContextRows' rows side by side, row i at i * HTML_CONTEXT_SIZE, written there with no array
 * per row (the context columns straight from contextRows, whose `denseFlat` holds the text
 * model's dense vectors, line i at i * DENSE_SIZE), in an array with room for a multiple of
 * `group` rows (trees.ts ROW_GROUP: the forest then scores the last rows together too).
 */
export function htmlContextMatrix(pBlock: Float64Array, denseFlat: Float32Array, nWords: ArrayLike<number>, markers: Markers, dense: Float32Array[], blocks: readonly BlockSignals[], group = 1): Float32Array {
  const width = HTML_CONTEXT_SIZE;
  const out = new Float32Array(Math.ceil(blocks.length / group) * group * width);
  contextRows(pBlock, denseFlat, nWords, markers, (from, rows, count) => {
    for (let r = 0; r < count; r++) out.set(rows.subarray(r * TEXT_CONTEXT_SIZE, r * TEXT_CONTEXT_SIZE + CONTEXT_SIZE), (from + r) * width);
  });
  writeHtmlColumns(out, dense, blocks, pBlock, nWords);
  return out;
}

/** The columns of each row after the context features: HTML features without the bias, role, agreement. */
function writeHtmlColumns(out: Float32Array, dense: Float32Array[], blocks: readonly BlockSignals[], pBlock: ArrayLike<number>, nWords: ArrayLike<number>): void {
  const agreement = agreementFeatures(blocks, pBlock, nWords);
  const htmlAt = CONTEXT_SIZE, roleAt = CONTEXT_SIZE + HTML_FEATURES.length - 1, agreementAt = roleAt + ROLE_FEATURES.length;
  for (let i = 0, at = 0; i < blocks.length; i++, at += HTML_CONTEXT_SIZE) {
    const d = dense[i];
    for (let k = 1; k < HTML_FEATURES.length; k++) out[at + htmlAt + k - 1] = d[k];
    out.set(agreement, at + agreementAt);
  }
  roleFeatures(blocks, pBlock, nWords, out, roleAt, HTML_CONTEXT_SIZE);
}

// Window of Readability's verdict around a block: ±3 blocks, the width of a typical
// paragraph/caption/teaser interleaving in the corpus's article bodies.
const WINDOW = 3;
// Logits are clipped here so a saturated text probability does not dominate the linear model.
// Set by hand, not tuned: ±8 is P(body) within 0.0004 of 0 or 1, past any useful difference.
const LOGIT_CLIP = 8;
// all_link: a block whose text is (nearly) all link text. Set by hand, not tuned: 0.99 rather
// than 1 lets a separator or a stray space outside the link through.
const ALL_LINK_MIN_DENSITY = 0.99;

const logit = (p: number) => Math.max(-LOGIT_CLIP, Math.min(LOGIT_CLIP, Math.log(p / (1 - p))));

// Column numbers, looked up once: the feature loop runs for every block of every page.
const COL = { ...HTML_INDEX } as const;
const TAG_COLUMN = new Map<string, number>(TAGS.map((t) => [t, HTML_INDEX[`tag_${t}`]]));
const LANDMARK_COLUMN = Int32Array.from(LANDMARKS, (l) => HTML_INDEX[`in_${l}`]);

// A class token's bucket is fnv1a(`c:${token}`): the token hashed from the state after "c:".
const CLASS_SEED = fnv1a("c:");

export interface HtmlFeatures {
  dense: Float32Array[];
  hashed: Uint32Array[];
}

/**
 * `articleP2` is the text model's P(body) of each in-article block when the text model reads
 * Readability's region alone (the view a column scraper gives it), NaN for the other blocks.
 */
export function extractHtmlFeatures(blocks: BlockSignals[], p1: ArrayLike<number>, p2: ArrayLike<number>, articleP2: ArrayLike<number>, nWords: ArrayLike<number>, readabilityOk: boolean, hashBits: number): HtmlFeatures {
  const n = blocks.length;
  const mask = (1 << hashBits) - 1;
  // The rows are views of one array: a fresh array of their size each is memory of its own to
  // allocate and free (over the 64 bytes V8 keeps inside its heap).
  const flat = new Float32Array(n * HTML_FEATURES.length);
  const dense: Float32Array[] = [];
  const hashed: Uint32Array[] = [];
  let prevTokens: readonly string[] | null = null, prevHashed = new Uint32Array(0);
  // Each token's bucket, hashed once a page (a page's elements repeat a few dozen tokens).
  const buckets = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const b = blocks[i];
    const v = flat.subarray(i * HTML_FEATURES.length, (i + 1) * HTML_FEATURES.length);
    v[COL.bias] = 1;
    v[COL.p2_logit] = logit(p2[i]);
    v[COL.p1_logit] = logit(p1[i]);
    const ld = b.textChars ? b.linkChars / b.textChars : 0;
    v[COL.link_density] = ld;
    v[COL.link_over_half] = +(ld > 0.5);
    v[COL.all_link] = +(ld >= ALL_LINK_MIN_DENSITY);
    v[COL.heading] = +(b.heading > 0);
    v[COL.h1] = +(b.heading === 1);
    v[COL.h2_3] = +(b.heading === 2 || b.heading === 3);
    v[COL.h4_6] = +(b.heading >= 4);
    v[TAG_COLUMN.get(b.tag) ?? COL.tag_other] = 1;
    for (let k = 0; k < LANDMARKS.length; k++) if (b.flags & (1 << k)) v[LANDMARK_COLUMN[k]] = 1;
    v[COL.class_tokens_log] = Math.log1p(b.classTokens.length);
    dense.push(v);
    // Blocks of one element, and of siblings without classes, share their tokens (the same
    // array): their buckets are the same array too (read only, as every row of f is).
    if (b.classTokens !== prevTokens) {
      prevTokens = b.classTokens;
      prevHashed = new Uint32Array(b.classTokens.length);
      for (let k = 0; k < b.classTokens.length; k++) {
        const token = b.classTokens[k];
        let bucket = buckets.get(token);
        if (bucket === undefined) buckets.set(token, (bucket = fnv1a(token, CLASS_SEED) & mask));
        prevHashed[k] = bucket;
      }
    }
    hashed.push(prevHashed);
  }
  const f = { dense, hashed };
  setRegionFeatures(f, blocks, articleP2, nWords, readabilityOk);
  return f;
}

/**
 * Writes the columns that describe the region (`inArticle` of the blocks, Readability's or the
 * fast engine's, and `articleP2`) into every row of `f`: all of them, so the fast engine scores
 * its rows without a region, chooses the region, and reuses the same rows with it.
 */
export function setRegionFeatures(f: HtmlFeatures, blocks: readonly BlockSignals[], articleP2: ArrayLike<number>, nWords: ArrayLike<number>, readabilityOk: boolean): void {
  const n = blocks.length;
  let words = 0, articleWords = 0;
  for (let i = 0; i < n; i++) {
    words += nWords[i];
    if (blocks[i].inArticle) articleWords += nWords[i];
  }
  // Prefix sums of the article flag for the window means.
  const pre = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) pre[i + 1] = pre[i] + (blocks[i].inArticle ? 1 : 0);
  for (let i = 0; i < n; i++) {
    const v = f.dense[i];
    const missing = Number.isNaN(articleP2[i]);
    v[COL.article_p2_missing] = +missing;
    v[COL.article_p2_logit] = missing ? 0 : logit(articleP2[i]);
    v[COL.in_region] = +blocks[i].inArticle;
    v[COL.readability_ok] = +readabilityOk;
    v[COL.article_word_share] = words ? articleWords / words : 0;
    v[COL.prev_in_article] = +(i > 0 && blocks[i - 1].inArticle);
    v[COL.next_in_article] = +(i + 1 < n && blocks[i + 1].inArticle);
    const lo = Math.max(0, i - WINDOW), hi = Math.min(n, i + WINDOW + 1);
    v[COL.window_in_article] = (pre[hi] - pre[lo]) / (hi - lo);
  }
}
