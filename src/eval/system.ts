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
}

/** Whatever `clean` takes as its model (typed from `clean` itself, so it follows the core). */
export type SystemModel = Parameters<typeof clean>[2];

/**
 * Clean `page[kind]` with boilerstrip. `model` is passed through to `clean`; left out, `clean`
 * gets undefined, i.e. its default (bundled) model. To evaluate cross-validated models, give
 * each page a model not trained on its site (`pageSite(page)` in ./corpus.ts is the grouping).
 * The page URL is passed as an option (language hints); nothing is learnt across pages here.
 */
export function systemPredict(page: CorpusPage, kind: InputKind, model?: SystemModel): SystemPrediction {
  const options = page.url ? { url: page.url } : {};
  const result = clean(page[kind], options, model as SystemModel);
  return { text: result.text, confidence: result.confidence };
}
