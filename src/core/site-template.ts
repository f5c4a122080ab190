// Site templates: what recurs across a site's pages is its template (menus, footers, newsletter
// and donation appeals, "most read" headings, share rows), whatever its words or language. A
// template is learned from pages of one site: every distinct line of a page (white space and
// case normalised) counts the pages it was seen on. Cleaning a page of that site, a line the model kept as body but that sits on
// enough of the site's other pages is removed as part of the template. The template holds hashes
// of lines, never their text. Runtime-free: where templates are kept is the host's business.
import { fnv1a } from "./hash.ts";
import { lineKey } from "./line-scan.ts";
import { tokenize } from "./tokenize.ts";

export interface SiteTemplate {
  /** Format of the stored object. */
  v: 1;
  /** Pages learned in all (the window below holds the last TEMPLATE_WINDOW of them). */
  pages: number;
  /** Per recent page, oldest first, the keys (templateKey) of its distinct lines of TEMPLATE_MIN_WORDS+ words. */
  recent: string[][];
}

// The template is used once this many pages of the site have been learned: one other page says
// nothing about what recurs.
export const TEMPLATE_MIN_PAGES = 2;
// A kept line is template when it has at least TEMPLATE_MIN_WORDS words and is on at least
// TEMPLATE_MIN_SHARE of the learned pages (two at least). Chosen on the corpus's 30 sites with 3+
// pages (129 pages), each page cleaned with the template of its site's other pages (`npm run
// eval`, "site templates"); all pages' F1, page_text / loose_text, 0.6834 / 0.7341 without:
//   share:        0.5              0.75             1
//   words >= 1:   0.6929 / 0.7333  0.6938 / 0.7349  0.6925 / 0.7344
//   words >= 4:   0.6929 / 0.7336  0.6952 / 0.7349  0.6933 / 0.7343
//   words >= 6:   0.6913 / 0.7312  0.6931 / 0.7348  0.6918 / 0.7342
// Shorter lines are an article's own structure as often as a template's ("Pros", "Cons",
// "Note", "return (" recur across a site's articles and are body in the gold). Digits are kept in
// the key: read as 0, product pages' "Part Number IF145-475-1" lines (body in the gold) matched
// across pages, and the 4 / 0.75 cell fell to 0.6944 / 0.7336.
export const TEMPLATE_MIN_SHARE = 0.75;
export const TEMPLATE_MIN_WORDS = 4;
// A template holds the lines of the site's last this many pages learned: a site changes its
// menus and appeals, and what it dropped is forgotten. Set by hand, not tuned: enough pages for
// TEMPLATE_MIN_SHARE to mean "most pages", few enough to follow a redesign within weeks.
export const TEMPLATE_WINDOW = 20;
// At most this many lines are kept per page (half from the top, half from the bottom), which
// bounds a template to 20 x 300 keys (some 60 KB as JSON). Set by hand, not tuned: a page's
// header, appeals and footer come to a few dozen lines of four words or more.
export const TEMPLATE_PAGE_KEYS = 300;
// A page whose kept words would be more than this share template is not cut at all: it is a copy
// of a page already learned (an AMP twin, a reprint), not a page wrapped in the site's template.
// Set by hand, not tuned: a template line that survives the model is a sentence or two.
const TEMPLATE_MAX_BODY_SHARE = 0.5;

/** What cleaning one page reads and writes of its site's template (the host stores it). */
export interface SiteContext {
  /** The template learned from the site's pages so far, if any: its kept lines are cut. */
  template?: SiteTemplate | null;
  /**
   * Learn this page too: cleaning sets `page` to the page as a template holds it (pageKeys), and
   * the host's store adds it to the site's template as it stands then (SiteStore.learn), not to
   * the one read above: another page of the site may have been learned in between.
   */
  learn?: boolean;
  page?: string[];
}

export function emptyTemplate(): SiteTemplate {
  return { v: 1, pages: 0, recent: [] };
}

/** A line's key in a template: its normalised text (lineKey) hashed, base 36. */
export function templateKey(text: string): string {
  return fnv1a(lineKey(text)).toString(36);
}

// Words as the features count them (scripts without spaces: a word per character), so that a
// line learned is a line templateCuts can match.
const wordsOf = (text: string) => tokenize(text).words.length;

/**
 * A page as a template holds it (`lines`: every line of the page, as sent): the keys of its
 * distinct lines that could be template (TEMPLATE_MIN_WORDS+ words), at most TEMPLATE_PAGE_KEYS
 * of them, half from the page's top and half from its bottom, where a template's lines are.
 */
export function pageKeys(lines: readonly string[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (wordsOf(line) < TEMPLATE_MIN_WORDS) continue;
    const k = templateKey(line);
    if (!seen.has(k)) { seen.add(k); keys.push(k); }
  }
  const half = TEMPLATE_PAGE_KEYS / 2;
  return keys.length <= TEMPLATE_PAGE_KEYS ? keys : [...keys.slice(0, half), ...keys.slice(-half)];
}

/** The template (none yet: null) with one more page (pageKeys) learned: a new object. */
export function addPage(t: SiteTemplate | null, page: string[]): SiteTemplate {
  const base = t ?? emptyTemplate();
  return { v: 1, pages: base.pages + 1, recent: [...base.recent, page].slice(-TEMPLATE_WINDOW) };
}

/** The template with one more page learned from its lines (as sent): addPage of pageKeys. */
export const learnPage = (t: SiteTemplate, lines: readonly string[]): SiteTemplate => addPage(t, pageKeys(lines));

// Per template object, how many recent pages hold each key: made once per object (a store that
// keeps templates in memory hands out the same object until it learns a page).
const COUNTS = new WeakMap<SiteTemplate, Map<string, number>>();

function countsOf(t: SiteTemplate): Map<string, number> {
  let m = COUNTS.get(t);
  if (!m) {
    m = new Map();
    for (const page of t.recent) for (const k of page) m.set(k, (m.get(k) ?? 0) + 1);
    COUNTS.set(t, m);
  }
  return m;
}

/** Recent pages a line must be on, with `window` recent pages learned (Infinity: the template is not used yet). */
export function templatePagesNeeded(window: number): number {
  return window < TEMPLATE_MIN_PAGES ? Infinity : Math.max(2, Math.ceil(TEMPLATE_MIN_SHARE * window));
}

/**
 * Per line, the recent pages it is on when it is a kept line of the template (else 0); null
 * when nothing is to be cut: the template is not in use yet, no kept line is in it, or the cut
 * would take more than TEMPLATE_MAX_BODY_SHARE of the kept words.
 */
export function templateCuts(t: SiteTemplate, texts: readonly string[], keep: readonly boolean[], nWords: ArrayLike<number>): Int32Array | null {
  const need = templatePagesNeeded(t.recent.length);
  if (need === Infinity) return null;
  const counts = countsOf(t);
  const cuts = new Int32Array(texts.length);
  let keptWords = 0, cutWords = 0;
  for (let i = 0; i < texts.length; i++) {
    if (!keep[i]) continue;
    keptWords += nWords[i];
    if (nWords[i] < TEMPLATE_MIN_WORDS) continue;
    const c = counts.get(templateKey(texts[i])) ?? 0;
    if (c >= need) { cuts[i] = c; cutWords += nWords[i]; }
  }
  if (cutWords === 0 || cutWords > TEMPLATE_MAX_BODY_SHARE * keptWords) return null;
  return cuts;
}

/** What a site's template holds, as the API shows it: counts, never lines (it has no text). */
export interface TemplateSummary {
  /** Pages learned in all. */
  pages: number;
  /** Of those, the last ones the template holds (at most TEMPLATE_WINDOW). */
  window: number;
  /** Distinct lines over those pages. */
  lines: number;
  /** Lines on enough of them to be cut from a page (on `needed` pages or more). */
  templateLines: number;
  /** Pages of the window a kept line must be on to be cut; null before TEMPLATE_MIN_PAGES pages. */
  needed: number | null;
}

export function summarizeTemplate(t: SiteTemplate): TemplateSummary {
  const need = templatePagesNeeded(t.recent.length);
  const counts = countsOf(t);
  let templateLines = 0;
  for (const c of counts.values()) if (c >= need) templateLines++;
  return { pages: t.pages, window: t.recent.length, lines: counts.size, templateLines, needed: need === Infinity ? null : need };
}

const KEY = /^[0-9a-z]{1,7}$/;

/** Whether a value read back or received (a file, a message between processes) is a page as pageKeys makes it. */
export const isPage = (page: unknown): page is string[] =>
  Array.isArray(page) && page.length <= TEMPLATE_PAGE_KEYS && page.every((k) => typeof k === "string" && KEY.test(k));

/** A stored template as read back (a KV value, a file): checked and bounded, or null when it is not one. */
export function parseTemplate(value: unknown): SiteTemplate | null {
  if (!value || typeof value !== "object") return null;
  const t = value as Partial<SiteTemplate>;
  if (t.v !== 1 || !Number.isSafeInteger(t.pages) || (t.pages as number) < 0 || !Array.isArray(t.recent)) return null;
  const recent = t.recent.slice(-TEMPLATE_WINDOW);
  if (recent.length > (t.pages as number)) return null;
  if (!recent.every(isPage)) return null;
  return { v: 1, pages: t.pages as number, recent };
}
