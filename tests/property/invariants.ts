// The invariants of `clean` (issue 5.1), checked on one input; throws naming the first violation.
// Plain comparisons rather than one expect() per line: thousands of cases must run in seconds.
import { clean } from "../../src/core/clean.ts";
import type { Model } from "../../src/core/model.ts";
import type { CleanResult } from "../../src/core/types.ts";

/** The input's lines as the segmenter splits them: LF, CRLF and lone CR each end a line. */
export const inputLines = (input: string): string[] => input.split(/\r\n|\r|\n/);

function must(ok: boolean, what: string): void {
  if (!ok) throw new Error(`invariant violated: ${what}`);
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const isProbability = (x: number) => x >= 0 && x <= 1;

export function checkInvariants(input: string, model: Model): CleanResult {
  // never throws (a throw fails the property), and the same input gives the same output
  const r = clean(input, { explain: true }, model);
  must(JSON.stringify(clean(input, { explain: true }, model)) === JSON.stringify(r), "the same input gives the same output");

  const lines = inputLines(input);
  const nonBlank = lines.map((l, i) => (/\S/.test(l) ? i : -1)).filter((i) => i >= 0);
  const explained = r.lines!;
  must(sameList(explained.map((l) => l.line), nonBlank), "every non-blank input line is looked at once, in input order");
  must(explained.every((l) => l.text === lines[l.line]), "each line's text is the input line exactly");
  const withLabel = (label: string) => explained.filter((l) => l.label === label);
  must(r.text === withLabel("body").map((l) => l.text).join("\n"), "the output is the body lines, in input order, unchanged");
  must(sameList(r.removed.map((x) => x.line), withLabel("boilerplate").map((l) => l.line)), "removed lists exactly the boilerplate lines");
  must(sameList(r.meta, withLabel("meta").map((l) => l.text.trim())), "meta are trimmed input lines");
  const titles = withLabel("title");
  must(titles.length <= 1 && r.title === titles[0]?.text.trim(), "the title is one trimmed input line");
  must(r.stats.bodyLines + r.removed.length + r.meta.length + titles.length === r.stats.lines && r.stats.lines === nonBlank.length, "kept + removed + title + meta = every line");
  must(isProbability(r.confidence), `confidence ${r.confidence} in [0, 1]`);
  must(explained.every((l) => isProbability(l.score) && isProbability(l.raw.score)), "every score in [0, 1]");
  return r;
}

/**
 * How many body lines a second clean of the output drops as boilerplate. (A line it returns as
 * the title or metadata is not dropped: the first short body line often reads as a headline once
 * the real one is gone.)
 */
export function recleanRemoved(r: CleanResult, model: Model): number {
  if (r.text === "") return 0;
  return clean(r.text, {}, model).removed.length;
}

/**
 * The invariants of `clean` on text it reads otherwise than line by line (Markdown, hard-wrapped):
 * every segment is one or more whole input lines, returned as sent; `text` (or `markdown`) holds
 * only input lines; everything accounted for, deterministic.
 */
export function checkReadInvariants(input: string, model: Model): CleanResult {
  const r = clean(input, { explain: true }, model);
  must(JSON.stringify(clean(input, { explain: true }, model)) === JSON.stringify(r), "the same input gives the same output");
  const lines = inputLines(input);
  const explained = r.lines!;
  must(explained.every((l, k) => k === 0 || l.line > explained[k - 1].line), "segments in input order, each once");
  must(explained.every((l) => sameList(l.text.split("\n"), lines.slice(l.line, l.line + l.text.split("\n").length))), "each segment's text is whole input lines as sent");
  must(sameList(r.removed.map((x) => x.line), explained.filter((l) => l.label === "boilerplate").map((l) => l.line)), "removed lists exactly the boilerplate segments");
  must(r.removed.every((x) => explained.find((l) => l.line === x.line)!.text === x.text), "a removed segment is shown as sent");
  const inputSet = new Set(lines);
  const sent = r.markdown ?? r.text;
  must(sent.split("\n").every((l) => l === "" || inputSet.has(l)), "the body as sent holds only input lines");
  must(r.stats.bodyLines + r.removed.length + r.meta.length + r.stats.titleLines === r.stats.lines && r.stats.lines === explained.length, "kept + removed + title + meta = every segment");
  must(isProbability(r.confidence), `confidence ${r.confidence} in [0, 1]`);
  return r;
}
