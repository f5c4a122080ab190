// The one place a request becomes a `clean` call: single documents, JSON batches, NDJSON lines
// and the CLI all go through `cleanDocument`, so they answer alike.
import { deadline } from "../core/budget.ts";
import { clean } from "../core/clean.ts";
import type { SiteContext, SiteTemplate } from "../core/site-template.ts";
import type { HtmlModel } from "../core/html-model.ts";
import type { Model } from "../core/model.ts";
import { resolveOptions, type HtmlEngine } from "../core/options.ts";
import type { CleanResult } from "../core/types.ts";
import { cleanHtml, cleanReadPage } from "../html/clean-page.ts";
import type { ReadPage } from "../html/read-page.ts";
import type { DomImpl } from "../html/dom.ts";
import { looksLikeHtml } from "../html/sniff.ts";
import { HttpError } from "./errors.ts";
import { siteKeyOf, type SiteStore } from "./site-store.ts";
import { DocumentSchema } from "./schemas.ts";
import { validate } from "./validate.ts";

export interface DocumentInput {
  kind: "text" | "html";
  content: string;
  options: Record<string, unknown>;
  /** The caller's id for the document, echoed in batch answers. */
  id?: string | number;
}

/** What cleaning needs from its host (Node, the Worker, the CLI). */
export interface CleanDeps {
  model: () => Model;
  /** Per-document time budget of the pipeline in ms (0 or absent: none). */
  timeBudgetMs?: number;
  /**
   * HTML mode: the runtime's DOM and the HTML model. Without it HTML input answers 415. With
   * `readPage`, the Readability engine's DOM work runs there (Node: a thread ended at the time
   * budget, src/node/read-thread.ts) instead of on the request's thread.
   */
  html?: { dom: DomImpl; model: () => HtmlModel; fastModel: () => HtmlModel; engine?: HtmlEngine; readPage?: (html: string, url: string | undefined, budgetMs: number) => Promise<ReadPage> };
  /** Where site templates are kept (site-store.ts); without it `siteTemplate` has no effect. */
  sites?: SiteStore;
  /** The most entries an answer lists in `removed` and in `lines` (the service: HTTP_MAX_LISTED; the CLI: all). */
  maxListed?: number;
}

// An HTTP answer lists at most this many removed lines, and with explain this many lines; past it
// the lists end and `truncated` says how many entries were left out. Set by hand: the corpus's
// longest page_text has 2,641 lines, so no real page reaches it, while 2 MB of one-word lines
// answered ~110 MB with explain (2 MB of "Read more" lines 30 MB without), held in memory until
// the client read it. At the bound an answer's lists come to a few MB at most.
export const HTTP_MAX_LISTED = 10_000;

/** `r` with `removed` and `lines` cut to `max` entries, and `truncated` saying what was left out. */
export function boundLists(r: CleanResult, max = Infinity): CleanResult {
  const lines = r.lines?.length ?? 0;
  if (r.removed.length <= max && lines <= max) return r;
  return {
    ...r,
    removed: r.removed.slice(0, max),
    ...(r.lines && { lines: r.lines.slice(0, max) }),
    truncated: { removed: Math.max(0, r.removed.length - max), lines: Math.max(0, lines - max) },
  };
}

export async function cleanDocument(input: DocumentInput, deps: CleanDeps, site?: SiteContext): Promise<CleanResult> {
  const budget = deadline(deps.timeBudgetMs ?? 0);
  if (input.kind === "text") return clean(input.content, input.options, deps.model(), budget, site);
  if (!deps.html) throw new HttpError(415, "unsupported_media_type", "HTML input is not enabled here: send the page's text");
  const opts = resolveOptions(input.options, deps.html.engine ? { htmlEngine: deps.html.engine } : {});
  const html = deps.html;
  if (opts.htmlEngine === "readability" && html.readPage) {
    const page = await html.readPage(input.content, opts.url, deps.timeBudgetMs ?? 0);
    // The budget counts the work, not the wait for the thread: the rest of the pipeline gets what
    // the thread's work on this page left of it.
    const spent = page.timings.parse + page.timings.readability + page.timings.segment;
    const rest = deps.timeBudgetMs ? deadline(Math.max(1, deps.timeBudgetMs - spent)) : budget;
    return cleanReadPage(page, opts, { model: deps.model(), htmlModel: html.model(), dom: html.dom.name }, input.content.length, rest, site);
  }
  return cleanHtml(input.content, opts, { dom: html.dom, model: deps.model(), htmlModel: html.model(), fastHtmlModel: opts.htmlEngine === "fast" ? html.fastModel() : undefined }, budget, site);
}

/**
 * One page cleaned with its site's template, read from the store first, and learned into it
 * after when `learn`: the result, and the template with the page (null when none was learned).
 * A store call that fails goes to `failed`, which gives null to go on without it, or throws.
 * The /v1/clean family and POST /v1/sites/{site}/learn both clean through here.
 */
export async function cleanWithTemplate(input: DocumentInput, deps: CleanDeps, store: SiteStore, key: string, learn: boolean, failed: (err: unknown) => null): Promise<{ result: CleanResult; learned: SiteTemplate | null }> {
  const template = await store.get(key).catch(failed);
  const site: SiteContext = { template, learn };
  const result = await cleanDocument(input, deps, site);
  // The page goes to the store, which adds it to the template as it is now (SiteStore.learn).
  const learned = site.page ? await store.learn(key, site.page).catch(failed) : null;
  return { result, learned };
}

/**
 * cleanDocument with the document's site template, when a store is kept and the options name a
 * site: the page is learned into it too when they say "learn". A store that fails is passed
 * over (the page is cleaned without a template, or not learned), never the request's failure.
 * The answer's lists are cut to `deps.maxListed` (boundLists).
 */
export async function cleanOnSite(input: DocumentInput, deps: CleanDeps): Promise<CleanResult> {
  return boundLists(await cleanOnSiteUnbounded(input, deps), deps.maxListed);
}

async function cleanOnSiteUnbounded(input: DocumentInput, deps: CleanDeps): Promise<CleanResult> {
  const store = deps.sites;
  // No store (the CLI, tests without one): nothing to read, no options to look at twice.
  if (!store) return cleanDocument(input, deps);
  // Resolved here only for the site and siteTemplate: cleaning resolves them itself, with the
  // host's defaults (an HTML engine), so these are not passed on.
  const opts = resolveOptions(input.options);
  const key = opts.siteTemplate !== "off" ? siteKeyOf(opts) : null;
  if (!key) return cleanDocument(input, deps);
  const passOver = (err: unknown) => {
    console.error(`site template store failed for ${key}, cleaned without: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  };
  return (await cleanWithTemplate(input, deps, store, key, opts.siteTemplate === "learn", passOver)).result;
}

/**
 * Text that is really an HTML page (a scraper that saved the page as text) goes to HTML mode,
 * unless the client said how to read the text: format "text" or "markdown" in `options` is kept
 * (Markdown can hold HTML; sniffing is for "auto").
 */
export function kindOf(content: string, options: Record<string, unknown>): DocumentInput["kind"] {
  if (options.format === "text" || options.format === "markdown") return "text";
  return looksLikeHtml(content) ? "html" : "text";
}

/** A JSON document `{text | html, url?, site?, options?, id?}`, checked against DocumentSchema. */
export function documentFromJson(body: unknown, baseOptions: Record<string, unknown> = {}): DocumentInput {
  const d = validate(DocumentSchema, body, "body");
  const options: Record<string, unknown> = { ...baseOptions, ...d.options };
  if (d.url !== undefined) options.url = d.url;
  if (d.site !== undefined) options.site = d.site;
  const kind = d.text !== undefined ? kindOf(d.text, options) : "html";
  return { kind, content: (d.text ?? d.html)!, options, id: d.id };
}
