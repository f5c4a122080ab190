/// <reference types="@cloudflare/vitest-pool-workers/types" />
// Site templates in Workers KV: with a SITES namespace bound (vitest.config.ts), what the Worker
// learns is stored there, under the site's key, as hashes of lines, and read back for the next page.
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ServiceEnv } from "../../src/http/config.ts";
import type { KvLike } from "../../src/http/site-store.ts";
import { KEY_A } from "../http/security-cases.ts";
import { APPEAL, ARTICLES, cleanFourth, learnThree, sitePage } from "../http/site-cases.ts";

const send = (path: string, init?: RequestInit) => SELF.fetch("http://boilerstrip.test" + path, init);
const auth = { authorization: `Bearer ${KEY_A}` };

describe("site templates in Workers KV", () => {
  it("learns pages into KV and cuts the template from the site's next page", async () => {
    const kv = (env as ServiceEnv & { SITES: KvLike }).SITES;
    await learnThree(send, { url: "https://kv-news.example/1" }, auth);
    const stored = (await kv.get("template:kv-news.example", "json")) as { v: number; pages: number; recent: string[][] };
    expect(stored.v).toBe(1);
    expect(stored.pages).toBe(3);
    expect(JSON.stringify(stored)).not.toContain("journalism");
    const body = await cleanFourth(send, { url: "https://kv-news.example/4" }, auth);
    expect(body.text).toBe(ARTICLES[3].join("\n"));
    expect(body.removed.map((r) => r.text)).toContain(APPEAL);
  });

  it("GET and DELETE /v1/sites/{site} read and delete the KV value", async () => {
    const kv = (env as ServiceEnv & { SITES: KvLike }).SITES;
    await learnThree(send, { url: "https://kv-gone.example/1" }, auth);
    expect(((await (await send("/v1/sites/kv-gone.example", { headers: auth })).json()) as { pages: number }).pages).toBe(3);
    expect(await (await send("/v1/sites/kv-gone.example", { method: "DELETE", headers: auth })).json()).toEqual({ site: "kv-gone.example", deleted: true });
    expect(await kv.get("template:kv-gone.example", "json")).toBeNull();
    expect((await cleanFourth(send, { url: "https://kv-gone.example/4" }, auth)).text).toContain(APPEAL);
    // The routes are behind the API key like the rest of /v1.
    expect((await send("/v1/sites/kv-gone.example")).status).toBe(401);
  });

  it("counts every page of learns sent at once, and says when DELETE found nothing", async () => {
    const kv = (env as ServiceEnv & { SITES: KvLike }).SITES;
    const learns = await Promise.all(Array.from({ length: 8 }, (_, i) => send("/v1/sites/kv-busy.example/learn", { method: "POST", headers: { ...auth, "content-type": "text/plain" }, body: sitePage(i % 4) })));
    expect(learns.map((r: Response) => r.status)).toEqual(Array(8).fill(200));
    expect(((await kv.get("template:kv-busy.example", "json")) as { pages: number }).pages).toBe(8);
    expect(await (await send("/v1/sites/kv-never.example", { method: "DELETE", headers: auth })).json()).toEqual({ site: "kv-never.example", deleted: false });
  });

  it("reads a value that is not a template as none", async () => {
    const kv = (env as ServiceEnv & { SITES: KvLike }).SITES;
    await kv.put("template:garbled.example", "{not json");
    expect((await cleanFourth(send, { url: "https://garbled.example/4" }, auth)).text).toContain(APPEAL);
  });
});
