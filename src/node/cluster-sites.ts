// Site templates shared by `npm start`'s worker processes: the primary keeps them (in memory, or in
// files: file-sites.ts) and each worker asks it over the cluster's IPC channel. Without this every
// worker learned on its own, a site's template took more pages to form with more workers, and
// GET or DELETE /v1/sites/{site} reached one worker's copy only.
import cluster from "node:cluster";
import { SiteLimitError, type SiteStore } from "../http/site-store.ts";
import { isPage, type SiteTemplate } from "../core/site-template.ts";

// A template crosses the channel only when the worker's copy is not the primary's latest: each
// template the primary stores gets a version, a worker's get says which version it holds, and an
// unchanged one is answered { same: true }. A template is up to 20 x 300 keys (~60 KB as JSON);
// sent on every request, it cost more than cleaning the page, and the worker's line counts for it
// (site-template.ts, made once per template object) would be made again each time.
// A learn sends the page only (a few KB); the primary adds it to the template it holds then, so
// that workers learning one site at once all count (SiteStore.learn).
interface Ask { bs: "sites"; id: number; op: "get" | "learn" | "delete"; site: string; page?: string[]; have?: number }
interface Answer { bs: "sites"; id: number; ok: boolean; template?: SiteTemplate | null; version?: number; same?: boolean; deleted?: boolean; error?: string; limit?: boolean }

const isAsk = (m: unknown): m is Ask => !!m && typeof m === "object" && (m as Ask).bs === "sites" && typeof (m as Ask).id === "number" && typeof (m as Ask).site === "string";
const isAnswer = (m: unknown): m is Answer => !!m && typeof m === "object" && (m as Answer).bs === "sites" && typeof (m as Answer).id === "number" && typeof (m as Answer).ok === "boolean";

// A worker waits this long for the primary's answer; past it the store counts as failed (a clean
// goes on without the template, a /v1/sites call answers 503). Set by hand: the primary answers
// from memory in well under a millisecond; only a primary stuck or gone takes longer.
const ASK_TIMEOUT_MS = 2000;

// Sites whose templates a worker keeps a copy of (the primary keeps NODE_SITES_MAX). Set by hand:
// a worker's recent sites, at ~0.1-0.4 MB each, without holding the primary's whole store again.
const WORKER_CACHE_SITES = 50;

/** In the primary: answers the workers' questions from one store (memory, or files: file-sites.ts). */
export function serveSiteStore(store: SiteStore): SiteStore {
  // Each stored template object's version; an evicted template's entry goes with it.
  const versions = new WeakMap<SiteTemplate, number>();
  let nextVersion = 1;
  const answer = async (msg: Ask): Promise<Omit<Answer, "bs" | "id" | "ok">> => {
    if (msg.op === "get") {
      const template = await store.get(msg.site);
      if (!template) return { template: null };
      // A template read back from a file has no version yet: it gets one now.
      let version = versions.get(template);
      if (!version) versions.set(template, (version = nextVersion++));
      return msg.have === version ? { same: true, version } : { template, version };
    }
    if (msg.op === "learn") {
      if (!isPage(msg.page)) throw new Error("a learn must send the page's template keys");
      const template = await store.learn(msg.site, msg.page);
      const version = nextVersion++;
      versions.set(template, version);
      return { template, version };
    }
    if (msg.op === "delete") return { deleted: await store.delete(msg.site) };
    throw new Error(`unknown site store operation ${String(msg.op)}`);
  };
  cluster.on("message", (worker, msg: unknown) => {
    if (!isAsk(msg)) return;
    const reply = (a: Omit<Answer, "bs" | "id">) => { if (worker.isConnected()) worker.send({ bs: "sites", id: msg.id, ...a }); };
    answer(msg).then((r) => reply({ ok: true, ...r }), (err: unknown) => reply({ ok: false, error: err instanceof Error ? err.message : String(err), limit: err instanceof SiteLimitError }));
  });
  return store;
}

/** In a worker: the primary's store, over IPC. */
export class ClusterSiteStore implements SiteStore {
  #next = 0;
  readonly #waiting = new Map<number, { resolve: (a: Answer) => void; timer: NodeJS.Timeout }>();
  /** The templates this worker last saw, by site, with their versions (least recently used first). */
  readonly #copies = new Map<string, { version: number; template: SiteTemplate }>();

  constructor() {
    process.on("message", (msg: unknown) => {
      if (!isAnswer(msg)) return;
      const w = this.#waiting.get(msg.id);
      if (!w) return;
      this.#waiting.delete(msg.id);
      clearTimeout(w.timer);
      w.resolve(msg);
    });
  }

  #ask(op: Ask["op"], site: string, page?: string[], have?: number): Promise<Answer> {
    return new Promise((resolve, reject) => {
      if (!process.send || !process.connected) return reject(new Error("no primary process to keep site templates"));
      const id = this.#next++;
      const timer = setTimeout(() => { this.#waiting.delete(id); reject(new Error("the primary process did not answer")); }, ASK_TIMEOUT_MS);
      timer.unref();
      this.#waiting.set(id, { resolve, timer });
      process.send({ bs: "sites", id, op, site, ...(page && { page }), ...(have !== undefined && { have }) } satisfies Ask);
    }).then((a) => (a as Answer).ok ? (a as Answer) : Promise.reject(new ((a as Answer).limit ? SiteLimitError : Error)((a as Answer).error ?? "site store failed")));
  }

  #keep(site: string, version: number | undefined, template: SiteTemplate): void {
    this.#copies.delete(site);
    if (!version) return;
    this.#copies.set(site, { version, template });
    while (this.#copies.size > WORKER_CACHE_SITES) this.#copies.delete(this.#copies.keys().next().value!);
  }

  async get(site: string): Promise<SiteTemplate | null> {
    const copy = this.#copies.get(site);
    const a = await this.#ask("get", site, undefined, copy?.version);
    if (a.same && copy) {
      this.#keep(site, copy.version, copy.template);
      return copy.template;
    }
    if (!a.template) {
      this.#copies.delete(site);
      return null;
    }
    this.#keep(site, a.version, a.template);
    return a.template;
  }
  async learn(site: string, page: string[]): Promise<SiteTemplate> {
    const a = await this.#ask("learn", site, page);
    this.#keep(site, a.version, a.template!);
    return a.template!;
  }
  async delete(site: string): Promise<boolean> {
    this.#copies.delete(site);
    return (await this.#ask("delete", site)).deleted === true;
  }
}
