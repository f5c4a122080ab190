// The pipeline, readable in one screen:
//   input -> segment -> features -> classify -> smooth -> decide -> title/meta -> assemble
import { NO_BUDGET, type Budget } from "./budget.ts";
import { categorize } from "./categorize.ts";
import { classifyLines, smoothLines } from "./classify.ts";
import { confidenceFeatures, confidenceOf } from "./confidence.ts";
import { DENSE_INDEX, extractFeatures, type DocFeatures } from "./features.ts";
import type { Model } from "./model.ts";
import { resolveOptions, type CleanOptions } from "./options.ts";
import { segmentText } from "./segment.ts";
import { findTitleAndMeta } from "./title.ts";
import type { CleanResult, Label, LineResult, RemovedLine, Segment } from "./types.ts";

export interface Analysis {
  segments: Segment[];
  doc: DocFeatures;
  /** First-pass and final P(body) per segment. */
  p1: Float64Array;
  p2: Float64Array;
}

/** Everything up to the probabilities; shared by `clean` and by training. */
export function analyze(segments: Segment[], model: Model, langHint?: string, budget: Budget = NO_BUDGET): Analysis {
  budget.check("segment");
  const doc = extractFeatures(segments.map((s) => s.text), model.hashBits, langHint);
  budget.check("features");
  const p1 = classifyLines(doc, model);
  const p2 = smoothLines(p1, doc, model);
  budget.check("classify");
  return { segments, doc, p1, p2 };
}

export function clean(input: string, options: unknown, model: Model, budget?: Budget): CleanResult {
  const opts = resolveOptions(options ?? {});
  return cleanSegments(segmentText(input), opts, model, "text", input.length, undefined, budget);
}

export function cleanSegments(segments: Segment[], opts: CleanOptions, model: Model, mode: "text" | "html", inputChars: number, langHint?: string, budget?: Budget): CleanResult {
  const a = analyze(segments, model, langHint, budget);
  const { doc, p1, p2 } = a;
  const n = segments.length;
  const threshold = model.file.thresholds[opts.preference];
  const keep = Array.from(p2, (p) => p >= threshold);
  const nWords = doc.info.map((x) => x.nWords);
  const { title, meta } = findTitleAndMeta(doc.dense, p2, keep, nWords, model);

  const labels: Label[] = keep.map((k) => (k ? "body" : "boilerplate"));
  if (title >= 0) labels[title] = "title";
  let firstBody = keep.indexOf(true), lastBody = keep.lastIndexOf(true);
  if (firstBody < 0) firstBody = lastBody = n;

  const lines: LineResult[] = [];
  const removed: RemovedLine[] = [];
  const metaSet = new Set(meta);
  const bodyText: string[] = [];
  const metaText: string[] = [];
  for (let i = 0; i < n; i++) {
    if ((i & 4095) === 4095) budget?.check("assemble");
    const seg = segments[i];
    const raw = { label: (p1[i] >= threshold ? "body" : "boilerplate") as Label, score: round(p1[i]) };
    const line: LineResult = { line: seg.line, text: seg.text, label: labels[i], score: round(p2[i]), raw };
    if (labels[i] === "body") {
      bodyText.push(seg.text);
    } else if (labels[i] === "title") {
      line.reason = "title: the headline above the article";
    } else {
      const c = categorize(seg.text, {
        nWords: nWords[i], terminal: doc.info[i].terminal, listRun: Math.round(Math.expm1(doc.dense[i][DENSE_INDEX.list_run_log])),
        beforeBody: i < firstBody, afterBody: i > lastBody, nextIsBody: i + 1 < n && keep[i + 1],
      }, p2[i]);
      // Between the title and the body, a short line with no boilerplate cue is the byline,
      // date, dek or source: metadata, returned apart rather than dropped.
      if (metaSet.has(i) && (c.category === "other" || c.category === "navigation" || c.category === "credit" || c.category === "caption")) {
        line.label = labels[i] = "meta";
        line.reason = "metadata: byline, date, dek or source between the title and the article";
        metaText.push(seg.text.trim());
      } else {
        line.category = c.category;
        line.reason = c.reason;
        removed.push({ line: seg.line, text: seg.text, label: labels[i], category: c.category, reason: c.reason });
      }
    }
    lines.push(line);
  }

  const confidence = confidenceOf(confidenceFeatures(p2, p1, keep, nWords, threshold, doc.language !== "und"), model);
  const text = bodyText.join("\n");
  const result: CleanResult = {
    text,
    title: title >= 0 ? segments[title].text.trim() : undefined,
    meta: metaText,
    confidence: round(confidence),
    lowConfidence: confidence < opts.minConfidence,
    language: doc.language,
    mode,
    removed,
    stats: { lines: n, bodyLines: bodyText.length, removedLines: removed.length, inputChars, outputChars: text.length },
    model: model.version,
  };
  if (opts.explain) result.lines = lines;
  return result;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
