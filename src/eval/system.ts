// Our system as the evaluation calls it: one page, one input kind, one prediction.
// Kept to this one function so that the model can be swapped, e.g. for a cross-validated one
// where each page is cleaned by a model not trained on its site.

import { clean } from "../core/clean.ts";
import type { CorpusPage } from "./corpus.ts";

/** The text inputs our system is scored on. */
export type InputKind = "page_text" | "loose_text";
export const INPUT_KINDS: readonly InputKind[] = ["page_text", "loose_text"];

export interface SystemPrediction {
  /** The body as returned: what is scored against the gold. */
  text: string;
  /** The system's own estimate that this body is right (F1 >= 0.9), for calibration metrics. */
  confidence?: number;
  /** The title it returned apart from the body. */
  title?: string;
}

/** Whatever `clean` takes as its model (typed from `clean` itself, so it follows the core). */
export type SystemModel = Parameters<typeof clean>[2];

/**
 * Clean `page[kind]` with boilerstrip using `model`; for cross-validated figures, a model not
 * trained on the page's site (src/eval/models.ts chooses it).
 * The page URL is passed as an option (language hints); nothing is learnt across pages here.
 */
export function systemPredict(page: CorpusPage, kind: InputKind, model: SystemModel, extra: Record<string, unknown> = {}): SystemPrediction {
  return predictText(page[kind], page.url, model, extra);
}

/** The same for any text of the page (its Markdown: src/eval/markdown.ts). */
export function predictText(text: string, url: string | null | undefined, model: SystemModel, extra: Record<string, unknown> = {}): SystemPrediction {
  const options = url ? { ...extra, url } : extra;
  const result = clean(text, options, model);
  return { text: result.text, confidence: result.confidence, ...(result.title ? { title: result.title } : {}) };
}
