// The HTTP contract as zod schemas: the one source for validating requests and for the OpenAPI
// document served at /openapi.json. Validation failures become our JSON error shape (validate.ts).
import { z } from "@hono/zod-openapi";
import { MAX_SITE_CHARS, MAX_URL_CHARS } from "../core/options.ts";
import { CATEGORIES } from "../core/types.ts";

const Bool = z.union([z.boolean(), z.enum(["0", "1", "true", "false"])]);

export const CleanOptionsSchema = z
  .looseObject({
    explain: Bool.optional().openapi({ description: "Also return `lines`: every line with its label, scores and reason." }),
    preference: z.enum(["balanced", "precision", "recall"]).optional().openapi({ description: '"recall" keeps every line the model is unsure of; "precision" removes them.' }),
    minConfidence: z.number().min(0).max(1).optional().openapi({ description: "Results below it carry `lowConfidence: true`." }),
    url: z.string().max(MAX_URL_CHARS).optional(),
    site: z.string().max(MAX_SITE_CHARS).optional(),
    htmlEngine: z.enum(["readability", "fast"]).optional().openapi({ description: 'HTML mode\'s reader: "readability" (a DOM and Readability\'s region) or "fast" (a streaming parser and a learned region); the server\'s default is BOILERSTRIP_HTML_ENGINE.' }),
    format: z.enum(["auto", "text", "markdown"]).optional().openapi({ description: 'How text is read: "markdown" as the text its reader sees (link text without targets, no images or markup; the body also comes back as sent in `markdown`), "text" as it is, "auto" (default) as Markdown when it shows Markdown links. text/markdown bodies are Markdown. With "text" or "markdown" a text body is never read as HTML; HTML bodies ignore it.' }),
    siteTemplate: z.enum(["use", "learn", "off"]).optional().openapi({ description: 'The template learned from the site\'s pages (the site is `site`, else the host of `url`): "use" (default) removes kept lines that most of its recent pages hold; "learn" also adds this page to it; "off" ignores it.' }),
  })
  .openapi("CleanOptions", { description: "Unknown keys are ignored." });

const hasText = (s: string) => /\S/.test(s);

/** One document: scraped text, or a page's HTML, with where it came from. */
export const DocumentSchema = z
  .looseObject({
    id: z.union([z.string(), z.number()]).optional().openapi({ description: "Echoed back in batch results." }),
    text: z.string().min(1).refine(hasText, "is only whitespace").optional().openapi({ description: "The scraped text (one of text or html; both: 400 invalid_request)." }),
    html: z.string().min(1).refine(hasText, "is only whitespace").optional().openapi({ description: "The page's HTML (one of text or html; both: 400 invalid_request)." }),
    url: z.string().max(MAX_URL_CHARS).optional(),
    site: z.string().max(MAX_SITE_CHARS).optional(),
    options: CleanOptionsSchema.optional(),
  })
  .refine((d) => d.text !== undefined || d.html !== undefined, { message: 'send "text" or "html"', path: ["text"] })
  // Both given: which one to clean would be a guess (the text used to win, silently).
  .refine((d) => d.text === undefined || d.html === undefined, { message: 'send "text" or "html", not both: "html" for a page\'s HTML, "text" for its scraped text', params: { code: "invalid_request" } })
  .openapi("Document", { example: { text: "Headline\nSubscribe to our newsletter\nThe article's first paragraph…", url: "https://example.org/a" } });

export const QuerySchema = z.object({
  explain: Bool.optional(),
  preference: z.enum(["balanced", "precision", "recall"]).optional(),
  // A decimal as written ("0.5", "1", ".25"): coercing would take "" for 0 and "0x1" for 1.
  minConfidence: z.string().regex(/^(?:\d+(?:\.\d*)?|\.\d+)$/, "a decimal number from 0 to 1").transform(Number).pipe(z.number().min(0).max(1)).optional(),
  url: z.string().max(MAX_URL_CHARS).optional(),
  site: z.string().max(MAX_SITE_CHARS).optional(),
  htmlEngine: z.enum(["readability", "fast"]).optional(),
  siteTemplate: z.enum(["use", "learn", "off"]).optional(),
  format: z.enum(["auto", "text", "markdown"]).optional(),
});

const LabelSchema = z.enum(["body", "title", "meta", "boilerplate"]);
const CategorySchema = z.enum(CATEGORIES as [string, ...string[]]);

export const CleanResultSchema = z
  .object({
    text: z.string().openapi({ description: "The body lines joined with \\n, each exactly as sent (Markdown: as its reader sees it)." }),
    markdown: z.string().optional().openapi({ description: "Markdown input: the body's lines as sent, with their markup; a blank line where lines were left out." }),
    title: z.string().optional(),
    meta: z.array(z.string()).openapi({ description: "Byline, date, dek." }),
    confidence: z.number().min(0).max(1).openapi({ description: "Calibrated probability that the body's token F1 against a human gold body is at least 0.9." }),
    lowConfidence: z.boolean(),
    language: z.string(),
    mode: z.enum(["text", "html"]),
    removed: z.array(z.object({ line: z.number().int(), text: z.string(), label: LabelSchema, category: CategorySchema, reason: z.string() })),
    lines: z
      .array(
        z.object({
          line: z.number().int(),
          text: z.string(),
          label: LabelSchema,
          score: z.number(),
          raw: z.object({ label: LabelSchema, score: z.number() }),
          category: CategorySchema.optional(),
          reason: z.string().optional(),
        }),
      )
      .optional(),
    truncated: z
      .object({ removed: z.number().int(), lines: z.number().int() })
      .optional()
      .openapi({ description: "Present when `removed` or `lines` was cut to the service's bound (10,000 entries each for a document; in a JSON batch, what is left of 50,000 for all its documents): how many entries each left out; `stats` counts them all." }),
    stats: z.object({ lines: z.number().int(), bodyLines: z.number().int(), titleLines: z.number().int(), removedLines: z.number().int(), inputChars: z.number().int(), outputChars: z.number().int() }),
    model: z.string(),
    page: z
      .object({ byline: z.string(), published: z.string(), siteName: z.string(), lang: z.string(), canonicalUrl: z.string(), excerpt: z.string() })
      .partial()
      .optional()
      .openapi({ description: "HTML mode: what the page declares (byline, published date, site name, language, canonical URL resolved against url, excerpt)." }),
    html: z
      .object({
        engine: z.enum(["readability", "fast"]),
        dom: z.string(),
        readability: z.enum(["ok", "null", "error", "skipped"]),
        path: z.enum(["readability", "region", "body", "text", "json-ld"]),
        blocks: z.number().int(),
        articleBlocks: z.number().int(),
      })
      .optional()
      .openapi({ description: 'HTML mode: how the page was read. path: "readability" or "region" (an article region guided the filters), "body" (none: the whole body\'s blocks), "text" (the HTML pass kept next to nothing and the text model\'s reading decided).' }),
  })
  .openapi("CleanResult");

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi("Error", { example: { error: { code: "no_text", message: 'the JSON body has no "text"' } } });

/** One element of a batch answer: the result or the error of the document at that position. */
export const BatchItemSchema = z
  .union([
    CleanResultSchema.extend({ index: z.number().int(), id: z.union([z.string(), z.number()]).optional() }),
    ErrorSchema.extend({ index: z.number().int(), id: z.union([z.string(), z.number()]).optional() }),
  ])
  .openapi("BatchItem");

// 100 documents: a JSON batch is buffered whole, results too; 100 pages of a few hundred KB stay
// far inside a Worker's 128 MB. Larger jobs stream as NDJSON, which has no count limit.
export const MAX_BATCH_DOCS = 100;

/** The JSON batch as published; each element is checked on its own so one bad one fails alone. */
export const BatchSchema = z.array(DocumentSchema).min(1).max(MAX_BATCH_DOCS).openapi("Batch");
/** The envelope checked up front: an array, not empty. */
export const BatchEnvelopeSchema = z.array(z.unknown()).min(1);

/** A site's template as /v1/sites/{site} shows it: counts only (a template holds hashes, no text). */
export const TemplateSummarySchema = z
  .object({
    site: z.string().openapi({ description: "The site's key: the name given, trimmed and lower-cased." }),
    pages: z.number().int().openapi({ description: "Pages learned in all." }),
    window: z.number().int().openapi({ description: "Of those, the last ones the template holds (at most 20)." }),
    lines: z.number().int().openapi({ description: "Distinct lines of 4+ words over those pages." }),
    templateLines: z.number().int().openapi({ description: "Lines on enough of them to be cut from the site's next pages." }),
    needed: z.number().int().nullable().openapi({ description: "Pages of the window a kept line must be on to be cut; null before two pages are learned." }),
  })
  .openapi("SiteTemplate");

export const SiteParamSchema = z.object({ site: z.string().openapi({ param: { name: "site", in: "path" }, example: "news.example" }) });
