// Page metadata from the <head> and the page itself: title, byline, published date, site name,
// language and canonical URL. Readability's own findings (from JSON-LD and meta tags) win where it
// has them; these readers fill the gaps and work when Readability finds no article.

import type { PageInfo } from "../core/types.ts";
import { EntityDecoder } from "./decode-entities.ts";

export interface PageMeta extends PageInfo {
  title?: string;
  /**
   * Every title the page declares, distinct, in the order they are preferred: JSON-LD's headline or
   * Readability's, og:title, twitter:title, <title>. The first one shown on the page as a line or
   * heading is the title (headline.ts); a JSON-LD headline can be a cut description.
   */
  titles?: string[];
}

// Meta values longer than this are not metadata (a hostile page can put megabytes in one).
const MAX_META_CHARS = 1000;

/** A <meta>'s key and content, as the metadata readers look them up. */
export const metaPair = (attr: (name: string) => string | null): [string, string | null] => [
  (attr("property") ?? attr("name") ?? attr("itemprop") ?? "").toLowerCase(),
  attr("content"),
];

/** The page's <meta> key/content pairs in document order, read once. */
function metaPairs(doc: Document): [string, string | null][] {
  return Array.from(doc.querySelectorAll("meta"), (el) => metaPair((n) => el.getAttribute(n)));
}

/** The first non-empty content, in document order, of a <meta> with one of these keys (and that `accept` takes). */
function metaContent(pairs: [string, string | null][], keys: string[], accept?: (v: string) => boolean): string | undefined {
  for (const [key, content] of pairs) {
    if (!keys.includes(key)) continue;
    const v = clip(content);
    if (v && (!accept || accept(v))) return v;
  }
  return undefined;
}

// A byline names people, but pages put a profile's URL (Open Graph's article:author is one), an
// email address or an author's numeric or hex ID in the author fields: 28 of the corpus's 1,266
// pages returned such a byline (fast engine; 22 of them a Facebook page). Such a value is passed
// over for the next source (another author <meta>, JSON-LD's author name).
const NOT_A_NAME_RE = /^(?:[a-z][a-z\d+.-]*:\/\/|www\.)\S*$|^[^\s@]+@[^\s@]+\.[^\s@]+$|^[\d\s._-]+$|^(?=\S*\d)[\da-f-]{8,}$/i;
const isName = (v: string): boolean => !NOT_A_NAME_RE.test(v);

// A character reference left in a value already decoded: the page escaped it twice (WordPress
// themes write og:title="Tools &amp;#8211; Spreadsheet"); decoding it made 13 more of the
// corpus's 701 articles' titles right word for word (408 -> 421, fast engine).
const LEFTOVER_REFERENCE = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;
const decoder = new EntityDecoder();

function clip(v: string | null | undefined): string | undefined {
  let t = (v ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_META_CHARS);
  if (LEFTOVER_REFERENCE.test(t)) t = decoder.rcdata(t).trim();
  return t || undefined;
}

function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/** What the metadata is read from, however the page was read (a DOM, or the streaming segmenter). */
export interface MetaSources {
  /** The page's <meta> key/content pairs in document order (key: property, name or itemprop). */
  metas: [string, string | null][];
  htmlLang?: string | null;
  /** href of the first <link rel=canonical>. */
  canonicalHref?: string | null;
  /** Text of the first <title>. */
  titleText?: string | null;
}

export function pageMetaFrom(src: MetaSources, url?: string): PageMeta {
  const htmlLang = src.htmlLang ?? undefined;
  const lang = htmlLang ? htmlLang.trim().toLowerCase().split(/[-_]/)[0] || undefined : undefined;
  const metas = src.metas;
  const canonical = src.canonicalHref ?? metaContent(metas, ["og:url"]);
  const titles = distinct([metaContent(metas, ["og:title"]), metaContent(metas, ["twitter:title"]), clip(src.titleText)]);
  return {
    title: titles[0],
    titles,
    byline: metaContent(metas, ["author", "article:author", "parsely-author", "dc.creator"], isName),
    published: metaContent(metas, ["article:published_time", "datepublished", "date", "dc.date", "parsely-pub-date"]),
    siteName: metaContent(metas, ["og:site_name", "application-name"]),
    lang: lang && /^[a-z]{2,3}$/.test(lang) ? lang : undefined,
    canonicalUrl: resolveUrl(clip(canonical), url),
    excerpt: metaContent(metas, ["description", "og:description"]),
  };
}

export function readPageMeta(doc: Document, url?: string): PageMeta {
  return pageMetaFrom({
    metas: metaPairs(doc),
    htmlLang: doc.documentElement?.getAttribute("lang"),
    canonicalHref: doc.querySelector('link[rel="canonical" i]')?.getAttribute("href"),
    titleText: pageTitle(doc),
  }, url);
}

/** The text of the page's <title>: the first not inside <svg> or <math>, whose <title> names a drawing. */
function pageTitle(doc: Document): string | null | undefined {
  for (const el of doc.querySelectorAll("title")) if (!el.closest("svg, math")) return el.textContent;
  return undefined;
}

/** Readability's findings (or JSON-LD's) over ours, field by field, each read as a meta value is. */
export function mergeMeta(ours: PageMeta, theirs: Partial<Record<Exclude<keyof PageMeta, "titles">, string | null | undefined>>): PageMeta {
  const out: PageMeta = { ...ours };
  for (const k of ["title", "byline", "published", "siteName", "excerpt"] as const) {
    const v = clip(theirs[k]);
    if (v && (k !== "byline" || isName(v))) out[k] = v;
  }
  if (out.title !== ours.title) out.titles = distinct([out.title, ...(ours.titles ?? [])]);
  return out;
}

const distinct = (xs: (string | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => !!x))];
