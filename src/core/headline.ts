// The headline a page shows, found from the title it declares. A page's declared title (og:title,
// <title>, Readability's) is often not the line it shows above the article: it carries the site's
// name ("Machine learning, explained | MIT Sloan"), or an SEO wording of the headline ("Which Social
// Media Marketing Certification is Best?" over "Social Media Marketing Certifications and
// Certificates"). The line that is the title is removed from the body, and its text is the title
// returned; so the visible headline is looked for: a line near the top equal to the declared title,
// else the heading (an <h1> first) most like it by string-similarity's Dice coefficient on
// character bigrams, when that reaches HEADLINE_MIN_SIMILARITY.
// A CommonJS module: its default export is the one every runtime and bundler agrees on.
import stringSimilarity from "string-similarity";
import { lineKey } from "./line-scan.ts";

// The declared title is looked for among the first lines only (headline lists further down repeat
// other pages' titles), but an <h1> anywhere: a page's header can run past 60 blocks (a menu of 96),
// and a page's <h1> is its own headline. Measured on the corpus's 657 articles whose text holds
// their title (fast engine, `npm run eval`, titles right): <h1>s in the first 60 blocks only 619
// (exact 585); anywhere 640 (613).
export const TITLE_SEARCH_LINES = 60;
// Chosen on the corpus's 701 articles (fast engine's blocks), counting returned titles whose tokens
// equal the corpus's page title: the declared title 421 (408 before its leftover references were
// decoded); with the most similar heading at Dice >= 0.3 / 0.4 / 0.5 / 0.6, headings of any level,
// 524 / 526 / 524 / 514; an <h1> first, then the other levels, 532 / 534 / 528 / 516. Also trying
// any line at >= 0.8 when no heading matched found 1-3 fewer.
const HEADLINE_MIN_SIMILARITY = 0.4;
// Past the first lines, at most this many <h1>s are compared: a page of thousands of them (a hostile
// one) would cost a similarity per <h1> per declared title. Set by hand: a page's own headline is
// among its first <h1>s.
const MAX_LATE_H1 = 10;
// Lines longer than this are prose, not headings, and are not compared (a bound on the work too).
const HEADLINE_MAX_CHARS = 400;

/**
 * The line among the first TITLE_SEARCH_LINES (or an <h1> past them) that is the page's headline,
 * given the title it declares, or -1. `heading[i]` is line i's heading level (1-6; 0 when it is not
 * a heading); without it only a line equal to the title is found; with `headingsOnly`, only a
 * heading is.
 */
export function headlineLine(texts: readonly string[], title: string, heading?: ArrayLike<number>, headingsOnly = false): number {
  const want = lineKey(title);
  if (!want) return -1;
  const end = Math.min(texts.length, TITLE_SEARCH_LINES);
  // A line equal to the title wins wherever it is; else the best <h1>, else the best heading of
  // another level. Past the first lines only an <h1> is looked at (a long header pushes it down).
  let best = -1, bestScore = 0, bestH1 = -1, bestH1Score = 0, late = 0;
  for (let i = 0; i < (heading ? texts.length : end); i++) {
    if (i >= end && (heading![i] !== 1 || ++late > MAX_LATE_H1)) continue;
    const key = lineKey(texts[i]);
    if (key === want && (!headingsOnly || (heading && heading[i] > 0))) return i;
    if (!heading || !(heading[i] > 0) || texts[i].length > HEADLINE_MAX_CHARS) continue;
    const s = stringSimilarity.compareTwoStrings(key, want);
    if (s < HEADLINE_MIN_SIMILARITY) continue;
    if (heading[i] === 1 && s > bestH1Score) { bestH1 = i; bestH1Score = s; }
    if (s > bestScore) { best = i; bestScore = s; }
  }
  return bestH1 >= 0 ? bestH1 : best;
}

/** The first <h1> among the first TITLE_SEARCH_LINES lines (`heading`: each line's level), or -1. */
export function firstH1(heading: ArrayLike<number>): number {
  for (let i = 0; i < Math.min(heading.length, TITLE_SEARCH_LINES); i++) if (heading[i] === 1) return i;
  return -1;
}

/** `line` reads as the declared `title`: equal to it, or as like it as a heading must be (HEADLINE_MIN_SIMILARITY). */
export function likeTitle(line: string, title: string): boolean {
  const a = lineKey(line), b = lineKey(title);
  return !!a && !!b && line.length <= HEADLINE_MAX_CHARS && (a === b || stringSimilarity.compareTwoStrings(a, b) >= HEADLINE_MIN_SIMILARITY);
}

// A separator between a title and the site's name: " | ", " - ", " – ", " — ", " · ", " • ",
// " » ", " :: " (spaced: "Anti-Sales" and "YES:" are not separators).
const SITE_SEPARATOR = / (?:[|\-–—·•»]|::) /g;
// A suffix shorter than this (compacted) is not taken for the site's name ("TV", "AI").
const SITE_SUFFIX_MIN_CHARS = 3;

const compact = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * The declared title without a site's name after its last separator ("Top Nine Financial Tips for
 * Working Adults | CBC Bank"), when that part names the site: it is, holds or is held by the page's
 * site name (og:site_name) or the first label of the URL's host past "www.". For a title the page
 * does not show as a line or heading (headlineLine found none). Measured on the corpus's 657
 * articles whose text holds their title (fast engine): of the 253 titles found on no line, 40 more
 * equal the page's title word for word, and none that did stops doing so.
 */
export function withoutSiteName(title: string, siteName?: string, url?: string): string {
  let cut = -1, after = -1;
  for (const m of title.matchAll(SITE_SEPARATOR)) { cut = m.index; after = m.index + m[0].length; }
  if (cut <= 0) return title;
  const suffix = compact(title.slice(after));
  if (suffix.length < SITE_SUFFIX_MIN_CHARS || !compact(title.slice(0, cut))) return title;
  const names = [siteName ? compact(siteName) : "", hostLabel(url)].filter((x) => x.length >= SITE_SUFFIX_MIN_CHARS);
  return names.some((name) => name.includes(suffix) || suffix.includes(name)) ? title.slice(0, cut).trim() : title;
}

function hostLabel(url: string | undefined): string {
  if (!url) return "";
  try {
    return compact(new URL(url).hostname.replace(/^www\./, "").split(".")[0]);
  } catch {
    return "";
  }
}
