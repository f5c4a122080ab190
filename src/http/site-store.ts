// Where the hosts keep site templates (src/core/site-template.ts), and which site a document
// belongs to. A store maps a site key to its template; the Node server keeps them in its
// process's memory, the Worker in Workers KV when a SITES namespace is bound (else in the
// isolate's memory). A template holds hashes of lines, never their text.
import type { CleanOptions } from "../core/options.ts";
import { fnv1a } from "../core/hash.ts";
import { addPage, parseTemplate, type SiteTemplate } from "../core/site-template.ts";

export interface SiteStore {
  get(site: string): Promise<SiteTemplate | null>;
  /**
   * Adds one page (pageKeys) to the site's template as the store holds it when the page arrives,
   * and returns the template with it. Pages of one site learned at once all count: a store never
   * writes back a template read before another page of the site was added.
   */
  learn(site: string, page: string[]): Promise<SiteTemplate>;
  /** Forgets the site's template (DELETE /v1/sites/{site}); true when there was one. */
  delete(site: string): Promise<boolean>;
}

/** A store that keeps no more sites refuses a new one with this (DELETE frees room): not a failure to retry. */
export class SiteLimitError extends Error {}

/**
 * Runs the calls given for one key one after another, each after the last has settled; calls
 * for other keys run freely. A store whose learn reads, adds a page and writes back through
 * awaits (a file, KV) runs it under its site's key, so that no two overlap.
 */
export class KeyedQueue {
  readonly #tails = new Map<string, Promise<unknown>>();
  run<T>(key: string, call: () => Promise<T>): Promise<T> {
    const done = (this.#tails.get(key) ?? Promise.resolve()).then(call);
    const tail = done.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => { if (this.#tails.get(key) === tail) this.#tails.delete(key); });
    return done;
  }
  /** Keys with calls running or waiting. */
  get size(): number {
    return this.#tails.size;
  }
}

/**
 * The site a document's template is kept under: `site` as given (trimmed, lower-cased), else the
 * host name of `url` without a leading "www."; null when there is neither or the URL has no host.
 */
export function siteKeyOf(opts: Pick<CleanOptions, "site" | "url">): string | null {
  const given = opts.site?.trim().toLowerCase();
  if (given) return bounded(given);
  if (!opts.url) return null;
  try {
    const host = new URL(opts.url).hostname.toLowerCase();
    return host ? host.replace(/^www\./, "") : null;
  } catch {
    return null;
  }
}

// A site key longer than this is cut and its hash appended: a KV key is at most 512 bytes. Set by
// hand, not tuned: a host name is at most 253 characters.
const SITE_KEY_MAX_CHARS = 200;
const bounded = (key: string) => (key.length <= SITE_KEY_MAX_CHARS ? key : `${key.slice(0, SITE_KEY_MAX_CHARS)}#${fnv1a(key).toString(36)}`);

// Sites whose templates a process keeps in memory. A template is at most 20 pages x 300 line
// hashes; with the counts made from it, some 0.4 MB in memory at worst and 0.1-0.2 MB for a
// typical site (a page has a few dozen to a hundred lines of four words or more). Set by hand, not
// tuned: under Node 200 sites stay within ~30 MB typically (~90 MB at worst); a Worker isolate
// (128 MB in all) without a KV namespace keeps 50.
export const NODE_SITES_MAX = 200;
export const WORKER_SITES_MAX = 50;

/**
 * Templates in memory, the least recently used dropped past `maxSites`. The same object is handed
 * out until a page is learned, so its line counts are made once (site-template.ts). A learn
 * reads and writes with no await between: nothing can come in between.
 */
export class MemorySiteStore implements SiteStore {
  readonly #sites = new Map<string, SiteTemplate>();
  constructor(private readonly maxSites: number) {}
  async get(site: string): Promise<SiteTemplate | null> {
    const t = this.#sites.get(site);
    if (!t) return null;
    // Move to the end: the most recently used.
    this.#sites.delete(site);
    this.#sites.set(site, t);
    return t;
  }
  async learn(site: string, page: string[]): Promise<SiteTemplate> {
    const t = addPage(this.#sites.get(site) ?? null, page);
    this.set(site, t);
    return t;
  }
  /** Holds `template` for the site as it is (the file store keeps what it read or wrote here). */
  set(site: string, template: SiteTemplate): void {
    this.#sites.delete(site);
    this.#sites.set(site, template);
    while (this.#sites.size > this.maxSites) this.#sites.delete(this.#sites.keys().next().value!);
  }
  async delete(site: string): Promise<boolean> {
    return this.#sites.delete(site);
  }
  get size(): number {
    return this.#sites.size;
  }
}

/** What the KV store needs of a Workers KV namespace. */
export interface KvLike {
  get(key: string, type: "json"): Promise<unknown>;
  put(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

// KV keys: the site under a prefix, so the namespace can hold other things later.
const KV_PREFIX = "template:";

/**
 * Templates in Workers KV (eventually consistent: another location may see a page's learning a
 * minute later). Learns of one site in this isolate run one after another; KV has no
 * compare-and-swap, so two locations learning one site within the same moment can still each
 * write back a template without the other's page (the last write wins).
 */
export class KvSiteStore implements SiteStore {
  readonly #queue = new KeyedQueue();
  constructor(private readonly kv: KvLike) {}
  async get(site: string): Promise<SiteTemplate | null> {
    return this.#read(site).catch(() => null);
  }
  /** The stored template; a value that is not one (not JSON, another format) reads as none, and a failing KV throws. */
  async #read(site: string): Promise<SiteTemplate | null> {
    let value: unknown;
    try {
      value = await this.kv.get(KV_PREFIX + site, "json");
    } catch (err) {
      if (err instanceof SyntaxError) return null; // a value that is not JSON
      throw err;
    }
    return parseTemplate(value);
  }
  learn(site: string, page: string[]): Promise<SiteTemplate> {
    return this.#queue.run(site, async () => {
      // A read that fails fails the learn: writing a one-page template over the stored one would lose it.
      const t = addPage(await this.#read(site), page);
      await this.kv.put(KV_PREFIX + site, JSON.stringify(t));
      return t;
    });
  }
  delete(site: string): Promise<boolean> {
    // KV's delete does not say whether the key was there: read first, in the site's queue.
    return this.#queue.run(site, async () => {
      const had = (await this.kv.get(KV_PREFIX + site, "json").catch(() => null)) !== null;
      await this.kv.delete(KV_PREFIX + site);
      return had;
    });
  }
}
