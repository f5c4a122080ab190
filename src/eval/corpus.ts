// Streaming reader for the evaluation corpus (WCXB dev, ../shared/corpus/README.md).
//
// The file is JSONL, gzip-compressed, ~425 MB unpacked and mostly HTML: pages are yielded one at
// a time, and the file is read only as fast as they are consumed, so the reader holds about one
// page's HTML at a time.
//
// Not readline: its async iterator buffers up to 1024 lines ahead of a slow consumer (here that
// is most of the file, ~400 MB RSS after 100 slow pages), so lines are split by hand over the
// stream's own async iterator, which does apply backpressure.

import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

export interface CorpusMeta {
  split?: string;
  /** article, forum, service, listing, documentation, collection or product. */
  page_type: string;
  title?: string;
  with?: string[];
  without?: string[];
  [key: string]: unknown;
}

export interface CorpusPage {
  id: string;
  url: string | null;
  lang: string | null;
  html: string;
  /** Gold main content, one paragraph per line, without the page title. */
  gold: string;
  /** Visible text of the whole <body>, one block per line. */
  page_text: string;
  /** Text of the article column: the body plus the boilerplate around it. */
  loose_text: string;
  meta: CorpusMeta;
}

/** The repository root: this file is <root>/src/eval/corpus.ts. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The shared folder that sits beside the repository clone (corpus, reference scorer, seeds). */
export const SHARED_DIR = path.resolve(REPO_ROOT, "..", "shared");

export const DEFAULT_CORPUS = path.join(SHARED_DIR, "corpus", "wcxb-dev.jsonl.gz");

/**
 * The corpus path: an explicit path (the `--corpus` flag) wins, then the environment variable
 * BOILERSTRIP_CORPUS, then ../shared/corpus/wcxb-dev.jsonl.gz beside the repository.
 * A relative path is taken relative to the current directory, as a shell user expects.
 */
export function resolveCorpusPath(explicit?: string | null): string {
  const p = explicit || process.env.BOILERSTRIP_CORPUS || DEFAULT_CORPUS;
  return path.resolve(p);
}

export interface ReadCorpusOptions {
  /** Corpus file (.jsonl or .jsonl.gz); see resolveCorpusPath for the default. */
  path?: string | null;
  /** Stop after this many pages (after the filter). */
  limit?: number;
  /** Keep only pages for which this returns true. */
  filter?: (page: CorpusPage) => boolean;
}

/**
 * Yield the corpus pages in file order. Breaking out of the loop closes the file.
 * Throws a clear error when the file is missing or a line is not a valid record.
 */
export async function* readCorpus(opts: ReadCorpusOptions = {}): AsyncGenerator<CorpusPage> {
  const file = resolveCorpusPath(opts.path);
  if (!fs.existsSync(file)) {
    throw new Error(
      `corpus not found: ${file}\n` +
        `  expected the shared folder beside the repository (${DEFAULT_CORPUS}),\n` +
        `  or pass --corpus PATH / set BOILERSTRIP_CORPUS`,
    );
  }
  const limit = opts.limit ?? Infinity;
  if (limit <= 0) return;
  const raw = fs.createReadStream(file);
  const input: Readable = /\.gz$/i.test(file) ? raw.pipe(zlib.createGunzip()) : raw;
  // Propagate a read error to the consuming loop instead of an unhandled 'error' event.
  if (input !== raw) raw.on("error", (e) => input.destroy(e));
  let n = 0;
  let lineNo = 0;
  try {
    for await (const line of splitLines(input)) {
      lineNo++;
      if (!line.trim()) continue;
      let rec: unknown;
      try {
        rec = JSON.parse(line);
      } catch (e) {
        throw new Error(`${file}:${lineNo}: invalid JSON (${(e as Error).message})`);
      }
      const page = toPage(rec, `${file}:${lineNo}`);
      if (opts.filter && !opts.filter(page)) continue;
      yield page;
      if (++n >= limit) break;
    }
  } finally {
    raw.destroy();
    if (input !== raw) input.destroy();
  }
}

/** Lines of a byte stream decoded as UTF-8 (a trailing "\r" is dropped, as readline does). */
export async function* splitLines(input: Readable): AsyncGenerator<string> {
  input.setEncoding("utf8"); // decodes multi-byte characters split across chunks correctly
  let parts: string[] = [];
  for await (const chunk of input as AsyncIterable<string>) {
    let start = 0;
    let nl: number;
    while ((nl = chunk.indexOf("\n", start)) !== -1) {
      parts.push(chunk.slice(start, nl));
      const line = parts.length === 1 ? parts[0] : parts.join("");
      parts = [];
      yield line.endsWith("\r") ? line.slice(0, -1) : line;
      start = nl + 1;
    }
    if (start < chunk.length) parts.push(chunk.slice(start));
  }
  if (parts.length) {
    const line = parts.join("");
    yield line.endsWith("\r") ? line.slice(0, -1) : line;
  }
}

function str(v: unknown): string {
  return typeof v === "string" ? v : v == null ? "" : String(v);
}

function toPage(rec: unknown, where: string): CorpusPage {
  if (!rec || typeof rec !== "object") throw new Error(`${where}: not a JSON object`);
  const r = rec as Record<string, unknown>;
  if (r.id == null) throw new Error(`${where}: record without id`);
  const meta = (r.meta && typeof r.meta === "object" ? r.meta : {}) as CorpusMeta;
  return {
    id: String(r.id),
    url: typeof r.url === "string" && r.url ? r.url : null,
    lang: typeof r.lang === "string" ? r.lang : null,
    html: str(r.html),
    gold: str(r.gold),
    page_text: str(r.page_text),
    loose_text: str(r.loose_text),
    meta: { ...meta, page_type: str(meta.page_type) || "unknown" },
  };
}

/** Host name of a URL, lower-cased, without a leading "www."; "" when there is none. */
export function siteOf(url: string | null | undefined): string {
  if (!url) return "";
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return "";
  }
}

/**
 * The site a page belongs to, for site-grouped splits: its URL's host; failing that, the host
 * of the page's canonical / og:url link; failing that, a group of its own ("?<id>"), so an
 * unknown page never lands in another site's fold by accident.
 */
// The canonical / og:url link is looked for in the page's first this many characters. Set by hand,
// not measured: meant to hold any page's <head> while bounding the regexes' work on a huge page.
const CANONICAL_HEAD_CHARS = 200_000;

export function pageSite(page: Pick<CorpusPage, "id" | "url" | "html">): string {
  const s = siteOf(page.url);
  if (s) return s;
  const head = page.html.slice(0, CANONICAL_HEAD_CHARS);
  const m =
    /<link\b[^>]*\brel=["']?canonical["']?[^>]*\bhref=["']([^"']+)["']/i.exec(head) ??
    /<link\b[^>]*\bhref=["']([^"']+)["'][^>]*\brel=["']?canonical\b/i.exec(head) ??
    /<meta\b[^>]*\bproperty=["']og:url["'][^>]*\bcontent=["']([^"']+)["']/i.exec(head);
  const fromHtml = m ? siteOf(m[1]) : "";
  return fromHtml || `?${page.id}`;
}
