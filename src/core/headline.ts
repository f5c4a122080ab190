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

// The declared title is looked for among the first lines only (headline lists further down repeat
// other pages' titles); 60 blocks reach past the longest page header in the corpus.
export const TITLE_SEARCH_LINES = 60;
// Chosen on the corpus's 701 articles (fast engine's blocks), counting returned titles whose tokens
// equal the corpus's page title: the declared title 421 (408 before its leftover references were
// decoded); with the most similar heading at Dice >= 0.3 / 0.4 / 0.5 / 0.6, headings of any level,
// 524 / 526 / 524 / 514; an <h1> first, then the other levels, 532 / 534 / 528 / 516. Also trying
// any line at >= 0.8 when no heading matched found 1-3 fewer.
const HEADLINE_MIN_SIMILARITY = 0.4;
// Lines longer than this are prose, not headings, and are not compared (a bound on the work too).
const HEADLINE_MAX_CHARS = 400;

const norm = (t: string) => t.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * The line among the first TITLE_SEARCH_LINES that is the page's headline, given the title it
 * declares, or -1. `heading[i]` is line i's heading level (1-6; 0 when it is not a heading); without
 * it only a line equal to the title is found.
 */
export function headlineLine(texts: readonly string[], title: string, heading?: ArrayLike<number>): number {
  const want = norm(title);
  if (!want) return -1;
  const end = Math.min(texts.length, TITLE_SEARCH_LINES);
  for (let i = 0; i < end; i++) if (norm(texts[i]) === want) return i;
  if (!heading) return -1;
  // The best <h1>, else the best heading of another level.
  let best = -1, bestScore = 0, bestH1 = -1, bestH1Score = 0;
  for (let i = 0; i < end; i++) {
    if (!(heading[i] > 0) || texts[i].length > HEADLINE_MAX_CHARS) continue;
    const s = stringSimilarity.compareTwoStrings(norm(texts[i]), want);
    if (s < HEADLINE_MIN_SIMILARITY) continue;
    if (heading[i] === 1 && s > bestH1Score) { bestH1 = i; bestH1Score = s; }
    if (s > bestScore) { best = i; bestScore = s; }
  }
  return bestH1 >= 0 ? bestH1 : best;
}
