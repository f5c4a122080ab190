// One parsed request -> one result. Text goes to the text pipeline; HTML to HTML mode when the
// runtime injected a DOM, else 415. The single and the batch endpoints both call this.
import { clean } from "../core/clean.ts";
import type { HtmlModel } from "../core/html-model.ts";
import type { Model } from "../core/model.ts";
import { resolveOptions } from "../core/options.ts";
import type { CleanResult } from "../core/types.ts";
import type { DomImpl } from "../html/dom.ts";
import { cleanHtml } from "../html/clean-page.ts";
import { HttpError } from "./errors.ts";
import type { CleanRequest } from "./request.ts";

export interface CleanDeps {
  model: () => Model;
  /** HTML mode: the runtime's DOM and the HTML model. Without it HTML input answers 415. */
  html?: { dom: DomImpl; model: () => HtmlModel };
}

export function cleanRequest(req: CleanRequest, deps: CleanDeps): CleanResult {
  if (req.html === undefined) return clean(req.text, req.options, deps.model());
  if (!deps.html) throw new HttpError(415, "unsupported_media_type", "HTML input is not enabled on this server: send the page's text");
  return cleanHtml(req.html, resolveOptions(req.options), { dom: deps.html.dom, model: deps.model(), htmlModel: deps.html.model() });
}
