/// <reference types="@cloudflare/vitest-pool-workers/types" />
// Site templates in Workers KV: with a SITES namespace bound (vitest.config.ts), what the Worker
// learns is stored there, under the site's key, as hashes of lines, and read back for the next page.
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ServiceEnv } from "../../src/http/config.ts";
import type { KvLike } from "../../src/http/site-store.ts";
import { KEY_A } from "../http/security-cases.ts";
import { APPEAL, ARTICLES, cleanFourth, learnThree } from "../http/site-cases.ts";

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

  it("reads a value that is not a template as none", async () => {
    const kv = (env as ServiceEnv & { SITES: KvLike }).SITES;
    await kv.put("template:garbled.example", "{not json");
    expect((await cleanFourth(send, { url: "https://garbled.example/4" }, auth)).text).toContain(APPEAL);
  });
});
