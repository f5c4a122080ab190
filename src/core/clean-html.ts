// HTML mode's learned part, runtime-free: the page's blocks (read by src/html/read-page.ts with
// whatever DOM the runtime has) -> the text model on the block texts -> the HTML pass, which adds
// what the DOM knows (Readability's verdict, tags, links, landmarks, class names) -> assemble.
import type { Budget } from "./budget.ts";
import { analyze, assemble, clean, CONTEXT_MIN_LINES, decidedP, kept } from "./clean.ts";
import { firstH1 } from "./headline.ts";
import { confidenceFeatures, confidenceOf } from "./confidence.ts";
import { extractHtmlFeatures, HTML_CONTEXT_SIZE, htmlContextMatrix, LANDMARKS, setRegionFeatures, type BlockSignals, type HtmlFeatures } from "./html-features.ts";
import type { HtmlModel } from "./html-model.ts";
import { dot, hashedScore, sigmoid, type Model } from "./model.ts";
import { forestScoreRows, ROW_GROUP } from "./trees.ts";
import type { CleanOptions } from "./options.ts";
import { chooseRegion, LEARNED_REGION_CENTER, REGION_CENTER, type RegionInput } from "./region.ts";
import { regionProbabilities, type RegionScorer } from "./region-model.ts";
import type { SiteContext } from "./site-template.ts";
import type { CleanResult, HtmlTrace, PageInfo } from "./types.ts";

const FIGURE = 1 << LANDMARKS.indexOf("figure");
const NAV = 1 << LANDMARKS.indexOf("nav");

export interface HtmlBlocksInput {
  blocks: (BlockSignals & { text: string })[];
  readability: HtmlTrace["readability"];
  dom: string;
  title?: string;
  /** Every title the page declares, `title` first (PageMeta.titles). */
  titles?: string[];
  page: PageInfo;
  inputChars: number;
  /** The fast engine: the page's element table; the region is chosen from the text model's view
   *  (src/core/region.ts) instead of Readability's, and `inArticle` of the blocks is ignored. */
  region?: RegionInput;
  /** The page's JSON-LD article text (src/html/json-ld.ts): the body when the page shows next to none (withArticleBody). */
  articleBody?: string;
}

// Readability's region guides the filters only when it holds at least this share of the words of
// the page's blocks; below it Readability has found a fragment (a caption, a teaser) rather than
// the article, and the whole body is cleaned on its own. 0.02 = under ~1 paragraph in 50: on the
// corpus Readability's region is above it on nearly every page where it returns anything useful.
const MIN_ARTICLE_WORD_SHARE = 0.02;

/**
 * The text model's view of the blocks and the HTML pass's features; shared with training. With an
 * element table (the fast engine) the region is chosen from `regionScorer`'s P(body) of each block,
 * or from the text model's without one; `regionP` is what it was chosen from.
 */
export function blockFeatures(given: Pick<HtmlBlocksInput, "blocks" | "readability" | "page" | "region">, model: Model, hashBits: number, langHint?: string, budget?: Budget, regionScorer?: RegionScorer) {
  const n = given.blocks.length;
  const a = analyze(given.blocks.map((b) => b.text), Int32Array.from({ length: n }, (_, i) => i), model, langHint ?? given.page.lang, budget);
  const nWords = a.doc.nWords;
  let regionP: ArrayLike<number> = a.p2, center = REGION_CENTER, f0: HtmlFeatures | undefined;
  if (given.region && regionScorer) {
    // Scored without a region (the scorer reads none of its columns); the rows are reused below.
    f0 = extractHtmlFeatures(given.blocks, a.p1, a.p2, new Float64Array(n).fill(NaN), nWords, false, hashBits);
    regionP = regionProbabilities(regionScorer, f0);
    center = LEARNED_REGION_CENTER;
  }
  const input = given.region ? withRegion(given, chooseRegion(given.region, nWords, regionP, center)) : given;
  let words = 0, articleWords = 0;
  input.blocks.forEach((b, i) => { words += nWords[i]; if (b.inArticle) articleWords += nWords[i]; });
  const useArticle = input.readability === "ok" && words > 0 && articleWords / words >= MIN_ARTICLE_WORD_SHARE;
  const signals = useArticle ? input.blocks : input.blocks.map((b) => ({ ...b, inArticle: false }));
  // The text model again on Readability's region alone: the view a column scraper gives it.
  const articleP2 = new Float64Array(n).fill(NaN);
  if (useArticle) {
    const at: number[] = [];
    for (let i = 0; i < n; i++) if (signals[i].inArticle) at.push(i);
    const pa = analyze(at.map((i) => input.blocks[i].text), Int32Array.from(at), model, langHint ?? input.page.lang).p2;
    at.forEach((i, k) => { articleP2[i] = pa[k]; });
  }
  let f: HtmlFeatures;
  if (f0) { setRegionFeatures(f0, signals, articleP2, nWords, useArticle); f = f0; }
  else f = extractHtmlFeatures(signals, a.p1, a.p2, articleP2, nWords, useArticle, hashBits);
  const articleBlocks = input.blocks.reduce((s, b) => s + (b.inArticle ? 1 : 0), 0);
  return { a, f, nWords, useArticle, markers: a.markers, articleBlocks, signals, regionP, regionCenter: center };
}

/** The blocks marked with the fast engine's region, which takes Readability's place. */
function withRegion<T extends Pick<HtmlBlocksInput, "blocks" | "readability">>(input: T, inside: Uint8Array): T {
  return { ...input, blocks: input.blocks.map((b, i) => ({ ...b, inArticle: inside[i] === 1 })), readability: inside.includes(1) ? "ok" : "null" };
}

// When the HTML pass keeps fewer words than this of a page on which the text model's own reading
// of the blocks keeps at least as many, the text model decides (html.path "text"): an empty answer
// is the worst one. It happens where the HTML pass has not seen such a page: a store's category
// page that is links and headings only, a man page whose <pre> splits into line fragments. Chosen
// on the fast engine's out-of-fold output of the corpus (all pages' F1 0.8881 without): under
// 1 / 10 / 20 / 50 / 100 words, 1 / 2 / 3 / 7 / 30 pages change, 0.8889 / 0.8896 / 0.8899 /
// 0.8888 / 0.8857 (the articles' 0.9591 unchanged up to 50). Also deciding by the text model
// where the HTML pass keeps under a share of what it keeps did worse: under 0.1 / 0.2 / 0.3 of
// it, 5 / 12 / 21 pages change, 0.8893 / 0.8885 / 0.8857.
const FALLBACK_MIN_WORDS = 20;

/** Words on the lines whose P(body) reaches the threshold. */
function keptWords(p: Float64Array, threshold: number, nWords: ArrayLike<number>): number {
  let w = 0;
  for (let i = 0; i < p.length; i++) if (p[i] >= threshold) w += nWords[i];
  return w;
}

/** P(body) of each block from the HTML pass. */
export function scoreBlocks(input: HtmlBlocksInput, model: Model, htmlModel: HtmlModel, langHint?: string, budget?: Budget) {
  const { a, f, nWords, useArticle, markers, articleBlocks, signals } = blockFeatures(input, model, htmlModel.hashBits, langHint, budget, htmlModel.region);
  const n = f.dense.length;
  const pBlock = new Float64Array(n);
  for (let i = 0; i < n; i++) pBlock[i] = sigmoid(dot(htmlModel.dense, f.dense[i]) + hashedScore(htmlModel.hashed, f.hashed[i]));
  // The context pass's rows side by side in one array, scored eight at a time (forestScoreRows:
  // the same sums as forestScore row by row, the rows being float32); one by one, the fast engine's
  // 300 trees were a tenth of its CPU time.
  const rows = htmlContextMatrix(pBlock, a.doc.denseFlat, nWords, markers, f.dense, signals, ROW_GROUP);
  const p = new Float64Array(n);
  forestScoreRows(htmlModel.context, rows, HTML_CONTEXT_SIZE, n, p, 0);
  for (let i = 0; i < n; i++) p[i] = sigmoid(p[i]);
  return { a, pBlock, p, nWords, useArticle, articleBlocks };
}

export function cleanHtmlBlocks(input: HtmlBlocksInput, opts: CleanOptions, model: Model, htmlModel: HtmlModel, budget?: Budget, site?: SiteContext): CleanResult {
  const scored = scoreBlocks(input, model, htmlModel, undefined, budget);
  const result = assembleBlocks(input, scored, opts, model, htmlModel, site);
  if (!input.articleBody) return result;
  // Whether the page shows next to nothing is read on its balanced body, whatever the preference
  // (as textDecides is): else "precision" took the articleBody where "recall" kept a teaser.
  const balanced = opts.preference === "balanced" ? result : assembleBlocks(input, scored, { ...opts, preference: "balanced", explain: false }, model, htmlModel);
  return wordCount(balanced.text) < FALLBACK_MIN_WORDS ? withArticleBody(result, input.articleBody, opts, model) : result;
}

// A page whose body keeps fewer words than FALLBACK_MIN_WORDS (above) while its JSON-LD article
// holds an articleBody of at least this many words is a shell its scripts fill (a single-page
// app): the body is then the articleBody, read by the text model (html.path "json-ld"). 50 words
// is about two short paragraphs, as confidence.ts's FEW_WORDS. On the corpus no page reaches it
// (56 pages have an articleBody; each keeps its own text).
const ARTICLE_BODY_MIN_WORDS = 50;
// An articleBody that holds markup ("<p>", "<br/>") is not read: the text model reads text.
const MARKUP_RE = /<\/?[a-z][^>]{0,200}>/i;

const wordCount = (s: string) => s.split(/\s+/).filter((w) => w.length > 0).length;

/**
 * The page's JSON-LD articleBody as its body (the page itself shows next to none). Title,
 * byline, date and the page's metadata stay the page's; the body, `removed`, `lines` and the
 * confidence are the text model's on the articleBody (its lines, numbered from 0).
 */
export function withArticleBody(result: CleanResult, articleBody: string, opts: CleanOptions, model: Model): CleanResult {
  if (wordCount(articleBody) < ARTICLE_BODY_MIN_WORDS || MARKUP_RE.test(articleBody)) return result;
  const r = clean(articleBody, { ...opts, format: "text", siteTemplate: "off" }, model);
  return {
    ...r,
    title: result.title ?? r.title,
    meta: result.meta.length ? result.meta : r.meta,
    mode: "html",
    language: result.language === "und" ? r.language : result.language,
    stats: { ...r.stats, inputChars: result.stats.inputChars },
    model: result.model,
    ...(result.page ? { page: result.page } : {}),
    ...(result.html ? { html: { ...result.html, path: "json-ld" as const } } : {}),
  };
}

/** The result from the blocks' P(body) (scoreBlocks): threshold, confidence, title and metadata, removed blocks with their reasons. */
export function assembleBlocks(input: HtmlBlocksInput, scored: ReturnType<typeof scoreBlocks>, opts: CleanOptions, model: Model, htmlModel: HtmlModel, site?: SiteContext): CleanResult {
  const { a, nWords, useArticle, articleBlocks } = scored;
  const languageKnown = a.doc.language !== "und";
  // Next to nothing kept where the text model reads more: its reading of the blocks decides. Decided
  // at the balanced thresholds whatever the preference, so one model's reading decides all three.
  // A page of one or two blocks is read as text mode reads one or two lines (clean.ts's
  // CONTEXT_MIN_LINES): the HTML pass learned from whole pages and from articles' body blocks
  // alone, and kept a lone "Share this article", or one under a paragraph, at P 0.96-0.99.
  const few = a.texts.length > 0 && a.texts.length < CONTEXT_MIN_LINES;
  const textDecides = few || (keptWords(scored.p, htmlModel.file.thresholds.balanced, nWords) < FALLBACK_MIN_WORDS && keptWords(a.p2, model.file.thresholds.balanced, nWords) >= FALLBACK_MIN_WORDS);
  const { pBlock, p, weights } = textDecides
    ? { pBlock: a.p1, p: decidedP(a), weights: model }
    : { pBlock: scored.pBlock, p: scored.p, weights: htmlModel };
  const threshold = weights.file.thresholds[opts.preference], balancedThreshold = weights.file.thresholds.balanced;
  const confidenceFor = (k: readonly boolean[], leaveOut?: ArrayLike<number>) => confidenceOf(confidenceFeatures(p, pBlock, k, nWords, threshold, languageKnown, leaveOut), weights);
  const confidence = confidenceFor(kept(p, threshold));
  const headings = input.blocks.map((b) => b.heading);
  const known = {
    title: input.title,
    titles: input.titles,
    // A page that declares no title (a body sent alone): its first <h1> when the title model finds
    // no line. On the corpus's articles sent as their body's contents (fast engine, 654 whose text
    // holds the title): 423 of 464 titles right without, 508 of 560 with (the <h1> first: 495).
    headline: input.title === undefined ? firstH1(headings) : -1,
    siteName: input.page.siteName,
    headings,
    metaLines: [input.page.byline, input.page.published].filter((x): x is string => !!x),
    categoryHints: input.blocks.map((b) => ((b.flags & FIGURE) ? "caption" as const : (b.flags & NAV) ? "navigation" as const : undefined)),
    site,
    confidenceFor,
  };
  // In explain, "raw" is the block pass (before the neighbours), "score" the final pass (the text
  // model's two passes when it decides).
  const result = assemble({ ...a, p1: pBlock }, p, threshold, balancedThreshold, confidence, opts, model, "html", input.inputChars, known);
  result.model = `${model.version}+${htmlModel.version}`;
  result.page = input.page;
  const fast = input.region !== undefined;
  result.html = {
    engine: fast ? "fast" : "readability",
    dom: input.dom,
    readability: fast ? "skipped" : input.readability,
    path: textDecides ? "text" : useArticle ? (fast ? "region" : "readability") : "body",
    blocks: input.blocks.length,
    articleBlocks,
  };
  if (input.page.lang && result.language === "und") result.language = input.page.lang;
  return result;
}
