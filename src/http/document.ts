// The one place a request becomes a `clean` call: single documents, JSON batches, NDJSON lines
// and the CLI all go through `cleanDocument`, so they answer alike.
import { clean } from "../core/clean.ts";
import type { Model } from "../core/model.ts";
import type { CleanResult } from "../core/types.ts";
import { HttpError } from "./errors.ts";
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
}

export function cleanDocument(input: DocumentInput, deps: CleanDeps): CleanResult {
  if (input.kind === "html") throw new HttpError(415, "unsupported_media_type", "HTML input is not supported by this server yet: send the page's text");
  return clean(input.content, input.options, deps.model());
}

/** A JSON document `{text | html, url?, site?, options?, id?}`, checked against DocumentSchema. */
export function documentFromJson(body: unknown, baseOptions: Record<string, unknown> = {}): DocumentInput {
  const d = validate(DocumentSchema, body, "body");
  const options: Record<string, unknown> = { ...baseOptions, ...d.options };
  if (d.url !== undefined) options.url = d.url;
  if (d.site !== undefined) options.site = d.site;
  const kind = d.text !== undefined ? "text" : "html";
  return { kind, content: (d.text ?? d.html)!, options, id: d.id };
}

/** Sniff whether a text is an HTML page rather than scraped text. */
export function looksLikeHtml(s: string): boolean {
  const head = s.slice(0, 1024).trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml")) return true;
  // Text that opens with a tag and is dense with block tags is a fragment of HTML.
  return head.startsWith("<") && (s.match(/<\/?(p|div|span|a|br|h[1-6]|li|body|head|article|section)\b/gi)?.length ?? 0) >= HTML_TAGS_MIN;
}

// 3 block-level tags: a line of scraped text may quote one tag, an HTML fragment has many.
const HTML_TAGS_MIN = 3;
