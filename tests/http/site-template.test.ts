// Site templates through the Hono app in-process (app.request), with the Node server's store, and
// what happens when the store fails or there is none.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createApp, DEFAULT_MAX_BODY_BYTES } from "../../src/http/app.ts";
import { KeyedQueue, KvSiteStore, MemorySiteStore, siteKeyOf, type KvLike, type SiteStore } from "../../src/http/site-store.ts";
import { nodeDeps } from "../../src/node/deps.ts";
import { FileSiteStore } from "../../src/node/file-sites.ts";
import { APPEAL, cleanFourth, SITE_CASES } from "./site-cases.ts";

const app = createApp({ ...nodeDeps(), maxBodyBytes: DEFAULT_MAX_BODY_BYTES, sites: new MemorySiteStore(100) });

describe("site templates in-process", () => {
  for (const c of SITE_CASES) it(c.name, () => c.run(async (path, init) => app.request(path, init)));

  it("a failing store costs the template, never the request", async () => {
    const broken: SiteStore = { get: () => Promise.reject(new Error("store down")), learn: () => Promise.reject(new Error("store down")), delete: () => Promise.reject(new Error("store down")) };
    const a = createApp({ ...nodeDeps(), maxBodyBytes: DEFAULT_MAX_BODY_BYTES, sites: broken });
    const send = async (path: string, init?: RequestInit) => a.request(path, init);
    for (const k of [0, 1, 2]) expect((await cleanFourth(send, { url: `https://broken.example/${k}`, options: { siteTemplate: "learn" } })).text).toContain(APPEAL);
    expect((await cleanFourth(send, { url: "https://broken.example/4" })).text).toContain(APPEAL);
    // The /v1/sites routes exist to read and write the store: its failure is theirs, a 503.
    for (const [path, method] of [["/v1/sites/broken.example", "GET"], ["/v1/sites/broken.example", "DELETE"], ["/v1/sites/broken.example/learn", "POST"]]) {
      const res = await send(path, { method, ...(method === "POST" && { headers: { "content-type": "text/plain" }, body: "Some text of a page to learn." }) });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("site_store_unavailable");
    }
  });

  it("a store keeping as many sites as it may refuses a new one with 507 (not 503: retrying will not help); /v1/clean goes on", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-full-"));
    try {
      const a = createApp({ ...nodeDeps(), maxBodyBytes: DEFAULT_MAX_BODY_BYTES, sites: new FileSiteStore(dir, 10, 1) });
      const learn = (site: string) => a.request(`/v1/sites/${site}/learn`, { method: "POST", headers: { "content-type": "text/plain" }, body: "Some text of a page to learn, long enough to hold a line or two." });
      expect((await learn("kept.example")).status).toBe(200);
      const full = await learn("new.example");
      expect(full.status).toBe(507);
      expect(((await full.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "site_limit_reached", message: expect.stringMatching(/at most 1 sites.*DELETE/) });
      expect((await learn("kept.example")).status).toBe(200);
      const send = async (p: string, init?: RequestInit) => a.request(p, init);
      expect((await cleanFourth(send, { site: "new.example", options: { siteTemplate: "learn" } })).text).toContain(APPEAL);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("without a store, learn and use do nothing", async () => {
    const a = createApp({ ...nodeDeps(), maxBodyBytes: DEFAULT_MAX_BODY_BYTES });
    const send = async (path: string, init?: RequestInit) => a.request(path, init);
    for (const k of [0, 1, 2]) expect((await cleanFourth(send, { url: `https://nostore.example/${k}`, options: { siteTemplate: "learn" } })).text).toContain(APPEAL);
    expect((await cleanFourth(send, { url: "https://nostore.example/4" })).text).toContain(APPEAL);
    const res = await send("/v1/sites/nostore.example");
    expect(res.status).toBe(501);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_implemented");
  });
});

describe("site keys and the memory store", () => {
  it("names a site by `site`, else by the URL's host without www.", () => {
    expect(siteKeyOf({ site: "  My Group ", url: "https://a.example/" })).toBe("my group");
    expect(siteKeyOf({ url: "https://WWW.News.Example:8443/a?b" })).toBe("news.example");
    expect(siteKeyOf({ url: "not a url" })).toBeNull();
    expect(siteKeyOf({})).toBeNull();
    const long = siteKeyOf({ site: "x".repeat(2000) })!;
    expect(long.length).toBeLessThan(220);
    expect(long).not.toBe(siteKeyOf({ site: "x".repeat(1999) }));
  });

  it("keeps the most recently used sites up to its bound", async () => {
    const store = new MemorySiteStore(2);
    const a = await store.learn("a", ["k1"]);
    await store.learn("b", ["k2"]);
    await store.get("a");
    await store.learn("c", ["k3"]);
    expect(store.size).toBe(2);
    expect(await store.get("b")).toBeNull();
    expect(await store.get("a")).toBe(a);
    expect(await store.delete("a")).toBe(true);
    expect(await store.delete("a")).toBe(false);
  });

  it("KvSiteStore: a learn whose read fails fails, and leaves the stored template alone; a value that is not JSON reads as none", async () => {
    const values = new Map<string, string>();
    let failNext = false;
    const kv: KvLike = {
      async get(key) {
        if (failNext) { failNext = false; throw new Error("KV unavailable"); }
        const v = values.get(key);
        return v === undefined ? null : JSON.parse(v);
      },
      async put(key, value) { values.set(key, value); },
      async delete(key) { values.delete(key); },
    };
    const store = new KvSiteStore(kv);
    await store.learn("kv.example", ["k1"]);
    await store.learn("kv.example", ["k2"]);
    failNext = true;
    await expect(store.learn("kv.example", ["k3"])).rejects.toThrow(/KV unavailable/);
    expect((await store.get("kv.example"))?.recent).toEqual([["k1"], ["k2"]]);
    values.set("template:garbled.example", "{not json");
    expect(await store.get("garbled.example")).toBeNull();
    expect((await store.learn("garbled.example", ["k1"])).pages).toBe(1);
  });

  it("KeyedQueue runs one key's calls in order, each after the last settled, and others alongside", async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    const step = (name: string, ms: number, fail = false) => async () => {
      log.push(`${name}+`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name}-`);
      if (fail) throw new Error(name);
      return name;
    };
    const runs = [q.run("a", step("a1", 20, true)), q.run("a", step("a2", 1)), q.run("b", step("b1", 5))];
    expect(q.size).toBe(2);
    const settled = await Promise.allSettled(runs);
    expect(settled.map((s) => s.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    // b ran while a1 waited; a2 began only after a1 had failed.
    expect(log).toEqual(["a1+", "b1+", "b1-", "a1-", "a2+", "a2-"]);
    await new Promise((r) => setTimeout(r, 0));
    expect(q.size).toBe(0);
  });
});
