// Baselines for the evaluation (DESIGN.md §4): the input unchanged, and Readability on the page's
// HTML (@mozilla/readability on jsdom, Node only).

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { jsdomImpl } from "../dom/jsdom.ts";
import type { ParsedPage } from "../html/dom.ts";
import { blockText } from "../html/blocks.ts";
import { stripScriptsAndStyles } from "../html/prepare.ts";

/** Baseline 1: return the input as it came. */
export function unchanged(text: string): string {
  return text;
}

export interface ReadabilityResult {
  /** The article body, one block element per line; "" when Readability found nothing or threw. */
  text: string;
  title: string | null;
  /** ok: an article; null: Readability returned null; error: jsdom or Readability threw. */
  status: "ok" | "null" | "error";
  error?: string;
}

export interface ReadabilityOptions {
  /**
   * Remove <script> (except JSON-LD) and <style> elements from the HTML before jsdom parses it
   * (default true). Readability removes both itself before it looks at the page, and jsdom
   * parses every stylesheet, so this halves the time without changing the result (checked on
   * the corpus: identical text on every page compared).
   */
  stripScriptsAndStyles?: boolean;
}


/**
 * Baseline 2: Readability on the page's HTML, with the page URL as the document URL.
 * jsdom runs no scripts and fetches nothing (no runScripts, no resources); its virtual console
 * is not forwarded, so CSS parse errors and the like stay silent. Never throws.
 */
export function readabilityPredict(
  html: string,
  url?: string | null,
  opts: ReadabilityOptions = {},
): ReadabilityResult {
  const input = opts.stripScriptsAndStyles === false ? html : stripScriptsAndStyles(html);
  // css-tree (under jsdom's inline-style parser) reports some long values with console.warn.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("[csstree")) return;
    warn(...args);
  };
  let page: ParsedPage | undefined;
  try {
    page = jsdomImpl.parse(input, url ?? undefined);
    const Readability = jsdomImpl.readability();
    const reader = new Readability<Node>(page.document, { serializer: (n: Node) => n });
    const article = reader.parse();
    if (!article || !article.content) return { text: "", title: article?.title ?? null, status: "null" };
    return { text: blockText(article.content), title: article.title ?? null, status: "ok" };
  } catch (e) {
    return { text: "", title: null, status: "error", error: String((e as Error)?.message ?? e) };
  } finally {
    console.warn = warn;
    page?.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// A cache of Readability results, since they never change between runs of the evaluation and
// take most of its time. Keyed by page id + a hash of the HTML and URL + a version stamp built
// from this file's source and the readability/jsdom versions, so any change there recomputes.

interface CacheEntry {
  id: string;
  key: string;
  text: string;
  title: string | null;
  status: ReadabilityResult["status"];
  error?: string;
}

export class ReadabilityCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly stamp: string;
  private out: fs.WriteStream | null = null;
  private linesOnDisk = 0;
  hits = 0;
  misses = 0;

  constructor(readonly file: string, opts: ReadabilityOptions = {}) {
    this.stamp = versionStamp(opts);
    if (fs.existsSync(file)) {
      for (const line of fs.readFileSync(file, "utf8").split("\n")) {
        if (!line) continue;
        this.linesOnDisk++;
        try {
          const e = JSON.parse(line) as CacheEntry;
          this.entries.set(e.id, e);
        } catch {
          // a torn last line from an interrupted run: ignore it
        }
      }
    }
  }

  private keyOf(html: string, url: string | null | undefined): string {
    return crypto.createHash("sha1").update(this.stamp).update("\0").update(url ?? "").update("\0").update(html).digest("hex");
  }

  get(id: string, html: string, url: string | null | undefined): ReadabilityResult | undefined {
    const e = this.entries.get(id);
    if (!e || e.key !== this.keyOf(html, url)) return undefined;
    return { text: e.text, title: e.title, status: e.status, ...(e.error ? { error: e.error } : {}) };
  }

  set(id: string, html: string, url: string | null | undefined, r: ReadabilityResult): void {
    const e: CacheEntry = { id, key: this.keyOf(html, url), ...r };
    this.entries.set(id, e);
    if (!this.out) {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.out = fs.createWriteStream(this.file, { flags: "a" });
    }
    this.out.write(JSON.stringify(e) + "\n");
  }

  /** Readability for this page, from the cache when it holds the same input. */
  predict(id: string, html: string, url: string | null | undefined, opts: ReadabilityOptions = {}): ReadabilityResult & { cached: boolean } {
    const hit = this.get(id, html, url);
    if (hit) {
      this.hits++;
      return { ...hit, cached: true };
    }
    this.misses++;
    const r = readabilityPredict(html, url, opts);
    this.set(id, html, url, r);
    return { ...r, cached: false };
  }

  /** Flush the appended entries; compact the file when it holds superseded ones. */
  async close(): Promise<void> {
    const out = this.out;
    this.out = null;
    if (out) await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    if (this.linesOnDisk + this.misses > this.entries.size) {
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, [...this.entries.values()].map((e) => JSON.stringify(e) + "\n").join(""));
      fs.renameSync(tmp, this.file);
    }
  }
}

function versionStamp(opts: ReadabilityOptions): string {
  const require = createRequire(import.meta.url);
  const ver = (pkg: string): string => {
    try {
      return (require(`${pkg}/package.json`) as { version: string }).version;
    } catch {
      return "?";
    }
  };
  let self = "";
  try {
    self = crypto.createHash("sha1").update(fs.readFileSync(fileURLToPath(import.meta.url))).digest("hex");
  } catch {
    self = "?";
  }
  return `readability@${ver("@mozilla/readability")} jsdom@${ver("jsdom")} src=${self} strip=${opts.stripScriptsAndStyles !== false}`;
}
