// HTML -> blocks marked with Readability's verdict, and the page's metadata.
//
//   prepare (drop scripts/styles) -> parse (injected DOM) -> metadata -> blocks of the whole body
//   -> Readability on a clone -> each block marked "inside the article" or not
//
// The learned filters then see every block of the body with Readability's verdict as one more
// signal, so what Readability keeps by mistake can still go and what it misses can still stay.
// Readability gets a clone: it rewrites the tree it reads, and the blocks are read from the
// original.
import { extractBlocks, type Block } from "./blocks.ts";
import type { DomImpl } from "./dom.ts";
import { mergeMeta, readPageMeta, type PageMeta } from "./metadata.ts";
import { withJsonLd, type JsonLdMeta } from "./json-ld.ts";
import { boundMarkup, stripScriptsAndStyles } from "./prepare.ts";

/**
 * The page's JSON-LD article, each field from the first script that has it, as the fast engine reads
 * it (stream-blocks.ts; prepare.ts keeps JSON-LD scripts). Readability reads it too, but only on a
 * page where it finds an article: a single-page app's shell kept its <title> with the site's name.
 */
function jsonLd(doc: Document): JsonLdMeta {
  let out: JsonLdMeta = {};
  for (const el of doc.querySelectorAll("script")) {
    if ((el.getAttribute("type") ?? "").toLowerCase().includes("ld+json")) out = withJsonLd(out, el.textContent ?? "");
  }
  return out;
}

/**
 * Bump when a change here or in blocks/metadata/prepare alters what readPage returns (caches key
 * on it), per DOM: 2 for linkedom since blocks are read from the whole document (jsdom's result is
 * unchanged by that: its parser moves all content into <body>; checked on the corpus); 2 and 3
 * when metadata values escaped twice were decoded (metadata.ts); 4 for linkedom when "<![CDATA["
 * was read as in HTML content (src/dom/linkedom.ts); 3 and 5 when the metadata kept every declared
 * title (metadata.ts, PageMeta.titles); 4 and 6 when an <svg>'s or <math>'s <title> stopped
 * being the page's (metadata.ts); 5 and 7 when a byline that is a URL, an email or an ID was
 * passed over (metadata.ts); 6 and 8 when the page's JSON-LD was read here too, its articleBody
 * with it (Readability reads JSON-LD only on pages where it finds an article).
 */
export const PAGE_READER_VERSION: Record<string, number> = { jsdom: 6, linkedom: 8 };

export type ReadabilityStatus = "ok" | "null" | "error" | "skipped";

export interface PageTimings {
  parse: number;
  readability: number;
  segment: number;
}

export interface ReadPage {
  blocks: Block[];
  /** 1 where the block's text is part of Readability's article. */
  inArticle: Uint8Array;
  readability: ReadabilityStatus;
  meta: PageMeta;
  /** The JSON-LD article's `articleBody` (json-ld.ts). */
  articleBody?: string;
  timings: PageTimings;
}

// Readability stops on pages with more elements than this (its maxElemsToParse) and we clean the
// whole body instead. 100,000 is ~10x the largest page in the corpus.
const MAX_ELEMS_FOR_READABILITY = 100_000;

// Elements nested deeper than this lose their tags (not their text) before parsing: the corpus's
// deepest page nests 179 levels (p50 18, p99 41). jsdom's parse time grows with the square of the
// depth (10,000 levels: ~50 s) and Readability's faster still (on jsdom: 128 levels 0.9 s, 256
// levels 2.7 s, 512 levels 13 s), so 256 leaves real pages untouched and bounds hostile ones.
const MAX_NESTING = 256;
// Readability's time grows faster than the square of the depth (and of nested tables: 3,000
// nested <table> take it over a minute), so deeper pages than this skip it and are cleaned on
// their whole body's blocks. 128 is 3x the corpus's p99 depth (41); 1 of its 1,266 pages is
// deeper (179).
const READABILITY_MAX_NESTING = 128;
// Attributes are dropped from tags longer than this: a 1 MB data: URL still parses quickly, but
// 50,000 attributes on one element take a parser minutes; 64 KiB covers inline SVG paths and
// long data: images on real pages.
const MAX_TAG_CHARS = 64 * 1024;

const key = (t: string) => t.toLowerCase();

class SkipReadability extends Error {}

/**
 * What the bounds of this module change for a page: "" when nothing (the page as it came is what
 * the DOM parses and Readability runs), else a tag. Caches of readPage key on it beside the HTML.
 */
export function boundsKey(html: string): string {
  const stripped = stripScriptsAndStyles(html);
  const b = boundMarkup(stripped, MAX_NESTING, MAX_TAG_CHARS);
  return `${b.html === stripped ? "" : `bounded:${MAX_NESTING}:${MAX_TAG_CHARS}`}${b.depth > READABILITY_MAX_NESTING ? `:skip-readability>${READABILITY_MAX_NESTING}` : ""}`;
}

export function readPage(html: string, dom: DomImpl, url?: string, now: () => number = () => performance.now()): ReadPage {
  let t = now();
  const bounded = boundMarkup(stripScriptsAndStyles(html), MAX_NESTING, MAX_TAG_CHARS);
  const page = dom.parse(bounded.html, url);
  try {
    const doc = page.document;
    const timings: PageTimings = { parse: now() - t, readability: 0, segment: 0 };
    t = now();
    // The whole document, not just <body>: linkedom keeps the tree as written, so content after a
    // stray element in <head>, or a page without <html>, can sit outside its body. <head> itself
    // holds no text blocks (its title, scripts and styles are skipped).
    // (Each top-level element in turn: linkedom does not link the doctype to its next sibling.)
    const blocks = Array.from(doc.childNodes).filter((n) => n.nodeType === 1).flatMap((n) => extractBlocks(n));
    // JSON-LD first, as Readability reads it (its metadata prefers JSON-LD over <meta>).
    const ld = jsonLd(doc);
    let meta = mergeMeta(readPageMeta(doc, url), ld);
    timings.segment = now() - t;

    t = now();
    let status: ReadabilityStatus = "null";
    const inArticle = new Uint8Array(blocks.length);
    try {
      if (bounded.depth > READABILITY_MAX_NESTING) throw new SkipReadability();
      const clone = doc.cloneNode(true) as Document;
      const Readability = dom.readability();
      const article = new Readability<Node>(clone, { serializer: (n: Node) => n, maxElemsToParse: MAX_ELEMS_FOR_READABILITY }).parse();
      if (article) {
        meta = mergeMeta(meta, { title: article.title, byline: article.byline, published: article.publishedTime, siteName: article.siteName, excerpt: article.excerpt });
        if (article.content) {
          // Readability keeps the article's elements, so its blocks are the page's blocks: mark
          // them by text, each article block claiming one page block in order.
          const wanted = new Map<string, number>();
          for (const b of extractBlocks(article.content)) wanted.set(key(b.text), (wanted.get(key(b.text)) ?? 0) + 1);
          for (let i = 0; i < blocks.length; i++) {
            const k = key(blocks[i].text);
            const left = wanted.get(k);
            if (left) {
              inArticle[i] = 1;
              wanted.set(k, left - 1);
            }
          }
          status = inArticle.some((x) => x === 1) ? "ok" : "null";
        }
      }
    } catch (e) {
      // Skipped on a pathological page, or threw: clean the whole body's blocks instead.
      status = e instanceof SkipReadability ? "skipped" : "error";
    }
    timings.readability = now() - t;
    return { blocks, inArticle, readability: status, meta, ...(ld.articleBody ? { articleBody: ld.articleBody } : {}), timings };
  } finally {
    page.dispose();
  }
}
