// Title and metadata. The title is the most title-like line just before the body, or the body's
// first or second line (a headline the body model kept leaves the body), scored by a small learned
// model (trained on the corpus' page titles); the lines between the title and the next body line
// that are not body are the article's metadata: byline, date, dek, source.
// Besides the line's shape and place, the model reads what a headline shares with its article:
// the share of its words the body's opening uses, and the share the page's URL path spells, each
// also against the best of the other candidates (the headline is usually the line that shares
// most, even where that share is low).
import { DENSE_INDEX as D, DENSE_SIZE, type DocFeatures } from "./features.ts";
import { fnv1a } from "./hash.ts";
import { dot, sigmoid, type Model } from "./model.ts";
import { tokenize } from "./tokenize.ts";

export const TITLE_FEATURES = [
  "bias", "log_words", "words_0_2", "words_3_5", "words_6_10", "words_11_20", "words_21_up",
  "ends_terminal", "ends_colon", "title_case_ratio", "stop_ratio", "all_caps", "has_separator",
  "has_date_like", "has_url", "repeats", "p_body",
  "dist_1", "dist_2_3", "dist_4_8", "dist_gt_8", "first_candidate", "no_body",
  "body_overlap", "body_overlap_half", "url_known", "url_overlap", "url_overlap_half",
  "body_overlap_3w", "body_overlap_4w", "url_overlap_3w", "body_overlap_half_4w",
  "kept", "kept_first", "kept_second",
  "body_overlap_lead", "body_overlap_best", "url_overlap_lead", "url_overlap_best",
  // The same evidence again when the text came without a URL (see below).
  "nourl_p_body", "nourl_dist_1", "nourl_first_candidate", "nourl_body_overlap_3w",
  "nourl_body_overlap_half_4w", "nourl_kept_first", "nourl_body_overlap_lead", "nourl_body_overlap_best",
] as const;
// The nourl_* features are the line's own and its body-overlap features again, 0 when the URL is
// known: without a URL the headline is told by its words coming back in the body, and a linear
// model needs its own weights for that case (url_known alone only moves the bias). Measured held
// out by site (articles, text posted without its URL; the title model trained on each page with
// and without its URL): page_text / loose_text recall 0.204 / 0.338 at precision 0.848 / 0.878,
// against 0.167 / 0.271 at 0.866 / 0.875 without them (with the URL 0.583 / 0.582 at 0.930 /
// 0.921, and within 0.01 of that without them). Every feature but the URL's copied (32 nourl_*
// features): 0.228 / 0.368 at 0.857 / 0.881, but with the URL page_text 0.574, and a sample's
// photo caption returned as its title; not kept.
/** For each nourl_* feature, the place of the feature it copies. */
const NO_URL_FROM = TITLE_FEATURES.flatMap((name) => (name.startsWith("nourl_") ? [TITLE_FEATURES.indexOf(name.slice("nourl_".length) as (typeof TITLE_FEATURES)[number])] : []));
const NO_URL_AT = TITLE_FEATURES.length - NO_URL_FROM.length;

// How far above the first body line the title is looked for. Titles sit within a few lines of
// the body, with a byline, date, dek, image credit or share row in between. Held out by site, in
// a prototype of this model (articles, page_text, P(title) > 0.3), 12 lines found 0.470 of the
// titles, 20 lines 0.479, 30 lines 0.489, at the same precision (0.835-0.845); 20 takes most of
// that for fewer candidates.
export const TITLE_WINDOW = 20;
// P(title) the best candidate needs to be returned as the title: the threshold that maximises
// F0.5 (precision weighs more: a wrong title misleads, or takes a body line) summed over both text
// inputs, held out by site (`npm run eval`, each page's fold model), articles. P counts a title
// returned on an article whose input holds none as wrong; R is the share of the inputs holding
// the title that get it. page_text P / R, loose_text P / R, F0.5 sum:
//   0.30: 0.835 / 0.647, 0.710 / 0.657, 1.487;   0.35: 0.859 / 0.629, 0.714 / 0.643, 1.498
//   0.40: 0.873 / 0.595, 0.747 / 0.607, 1.512;   0.45: 0.883 / 0.574, 0.766 / 0.590, 1.520
//   0.50: 0.892 / 0.540, 0.780 / 0.571, 1.516;   0.55: 0.906 / 0.511, 0.795 / 0.537, 1.510
// Before the lead features (body_overlap_lead ...) 0.3 was best, at 0.855 / 0.583, 0.749 / 0.612, 1.499.
const TITLE_MIN = 0.45;
// Text that comes without a URL (or one whose path has no words: url_known 0) keeps this
// threshold though its P(title) runs lower. Swept the same way (held out by site, articles, text
// posted without its URL, a first fit of the model with the nourl_* features; page_text P / R,
// loose_text P / R, F0.5 sum): 0.20: 0.709 / 0.524, 0.616 / 0.590, 1.273; 0.25: 0.728 / 0.444, 0.644 / 0.557,
// 1.270; 0.35: 0.752 / 0.314, 0.675 / 0.427, 1.192; 0.45: 0.799 / 0.193, 0.708 / 0.330, 1.067.
// The sum peaks at 0.20-0.25, but there a third of loose_text's titles are wrong, and on the
// samples two of the four titles returned were a photo caption and a donation appeal: a wrong
// title misleads, a missing one only stays where it was.
// Metadata lines are short: a dek is one sentence, a byline or date a few words. Set by hand,
// not tuned: 45 words holds a long one-sentence dek.
const META_MAX_WORDS = 45;
// body_overlap reads the body's first this many words: a headline's words come back in the
// article's opening. Set by hand, not tuned: the first dozen paragraphs or so, and a bound on the
// work (stamping them is most of the title's 7-10 us per document).
const TITLE_BODY_WORDS = 2000;
// A candidate "mostly" overlaps when at least this share of its words do (the *_half features).
const OVERLAP_HALF = 0.5;
// The overlaps again on lines of at least 3 and 4 words only (*_3w, *_4w): a menu line's one or
// two words come back in almost any body. In the prototype, held out by site, articles, at
// P(title) > 0.3, they lifted page_text from P 0.839 R 0.475 to 0.868 / 0.499 and loose_text from
// 0.755 / 0.427 to 0.768 / 0.449.
const OVERLAP_WORDS_3 = 3, OVERLAP_WORDS_4 = 4;
// The *_lead features are a candidate's gated overlap (3+ words) less the best of the other
// candidates', *_best whether it is the best (and above 0). With them, held out by site at the
// same P(title) threshold (0.3), the titles found rose from 0.583 to 0.647 (page_text) and 0.612
// to 0.657 (loose_text); at the threshold chosen with them (TITLE_MIN) precision rose instead.
// The body's first this many kept lines are title candidates too: a headline the body model kept
// is its first line, or its second after a kicker. In the prototype, held out by site, articles,
// at P(title) > 0.3, they lifted the titles found from 0.513 to 0.589 (page_text) and 0.457 to
// 0.618 (loose_text) and body F1 by 0.0004 / 0.0002 (the headline leaves the body); 3 lines
// found no more than 2. Anchoring the window on the first kept prose-like line instead (kept lines
// above it candidates too, for pages whose body starts with a stray kept line) found fewer: 0.572
// and 0.576.
const TITLE_KEPT_CANDIDATES = 2;

/** What a title candidate is compared with: the body's opening words and the URL path's, as word hashes. */
export interface TitleEvidence {
  /** body[h & mask] === gen: word hash h is in the body's opening; url[h & mask] === gen: in the URL's path. */
  body: Uint32Array;
  url: Uint32Array;
  gen: number;
  /** The URL's path has words. */
  urlKnown: boolean;
  /**
   * The largest and second largest gated overlaps (body_overlap_3w, url_overlap_3w) among the
   * document's candidates: a candidate is compared with the best of the others.
   */
  bodyTop: [number, number];
  urlTop: [number, number];
}

// Generation-stamped sets of masked word hashes, one per kind of evidence, shared by every
// document: a lookup is an array read, and a new document needs no clearing, only a new `gen`.
let BODY = new Uint32Array(0), URL_WORDS = new Uint32Array(0), GEN = 0;

/** Stamps the words of the URL's path (after the scheme and host) with `gen`, hashed as the document's words are. */
function stampUrlWords(url: string | undefined, mask: number, gen: number): boolean {
  if (!url) return false;
  const host = url.indexOf("://");
  let from = host < 0 ? 0 : host + 3;
  if (host >= 0) while (from < url.length && !"/?#".includes(url[from])) from++;
  let any = false;
  for (const w of tokenize(url.slice(from)).words) { URL_WORDS[fnv1a(w) & mask] = gen; any = true; }
  return any;
}

/**
 * The evidence for the document's title candidates: the words of its first TITLE_BODY_WORDS body
 * words after the body lines that are candidates themselves (lexical buckets: word j of line i is
 * bucketFlat[bucketStart[i] + 2j], lexical.ts) and its URL's.
 * The words are stamped into shared arrays: valid until the next call.
 */
export function titleEvidence(doc: DocFeatures, isBody: ArrayLike<boolean>, url: string | undefined, hashBits: number, c: TitleCandidates = titleCandidates(isBody)): TitleEvidence {
  const size = 1 << hashBits, mask = size - 1;
  if (BODY.length !== size) { BODY = new Uint32Array(size); URL_WORDS = new Uint32Array(size); GEN = 0; }
  if (GEN === 0xffffffff) { BODY.fill(0); URL_WORDS.fill(0); GEN = 0; }
  const gen = ++GEN;
  let left = TITLE_BODY_WORDS, skip = TITLE_KEPT_CANDIDATES;
  for (let i = 0; i < isBody.length && left > 0; i++) {
    if (!isBody[i] || skip-- > 0) continue;
    const at = doc.bucketStart[i], nw = Math.min(doc.nWords[i], left);
    for (let j = 0; j < nw; j++) BODY[doc.bucketFlat[at + 2 * j]] = gen;
    left -= nw;
  }
  const ev: TitleEvidence = { body: BODY, url: URL_WORDS, gen, urlKnown: stampUrlWords(url, mask, gen), bodyTop: [0, 0], urlTop: [0, 0] };
  forEachCandidate(c, isBody, (i) => {
    const nw = doc.nWords[i];
    if (nw < OVERLAP_WORDS_3) return;
    countOverlaps(doc, i, ev);
    pushTop(ev.bodyTop, HITS[0] / nw);
    pushTop(ev.urlTop, HITS[1] / nw);
  });
  return ev;
}

/** Keeps top = [largest, second largest] of the values pushed. */
function pushTop(top: [number, number], x: number): void {
  if (x > top[0]) { top[1] = top[0]; top[0] = x; } else if (x > top[1]) top[1] = x;
}

// countOverlaps' result: how many of the line's words are in the body's opening, and in the URL's path.
const HITS = new Int32Array(2);

/** Line i's words found in the evidence (word j of line i is bucketFlat[bucketStart[i] + 2j], lexical.ts), into HITS. */
function countOverlaps(doc: DocFeatures, i: number, ev: TitleEvidence): void {
  let inBody = 0, inUrl = 0;
  const at = doc.bucketStart[i], nw = doc.nWords[i];
  for (let j = 0; j < nw; j++) {
    const b = doc.bucketFlat[at + 2 * j];
    if (ev.body[b] === ev.gen) inBody++;
    if (ev.url[b] === ev.gen) inUrl++;
  }
  HITS[0] = inBody; HITS[1] = inUrl;
}

/** A candidate's gated overlap less the best of the other candidates' (top: the two largest of all). */
const lead = (x: number, top: [number, number]) => x - (x >= top[0] ? top[1] : top[0]);

/** Candidate line i's title features (training: a fresh row). */
export function titleFeatures(doc: DocFeatures, i: number, c: TitleCandidates, ev: TitleEvidence, pBody: number): Float32Array {
  return writeTitleFeatures(new Float32Array(TITLE_FEATURES.length), doc, i, c, ev, pBody);
}

// The row findTitleAndMeta scores each candidate from, reused (a fresh typed array per candidate,
// up to TITLE_WINDOW a document, was a tenth of the fixed cost of cleaning a one-line text).
const ROW = new Float32Array(TITLE_FEATURES.length);

/** titleFeatures written into `v` (every value set). */
function writeTitleFeatures(v: Float32Array, doc: DocFeatures, i: number, c: TitleCandidates, ev: TitleEvidence, pBody: number): Float32Array {
  const rank = c.kept.indexOf(i), noBody = c.noBody;
  // A kept candidate has no distance to the body: it is in it.
  const dist = rank >= 0 ? 0 : noBody ? i + 1 : c.to - i;
  const f = doc.denseFlat, o = i * DENSE_SIZE;
  const words = Math.expm1(f[o + D.log_words]);
  v[0] = 1; v[1] = f[o + D.log_words];
  v[2] = f[o + D.words_0_2]; v[3] = f[o + D.words_3_5]; v[4] = f[o + D.words_6_10];
  v[5] = f[o + D.words_11_20]; v[6] = +(words > 20);
  v[7] = f[o + D.ends_terminal]; v[8] = f[o + D.ends_colon]; v[9] = f[o + D.title_case_ratio];
  v[10] = f[o + D.stop_ratio]; v[11] = f[o + D.all_caps]; v[12] = f[o + D.has_separator];
  v[13] = f[o + D.has_date_like]; v[14] = f[o + D.has_url]; v[15] = f[o + D.repeats]; v[16] = pBody;
  v[17] = +(dist === 1); v[18] = +(dist >= 2 && dist <= 3); v[19] = +(dist >= 4 && dist <= 8); v[20] = +(dist > 8);
  v[21] = +(i === c.from); v[22] = +noBody;
  const nw = doc.nWords[i];
  countOverlaps(doc, i, ev);
  const body = nw ? HITS[0] / nw : 0, url = nw ? HITS[1] / nw : 0;
  v[23] = body; v[24] = +(body >= OVERLAP_HALF);
  v[25] = +ev.urlKnown; v[26] = url; v[27] = +(url >= OVERLAP_HALF);
  v[28] = nw >= OVERLAP_WORDS_3 ? body : 0; v[29] = nw >= OVERLAP_WORDS_4 ? body : 0;
  v[30] = nw >= OVERLAP_WORDS_3 ? url : 0; v[31] = +(nw >= OVERLAP_WORDS_4 && body >= OVERLAP_HALF);
  v[32] = +(rank >= 0); v[33] = +(rank === 0); v[34] = +(rank === 1);
  const body3 = nw >= OVERLAP_WORDS_3 ? body : 0, url3 = nw >= OVERLAP_WORDS_3 ? url : 0;
  v[35] = lead(body3, ev.bodyTop); v[36] = +(body3 > 0 && body3 >= ev.bodyTop[0]);
  v[37] = lead(url3, ev.urlTop); v[38] = +(url3 > 0 && url3 >= ev.urlTop[0]);
  for (let k = 0; k < NO_URL_FROM.length; k++) v[NO_URL_AT + k] = ev.urlKnown ? 0 : v[NO_URL_FROM[k]];
  return v;
}

/** The title's candidates: the lines of [from, to) above the first body line that are not body, and `kept`, the body's first lines. */
export interface TitleCandidates { from: number; to: number; noBody: boolean; kept: number[] }

export function titleCandidates(isBody: ArrayLike<boolean>): TitleCandidates {
  const kept: number[] = [];
  for (let i = 0; i < isBody.length && kept.length < TITLE_KEPT_CANDIDATES; i++) if (isBody[i]) kept.push(i);
  if (!kept.length) return { from: 0, to: Math.min(isBody.length, TITLE_WINDOW), noBody: true, kept };
  return { from: Math.max(0, kept[0] - TITLE_WINDOW), to: kept[0], noBody: false, kept };
}

/** Every candidate of `c`, in order: the window's lines that are not body, then the kept ones. */
export function forEachCandidate(c: TitleCandidates, isBody: ArrayLike<boolean>, fn: (i: number) => void): void {
  for (let i = c.from; i < c.to; i++) if (!isBody[i]) fn(i);
  for (const i of c.kept) fn(i);
}

export interface TitleMeta {
  title: number; // line index or -1
  meta: number[];
}

/** The title among the lines above the body and its first lines (`isBody`: kept lines), and the metadata below it. */
export function findTitleAndMeta(doc: DocFeatures, pBody: Float64Array, isBody: boolean[], url: string | undefined, model: Model): TitleMeta {
  const c = titleCandidates(isBody);
  const nWords = doc.nWords;
  let best = -1, bestP = TITLE_MIN;
  if (c.to <= c.from && !c.kept.length) return { title: -1, meta: [] };
  const ev = titleEvidence(doc, isBody, url, model.hashBits, c);
  forEachCandidate(c, isBody, (i) => {
    const p = sigmoid(dot(model.title, writeTitleFeatures(ROW, doc, i, c, ev, pBody[i])));
    if (p > bestP) { bestP = p; best = i; }
  });
  const meta: number[] = [];
  if (best >= 0 && !c.noBody) {
    // Up to the next body line after the title.
    for (let i = best + 1; i < isBody.length && !isBody[i]; i++) if (nWords[i] > 0 && nWords[i] <= META_MAX_WORDS) meta.push(i);
  }
  return { title: best, meta };
}
