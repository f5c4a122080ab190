// HTML mode end to end, for any runtime: the DOM is injected (jsdom under Node, linkedom in the
// Worker), the models are passed in. readPage -> cleanHtmlBlocks.
import type { Budget } from "../core/budget.ts";
import type { HtmlModel } from "../core/html-model.ts";
import type { Model } from "../core/model.ts";
import type { CleanOptions } from "../core/options.ts";
import type { CleanResult } from "../core/types.ts";
import type { SiteContext } from "../core/site-template.ts";
import { cleanHtmlBlocks, type HtmlBlocksInput } from "../core/clean-html.ts";
import type { DomImpl } from "./dom.ts";
import { readPage, type ReadPage } from "./read-page.ts";
import { streamPage } from "./stream-blocks.ts";

export interface HtmlDeps {
  dom: DomImpl;
  model: Model;
  htmlModel: HtmlModel;
  /** The fast engine's model (options.htmlEngine "fast"). */
  fastHtmlModel?: HtmlModel;
}

/** The fast engine's reading of a page: the streaming segmenter's blocks, element table and metadata. */
export function streamedBlocks(html: string, url?: string): Omit<HtmlBlocksInput, "inputChars"> {
  const s = streamPage(html, url);
  const { title, titles, ...page } = s.meta;
  return {
    // Written out, not spread: a spread copy of each block was 3 % of the fast engine's CPU.
    blocks: s.blocks.map((b) => ({ text: b.text, tag: b.tag, heading: b.heading, linkChars: b.linkChars, flags: b.flags, classTokens: b.classTokens, textChars: b.text.length, inArticle: false })),
    readability: "skipped",
    dom: "htmlparser2",
    title,
    titles,
    page,
    region: { parent: s.elements.parent, blockEl: s.blockEl },
    ...(s.articleBody ? { articleBody: s.articleBody } : {}),
  };
}

/** Cleans a page already read (by readPage, or from a cache of it). */
export function cleanReadPage(page: ReadPage, opts: CleanOptions, deps: Omit<HtmlDeps, "dom"> & { dom: string }, inputChars: number, budget?: Budget, site?: SiteContext): CleanResult {
  return cleanHtmlBlocks(readPageInput(page, deps.dom, inputChars), opts, deps.model, deps.htmlModel, budget, site);
}

/** A page read by readPage as the learned part takes it. */
export function readPageInput(page: ReadPage, dom: string, inputChars: number): HtmlBlocksInput {
  const { title, titles, ...info } = page.meta;
  return {
    blocks: page.blocks.map((b, i) => ({ ...b, textChars: b.text.length, inArticle: page.inArticle[i] === 1 })),
    readability: page.readability,
    dom,
    title,
    titles,
    page: info,
    inputChars,
    ...(page.articleBody ? { articleBody: page.articleBody } : {}),
  };
}

/** `site`: the page's site template, and whether to learn the page (site-template.ts). */
export function cleanHtml(html: string, opts: CleanOptions, deps: HtmlDeps, budget?: Budget, site?: SiteContext): CleanResult {
  if (opts.htmlEngine === "fast") {
    if (!deps.fastHtmlModel) throw new Error("the fast HTML engine has no model here");
    const read = streamedBlocks(html, opts.url);
    budget?.check("reading the page");
    return cleanHtmlBlocks({ ...read, inputChars: html.length }, opts, deps.model, deps.fastHtmlModel, budget, site);
  }
  const page = readPage(html, deps.dom, opts.url);
  budget?.check("parse and Readability");
  return cleanReadPage(page, opts, { ...deps, dom: deps.dom.name }, html.length, budget, site);
}
