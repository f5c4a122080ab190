// The article's metadata from a page's JSON-LD, as Readability reads it: the first object of an
// article type (at the top level, in an array, or in an @graph) gives the headline, the author's
// name(s), the publication date and the publisher's name; and its `articleBody`, the article's
// text as the publisher gives it, which a page whose body its scripts fill (a single-page app's
// shell) may hold alone (src/core/clean-html.ts reads it then).

import { EntityDecoder } from "./decode-entities.ts";

// A JSON-LD block longer than this is not parsed (real ones are a few KiB; an articleBody tens).
export const MAX_JSON_LD_CHARS = 256 * 1024;

export interface JsonLdMeta {
  title?: string;
  byline?: string;
  published?: string;
  siteName?: string;
  articleBody?: string;
}

// Readability's list of schema.org article types (Readability.js, _getJSONLD).
const ARTICLE_TYPE_RE = /^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|BlogPosting|DiscussionForumPosting|LiveBlogPosting|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|TechArticle)$/;

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === "string" && x.trim() ? x.trim() : undefined);
const isArticle = (o: Json): boolean => [o["@type"]].flat().some((t) => typeof t === "string" && ARTICLE_TYPE_RE.test(t));

function nameOf(x: unknown): string | undefined {
  if (Array.isArray(x)) {
    const names = x.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(", ") : undefined;
  }
  return isObject(x) ? str(x.name) : str(x);
}

const decoder = new EntityDecoder();

/** The script's text without a CDATA section around it, commented out for scripts or not ("//<![CDATA[ ... //]]>"). */
function withoutCdata(text: string): string {
  let s = text.trim().replace(/^(?:\/\/)?\s*<[!?]\[CDATA\[/, "");
  if (s.endsWith("]]>")) {
    s = s.slice(0, -3).trimEnd();
    if (s.endsWith("//")) s = s.slice(0, -2);
  }
  return s;
}

/** articleBody: a string, or strings (paragraphs) in an array; its character references decoded (WordPress writes "&amp;", "&#8217;"). */
function bodyText(x: unknown): string | undefined {
  const s = str(Array.isArray(x) ? x.filter((p) => typeof p === "string").join("\n\n") : x);
  return s && s.includes("&") ? decoder.rcdata(s) : s;
}

function findArticle(x: unknown): Json | undefined {
  if (Array.isArray(x)) return x.map(findArticle).find((o) => o !== undefined);
  if (!isObject(x)) return undefined;
  if (isArticle(x)) return x;
  return Array.isArray(x["@graph"]) ? findArticle(x["@graph"]) : undefined;
}

/**
 * `found` with what one more script's article gives that it lacks: each field from the first
 * script of the page that has it. A script over MAX_JSON_LD_CHARS is not read.
 */
export function withJsonLd(found: JsonLdMeta, text: string): JsonLdMeta {
  return text.length <= MAX_JSON_LD_CHARS ? { ...readJsonLd(text), ...found } : found;
}

/** The metadata of the first article object in one <script type="application/ld+json">'s text. */
export function readJsonLd(text: string): JsonLdMeta {
  let data: unknown;
  try {
    data = JSON.parse(withoutCdata(text));
  } catch {
    return {};
  }
  const a = findArticle(data);
  if (!a) return {};
  const out: JsonLdMeta = {
    title: str(a.headline) ?? str(a.name),
    byline: nameOf(a.author),
    published: str(a.datePublished),
    siteName: nameOf(a.publisher),
    articleBody: bodyText(a.articleBody),
  };
  for (const k of Object.keys(out) as (keyof JsonLdMeta)[]) if (out[k] === undefined) delete out[k];
  return out;
}
