// Site templates on disk under Node (BOILERSTRIP_SITES_DIR), so a restart keeps what the service
// learned: one JSON file per site in the directory, written whole to a temporary name and renamed
// over the old one (a reader never sees half a file). The memory store in front answers reads
// (DESIGN.md §2: "in memory or a file under Node").
import { randomBytes } from "node:crypto";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { fnv1a } from "../core/hash.ts";
import { addPage, parseTemplate, type SiteTemplate } from "../core/site-template.ts";
import { KeyedQueue, MemorySiteStore, NODE_SITES_MAX, SiteLimitError, type SiteStore } from "../http/site-store.ts";

/** What a file holds: the site's key beside its template (two keys sharing a file name are told apart). */
interface SiteFile { site: string; template: SiteTemplate }

/** The file of a site: its key's readable part and a hash (keys hold spaces, slashes, any letter). */
export function siteFileName(site: string): string {
  const readable = site.replace(/[^a-z0-9.-]+/g, "_").slice(0, 80);
  return `${readable}-${fnv1a(site).toString(36)}.json`;
}

/**
 * The store a Node process keeps site templates in: files under BOILERSTRIP_SITES_DIR (made if
 * missing; start-up fails if it cannot be written), else memory only. Checked once, at start-up.
 */
export function siteStoreFrom(env: NodeJS.ProcessEnv): FileSiteStore | MemorySiteStore {
  const dir = env.BOILERSTRIP_SITES_DIR;
  if (!dir) return new MemorySiteStore(NODE_SITES_MAX);
  try {
    fsSync.mkdirSync(dir, { recursive: true });
    fsSync.accessSync(dir, fsSync.constants.W_OK);
  } catch (err) {
    throw new Error(`BOILERSTRIP_SITES_DIR ${dir} cannot be written: ${(err as Error).message}`);
  }
  return new FileSiteStore(path.resolve(dir));
}

// Sites kept on disk at most: a template file is at most ~60 KB (20 pages x 300 keys), so 10,000
// sites stay under ~600 MB however many sites clients name. Set by hand, not tuned. Past it a new
// site is not stored (SiteLimitError: /v1/clean goes on without, /v1/sites answers 507);
// sites already kept go on learning, and DELETE frees room.
export const FILE_SITES_MAX = 10_000;

export class FileSiteStore implements SiteStore {
  readonly #memory: MemorySiteStore;
  /** Names of the site files in the directory: listed at start, then kept by learn and delete. */
  readonly #names: Set<string>;
  /** A site's file reads, learns and deletes run one after another (KeyedQueue). */
  readonly #queue = new KeyedQueue();
  constructor(private readonly dir: string, maxSites = NODE_SITES_MAX, private readonly maxFiles = FILE_SITES_MAX) {
    this.#memory = new MemorySiteStore(maxSites);
    this.#names = new Set(fsSync.readdirSync(dir).filter((f) => f.endsWith(".json")));
  }

  async get(site: string): Promise<SiteTemplate | null> {
    const held = await this.#memory.get(site);
    if (held) return held;
    // A site with no file is answered without touching the disk (most sites /v1/clean sees).
    if (!this.#names.has(siteFileName(site))) return null;
    // Read in the site's queue: a read that overlapped a learn or a delete could otherwise put
    // what it read (a page short, or a deleted template) in memory after them.
    return this.#queue.run(site, () => this.#load(site));
  }

  /** The site's template from memory, else from its file (kept in memory); run in the site's queue. */
  async #load(site: string): Promise<SiteTemplate | null> {
    const held = await this.#memory.get(site);
    if (held) return held;
    const name = siteFileName(site);
    if (!this.#names.has(name)) return null;
    let raw: string;
    try {
      raw = await fs.readFile(path.join(this.dir, name), "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
    // A file that is not one (edited by hand, another site's under a colliding name) reads as none.
    let parsed: Partial<SiteFile> | null = null;
    try {
      parsed = JSON.parse(raw) as Partial<SiteFile>;
    } catch {
      return null;
    }
    const template = parsed?.site === site ? parseTemplate(parsed.template) : null;
    if (template) this.#memory.set(site, template);
    return template;
  }

  learn(site: string, page: string[]): Promise<SiteTemplate> {
    return this.#queue.run(site, async () => {
      const name = siteFileName(site);
      // A new site's name is taken before the first await, so that learns of new sites at once
      // cannot all pass the bound; it is given back if the file is not written.
      const isNew = !this.#names.has(name);
      if (isNew && this.#names.size >= this.maxFiles) throw new SiteLimitError(`this server keeps at most ${this.maxFiles} sites' templates: delete one it no longer needs (DELETE /v1/sites/{site})`);
      if (isNew) this.#names.add(name);
      try {
        const template = addPage(isNew ? null : await this.#load(site), page);
        const file = path.join(this.dir, name);
        const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
        await fs.writeFile(tmp, JSON.stringify({ site, template } satisfies SiteFile));
        await fs.rename(tmp, file);
        this.#memory.set(site, template);
        return template;
      } catch (err) {
        if (isNew) this.#names.delete(name);
        throw err;
      }
    });
  }

  delete(site: string): Promise<boolean> {
    return this.#queue.run(site, async () => {
      // Off the list and out of memory before the first await, so that no read from now on finds it.
      const name = siteFileName(site);
      const had = this.#names.delete(name);
      await this.#memory.delete(site);
      if (had) await fs.rm(path.join(this.dir, name), { force: true });
      return had;
    });
  }

  /** Site files in the directory. */
  get files(): number {
    return this.#names.size;
  }
}
