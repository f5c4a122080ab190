// Page metadata from the <head> and the page itself: title, byline, published date, site name,
// language and canonical URL. Readability's own findings (from JSON-LD and meta tags) win where it
// has them; these readers fill the gaps and work when Readability finds no article.

import type { PageInfo } from "../core/types.ts";

export interface PageMeta extends PageInfo {
  title?: string;
}

// Meta values longer than this are not metadata (a hostile page can put megabytes in one).
const MAX_META_CHARS = 1000;

/** The page's <meta> key/content pairs in document order, read once. */
function metaPairs(doc: Document): [string, string | null][] {
  return Array.from(doc.querySelectorAll("meta"), (el) => [
    (el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("itemprop") ?? "").toLowerCase(),
    el.getAttribute("content"),
  ]);
}

/** The first non-empty content, in document order, of a <meta> with one of these keys. */
function metaContent(pairs: [string, string | null][], keys: string[]): string | undefined {
  for (const [key, content] of pairs) {
    if (!keys.includes(key)) continue;
    const v = clip(content);
    if (v) return v;
  }
  return undefined;
}

function clip(v: string | null | undefined): string | undefined {
  const t = (v ?? "").replace(/\s+/g, " ").trim();
  return t ? t.slice(0, MAX_META_CHARS) : undefined;
}

function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

export function readPageMeta(doc: Document, url?: string): PageMeta {
  const htmlLang = doc.documentElement?.getAttribute("lang") ?? undefined;
  const lang = htmlLang ? htmlLang.trim().toLowerCase().split(/[-_]/)[0] || undefined : undefined;
  const metas = metaPairs(doc);
  const canonical = doc.querySelector('link[rel="canonical" i]')?.getAttribute("href") ?? metaContent(metas, ["og:url"]);
  return {
    title: metaContent(metas, ["og:title", "twitter:title"]) ?? clip(doc.querySelector("title")?.textContent),
    byline: metaContent(metas, ["author", "article:author", "parsely-author", "dc.creator"]),
    published: metaContent(metas, ["article:published_time", "datepublished", "date", "dc.date", "parsely-pub-date"]),
    siteName: metaContent(metas, ["og:site_name", "application-name"]),
    lang: lang && /^[a-z]{2,3}$/.test(lang) ? lang : undefined,
    canonicalUrl: resolveUrl(clip(canonical), url),
    excerpt: metaContent(metas, ["description", "og:description"]),
  };
}

/** Readability's findings over ours, field by field. */
export function mergeMeta(ours: PageMeta, theirs: Partial<Record<keyof PageMeta, string | null | undefined>>): PageMeta {
  const out: PageMeta = { ...ours };
  for (const k of ["title", "byline", "published", "siteName", "excerpt"] as const) {
    const v = clip(theirs[k]);
    if (v) out[k] = v;
  }
  return out;
}
