// A disk cache of readPage results (parse + Readability + blocks) for training and evaluation:
// that stage is deterministic and takes nearly all of HTML mode's time (jsdom ~0.4 s a page), so
// re-running the learned part must not redo it. Keyed by page id + a hash of the HTML and URL +
// PAGE_READER_VERSION (bumped by hand whenever src/html/ changes what readPage returns) and the
// DOM library versions.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { DomImpl } from "../html/dom.ts";
import { boundsKey, PAGE_READER_VERSION, readPage, type ReadPage } from "../html/read-page.ts";
import { REPO_ROOT } from "./corpus.ts";

interface Entry {
  id: string;
  key: string;
  page: Omit<ReadPage, "inArticle"> & { inArticle: number[] };
}

function stamp(dom: DomImpl): string {
  const h = crypto.createHash("sha1").update(String(PAGE_READER_VERSION[dom.name]));
  const require = createRequire(import.meta.url);
  for (const pkg of ["@mozilla/readability", "jsdom", "linkedom"]) h.update((require(`${pkg}/package.json`) as { version: string }).version);
  return `${dom.name}:${h.digest("hex")}`;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly stamp: string;
  private readonly file: string;
  private out: fs.WriteStream | null = null;
  hits = 0;
  misses = 0;

  constructor(readonly dom: DomImpl, dir = path.join(REPO_ROOT, ".tmp", "page-cache")) {
    this.stamp = stamp(dom);
    this.file = path.join(dir, `${dom.name}.jsonl`);
    if (!fs.existsSync(this.file)) return;
    for (const line of fs.readFileSync(this.file, "utf8").split("\n")) {
      if (!line) continue;
      try {
        const e = JSON.parse(line) as Entry;
        this.entries.set(e.id, e);
      } catch {
        // a torn last line from an interrupted run
      }
    }
  }

  private keyOf(html: string, url: string | undefined): string {
    const h = crypto.createHash("sha1").update(this.stamp).update("\0").update(url ?? "").update("\0").update(html);
    const bounds = boundsKey(html);
    if (bounds) h.update("\0").update(bounds);
    return h.digest("hex");
  }

  /** readPage for this page, from the cache when it holds the same input and code. */
  read(id: string, html: string, url: string | undefined): ReadPage & { cached: boolean } {
    const key = this.keyOf(html, url);
    const e = this.entries.get(id);
    if (e && e.key === key) {
      this.hits++;
      return { ...e.page, inArticle: Uint8Array.from(e.page.inArticle), cached: true };
    }
    this.misses++;
    const page = readPage(html, this.dom, url);
    const entry: Entry = { id, key, page: { ...page, inArticle: Array.from(page.inArticle) } };
    this.entries.set(id, entry);
    if (!this.out) {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.out = fs.createWriteStream(this.file, { flags: "a" });
    }
    this.out.write(JSON.stringify(entry) + "\n");
    return { ...page, cached: false };
  }

  async close(): Promise<void> {
    const out = this.out;
    this.out = null;
    if (out) await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
}
