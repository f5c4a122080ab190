// The bundled model: the JSON written by `npm run train`, parsed and checked once, on first use,
// by the Node server, the CLI and the Worker alike.
import type { Model, ModelFile } from "../core/model.ts";
import { loadModelFile } from "../core/schema.ts";
import { loadHtmlModel, type HtmlModel, type HtmlModelFile } from "../core/html-model.ts";
import htmlFastFile from "./html-fast-model.json" with { type: "json" };
import htmlFile from "./html-model.json" with { type: "json" };
import file from "./model.json" with { type: "json" };

let cached: Model | undefined;

export function defaultModel(): Model {
  return (cached ??= loadModelFile(file as unknown as ModelFile));
}

let cachedHtml: HtmlModel | undefined;

/** The bundled HTML-mode model (`npm run train:html`), checked against the bundled text model. */
export function defaultHtmlModel(): HtmlModel {
  return (cachedHtml ??= loadHtmlModel(htmlFile as unknown as HtmlModelFile, defaultModel().version));
}

let cachedFast: HtmlModel | undefined;

/** The bundled model of the fast HTML engine (`npm run train:html -- --engine fast`). */
export function defaultFastHtmlModel(): HtmlModel {
  return (cachedFast ??= loadHtmlModel(htmlFastFile as unknown as HtmlModelFile, defaultModel().version));
}

/** Loads and checks every bundled model now: servers call it at start-up, so a bad one stops them there. */
export function loadBundledModels(): void {
  defaultModel();
  defaultHtmlModel();
  defaultFastHtmlModel();
}
