// HTML mode end to end, for any runtime: the DOM is injected (jsdom under Node, linkedom in the
// Worker), the models are passed in. readPage -> cleanHtmlBlocks.
import type { Budget } from "../core/budget.ts";
import { cleanHtmlBlocks } from "../core/clean-html.ts";
import type { HtmlModel } from "../core/html-model.ts";
import type { Model } from "../core/model.ts";
import type { CleanOptions } from "../core/options.ts";
import type { CleanResult } from "../core/types.ts";
import type { DomImpl } from "./dom.ts";
import { readPage, type ReadPage } from "./read-page.ts";

export interface HtmlDeps {
  dom: DomImpl;
  model: Model;
  htmlModel: HtmlModel;
}

/** Cleans a page already read (by readPage, or from a cache of it). */
export function cleanReadPage(page: ReadPage, opts: CleanOptions, deps: Omit<HtmlDeps, "dom"> & { dom: string }, inputChars: number, budget?: Budget): CleanResult {
  const { title, ...info } = page.meta;
  return cleanHtmlBlocks(
    {
      blocks: page.blocks.map((b, i) => ({ ...b, textChars: b.text.length, inArticle: page.inArticle[i] === 1 })),
      readability: page.readability,
      dom: deps.dom,
      title,
      page: info,
      inputChars,
    },
    opts, deps.model, deps.htmlModel, budget,
  );
}

export function cleanHtml(html: string, opts: CleanOptions, deps: HtmlDeps, budget?: Budget): CleanResult {
  const page = readPage(html, deps.dom, opts.url);
  budget?.check("parse and Readability");
  return cleanReadPage(page, opts, { ...deps, dom: deps.dom.name }, html.length, budget);
}
