// Labelled documents for training: every corpus page's page_text and loose_text, labelled by
// aligning them to the gold body, plus the hand-labelled samples, plus a user's own
// `{text, gold}` JSONL. Each becomes segments with a body/boilerplate label and a title index.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { pageSite, readCorpus, siteOf, splitLines } from "../eval/corpus.ts";
import { segmentText } from "../core/segment.ts";
import type { Segment } from "../core/types.ts";
import { labelLinesFromGold, scoreTokens } from "./align.ts";

export type DocKind = "page_text" | "loose_text" | "sample" | "user";

export interface TrainDoc {
  id: string;
  site: string;
  kind: DocKind;
  pageType: string;
  gold: string;
  segments: Segment[];
  /** 1 when the segment is article body. */
  y: Uint8Array;
  /** Index of the title segment, or -1. */
  title: number;
  /** Example weight of this document's lines. */
  weight: number;
}

// Hand-labelled samples are few but exact: each of their lines counts this many corpus lines.
// 5 makes the five seeds weigh about as much as 25 scraped pages, enough to be learned from
// without letting one site's template dominate.
const SAMPLE_WEIGHT = 5;
// A line matches the page title when this share of its tokens are title tokens and it covers
// this share of the title (titles often carry a " | Site" suffix on one side only). Set by hand,
// not tuned.
const TITLE_CONTAINED = 0.8;
const TITLE_COVERED = 0.6;

// On a page with no body line the title is looked for in this many first lines (else above the
// first body line). Set by hand, not tuned; serving looks TITLE_WINDOW (12, core/title.ts) lines
// above the first body line instead.
const TITLE_SEARCH_NO_BODY_LINES = 40;

export function labelDoc(id: string, site: string, kind: DocKind, pageType: string, text: string, gold: string, titleText: string | undefined, weight: number): TrainDoc {
  const segments = segmentText(text);
  const aligned = labelLinesFromGold(segments.map((s) => s.text), gold);
  const y = Uint8Array.from(aligned, (a) => (a.label === "body" ? 1 : 0));
  return { id, site, kind, pageType, gold, segments, y, title: findTitle(segments, y, titleText), weight };
}

function findTitle(segments: Segment[], y: Uint8Array, titleText?: string): number {
  if (!titleText) return -1;
  const want = new Set(scoreTokens(titleText));
  if (!want.size) return -1;
  const first = y.indexOf(1);
  const to = first < 0 ? Math.min(segments.length, TITLE_SEARCH_NO_BODY_LINES) : first;
  for (let i = 0; i < to; i++) {
    const toks = scoreTokens(segments[i].text);
    if (!toks.length) continue;
    const inTitle = toks.filter((t) => want.has(t)).length;
    const covered = new Set(toks.filter((t) => want.has(t))).size;
    if (inTitle / toks.length >= TITLE_CONTAINED && covered / want.size >= TITLE_COVERED) return i;
  }
  return -1;
}

async function* jsonLines(file: string): AsyncGenerator<Record<string, any>> {
  const input = fs.createReadStream(file);
  for await (const line of splitLines(file.endsWith(".gz") ? input.pipe(zlib.createGunzip()) : input)) if (line.trim()) yield JSON.parse(line);
}

export async function loadCorpus(file: string, limit?: number): Promise<TrainDoc[]> {
  const docs: TrainDoc[] = [];
  for await (const page of readCorpus({ path: file, limit })) {
    const site = pageSite(page);
    for (const kind of ["page_text", "loose_text"] as const) {
      docs.push(labelDoc(page.id, site, kind, page.meta.page_type ?? "unknown", page[kind], page.gold, page.meta.title, 1));
    }
  }
  return docs;
}

/** A user's `{text, gold, url?, title?}` JSONL. */
export async function loadUserData(file: string): Promise<TrainDoc[]> {
  const docs: TrainDoc[] = [];
  let n = 0;
  for await (const r of jsonLines(file)) {
    n++;
    if (typeof r.text !== "string" || typeof r.gold !== "string") throw new Error(`${file}:${n}: needs string fields text and gold`);
    docs.push(labelDoc(String(r.id ?? n), siteOf(r.url) || `user-${n}`, "user", r.page_type ?? "article", r.text, r.gold, r.title, 1));
  }
  return docs;
}

/** Samples: NAME.txt (input), NAME.labels.tsv (B/T/M/X per line), NAME.gold.txt (the B lines). */
export function loadSamples(dir: string): TrainDoc[] {
  const docs: TrainDoc[] = [];
  for (const name of listSamples(dir)) {
    const s = readSample(dir, name);
    const segments = segmentText(s.input);
    const y = Uint8Array.from(segments, (seg) => (s.labels[seg.line] === "B" ? 1 : 0));
    const title = segments.findIndex((seg) => s.labels[seg.line] === "T");
    docs.push({ id: name, site: `sample:${name}`, kind: "sample", pageType: "article", gold: s.gold, segments, y, title, weight: SAMPLE_WEIGHT });
  }
  return docs;
}

export function listSamples(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith(".labels.tsv")).map((f) => f.slice(0, -".labels.tsv".length)).sort();
}

export interface Sample {
  name: string;
  input: string;
  /** Label per input line (index = line number): B, T, M, X or "" for blank. */
  labels: string[];
  gold: string;
}

export function readSample(dir: string, name: string): Sample {
  const input = fs.readFileSync(path.join(dir, `${name}.txt`), "utf8");
  const labels = fs.readFileSync(path.join(dir, `${name}.labels.tsv`), "utf8").split("\n").map((l) => l.split("\t")[0].trim());
  const gold = fs.readFileSync(path.join(dir, `${name}.gold.txt`), "utf8");
  return { name, input, labels, gold };
}
