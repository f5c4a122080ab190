// Shared types of the cleaning pipeline. Runtime-free: no imports from node:*, hono or a DOM.

/** What a line is, once decided. Only `body` lines make up `text`. */
export type Label = "body" | "title" | "meta" | "boilerplate";

/** Why a removed line was removed, in the words of DESIGN.md §2. */
export type Category =
  | "newsletter"
  | "subscription"
  | "donation"
  | "related"
  | "share"
  | "comments"
  | "caption"
  | "credit"
  | "cookie"
  | "navigation"
  | "ad"
  | "legal"
  | "other";

export const CATEGORIES: readonly Category[] = [
  "newsletter", "subscription", "donation", "related", "share", "comments",
  "caption", "credit", "cookie", "navigation", "ad", "legal", "other",
];

/** A non-blank input line: its 0-based line number in the input and its text exactly as sent. */
export interface Segment {
  line: number;
  text: string;
}

/** Every line the pipeline looked at, as returned by `explain`. */
export interface LineResult {
  line: number;
  text: string;
  label: Label;
  /** Final probability that the line is article body, after smoothing. */
  score: number;
  /** First-pass (per-line) label and probability, before the neighbours were used. */
  raw: { label: Label; score: number };
  category?: Category;
  reason?: string;
}

export interface RemovedLine {
  line: number;
  text: string;
  label: Label;
  category: Category;
  reason: string;
}

export interface CleanStats {
  lines: number;
  bodyLines: number;
  /** 1 when a line is the title (in HTML mode the title may come from the page's metadata). */
  titleLines: number;
  removedLines: number;
  inputChars: number;
  outputChars: number;
}

export interface CleanResult {
  text: string;
  title?: string;
  meta: string[];
  confidence: number;
  /** True when `confidence` is below `options.minConfidence`. */
  lowConfidence: boolean;
  language: string;
  mode: "text" | "html";
  removed: RemovedLine[];
  lines?: LineResult[];
  /**
   * Over HTTP, when `removed` or `lines` was cut to the service's bound (HTTP_MAX_LISTED, or in a
   * JSON batch what is left of BATCH_MAX_LISTED): how many entries each list left out (`stats`
   * still counts them all).
   */
  truncated?: { removed: number; lines: number };
  stats: CleanStats;
  model: string;
  /** Markdown input only: the body's lines as sent, with their markup (`text` is what a reader sees of them). */
  markdown?: string;
  /** HTML mode only: the page's metadata and how the page was read. */
  page?: PageInfo;
  html?: HtmlTrace;
}

/** What HTML mode found about the page beside its body. */
export interface PageInfo {
  byline?: string;
  published?: string;
  siteName?: string;
  /** `<html lang>` when the page declares it. */
  lang?: string;
  canonicalUrl?: string;
  excerpt?: string;
}

/** How HTML mode read the page: which DOM, what Readability said, which blocks were cleaned. */
export interface HtmlTrace {
  /** "readability": a DOM and Readability's region; "fast": the streaming segmenter and the
   *  region chosen from the text model's view (src/core/region.ts). */
  engine: "readability" | "fast";
  /** The DOM ("jsdom", "linkedom"), or "htmlparser2" for the fast engine's stream. */
  dom: string;
  readability: "ok" | "null" | "error" | "skipped";
  /** "readability": Readability's article region guided the filters; "region": the fast engine's;
   *  "body": none was found (or too little of the page's prose) and the whole body's blocks were
   *  cleaned on their own; "text": the HTML pass kept next to nothing and the text model's reading
   *  of the blocks decided (clean-html.ts, FALLBACK_MIN_WORDS); "json-ld": the page showed next to
   *  nothing and its JSON-LD articleBody was cleaned as text instead (clean-html.ts withArticleBody). */
  path: "readability" | "region" | "body" | "text" | "json-ld";
  blocks: number;
  articleBlocks: number;
}
