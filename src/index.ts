// Package entry: `clean` with the bundled model, plus the types of its result.
import { clean as cleanWith } from "./core/clean.ts";
import type { CleanOptions } from "./core/options.ts";
import type { CleanResult } from "./core/types.ts";
import { defaultModel } from "./model/index.ts";

export type { CleanOptions, Preference } from "./core/options.ts";
export type { CleanResult, LineResult, RemovedLine, Category, Label } from "./core/types.ts";
export { OptionsError } from "./core/options.ts";

/** Clean scraped text: the article body, title, metadata, removed lines and a confidence. */
export function clean(text: string, options: Partial<CleanOptions> = {}): CleanResult {
  return cleanWith(text, options, defaultModel());
}
