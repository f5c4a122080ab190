// No silent loss (issue 5.6): for a page where boilerstrip's body recall is low, the body lines
// it dropped. A line counts as body when the gold alignment used for training labels it so
// (src/train/align.ts); it is lost when the cleaned output does not return it as body (removed
// as boilerplate, or returned apart as the title or metadata).
import { clean } from "../core/clean.ts";
import type { Label } from "../core/types.ts";
import { labelLinesFromGold } from "../train/align.ts";
import type { SystemModel } from "./system.ts";

export interface LostLine {
  line: number;
  text: string;
  label: Label;
  category?: string;
  reason?: string;
  score: number;
}

export function lostBodyLines(input: string, gold: string, model: SystemModel, options: Record<string, unknown> = {}): LostLine[] {
  const lines = clean(input, { ...options, explain: true }, model).lines!;
  const aligned = labelLinesFromGold(lines.map((l) => l.text), gold);
  return lines
    .filter((l, i) => aligned[i].label === "body" && l.label !== "body")
    .map((l) => ({ line: l.line, text: l.text, label: l.label, category: l.category, reason: l.reason, score: l.score }));
}
