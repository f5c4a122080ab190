// The TypeScript client against the real Node server, and against a real HTTP proxy in front of
// it that answers 429 and 503 first, to see the retries and Retry-After honoured.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sampleA from "../../samples/001_be03bee398530b61.txt?raw";
import sampleB from "../../samples/004_a86a9555ccac3cd4.txt?raw";
import { BoilerstripClient, BoilerstripError, type BatchItem, type Document } from "../../src/client/index.ts";
import { delayMs, retryAfterMs } from "../../src/client/retry.ts";
import { MAX_BATCH_DOCS } from "../../src/http/schemas.ts";
import { clean } from "../../src/index.ts";
import { startServer, type NodeServer } from "../../src/node/server.ts";
import { APPEAL, sitePage } from "../http/site-cases.ts";

let server: NodeServer;
beforeAll(async () => {
  server = await startServer({ port: 0, host: "127.0.0.1", env: {} });
});
afterAll(() => server?.close());

/** A proxy that answers the first failures.length requests with those statuses, then forwards. */
async function flakyProxy(failures: { status: number; retryAfter?: string }[]) {
  const seen: number[] = [];
  const proxy = http.createServer(async (req, res) => {
    seen.push(Date.now());
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const fail = failures[seen.length - 1];
    if (fail) {
      res.writeHead(fail.status, { "content-type": "application/json", ...(fail.retryAfter && { "retry-after": fail.retryAfter }) });
      return res.end(JSON.stringify({ error: { code: fail.status === 429 ? "rate_limited" : "unavailable", message: "try later" } }));
    }
    const upstream = await fetch(server.url + req.url, { method: req.method, headers: { "content-type": req.headers["content-type"] ?? "" }, body: req.method === "GET" ? undefined : Buffer.concat(chunks) });
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "" });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", () => r()));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, seen, close: () => new Promise((r) => proxy.close(r)) };
}

describe("BoilerstripClient", () => {
  it("clean returns what the library returns; errors are BoilerstripError with status and code", async () => {
    const client = new BoilerstripClient({ baseUrl: server.url + "/" });
    const r = await client.clean(sampleA, { preference: "recall" });
    expect(r.text).toBe(clean(sampleA, { preference: "recall" }).text);
    expect((await client.clean({ text: sampleB, url: "https://example.org/x" })).text).toBe(clean(sampleB).text);
    expect((await client.health()).model).toBe(r.model);
    const err = await client.clean(sampleA, { minConfidence: 3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BoilerstripError);
    expect(err).toMatchObject({ status: 400, code: "invalid_options" });
  });

  it("learns pages into a site's template, reads its counts and forgets it", async () => {
    const client = new BoilerstripClient({ baseUrl: server.url });
    expect(await client.siteTemplate("Client Site")).toBeNull();
    for (let k = 0; k < 3; k++) expect((await client.learn("Client Site", sitePage(k))).pages).toBe(k + 1);
    expect(await client.siteTemplate("client site")).toMatchObject({ site: "client site", pages: 3, templateLines: 1 });
    expect((await client.clean({ text: sitePage(3), site: "client site" })).text).not.toContain(APPEAL);
    expect(await client.forgetSite("Client Site")).toBe(true);
    expect(await client.forgetSite("Client Site")).toBe(false);
    expect((await client.clean({ text: sitePage(3), site: "client site" })).text).toContain(APPEAL);
  });

  it("batch yields every document in order and reads the source only as results are consumed", async () => {
    const client = new BoilerstripClient({ baseUrl: server.url });
    const N = 23;
    let pulled = 0;
    async function* source(): AsyncGenerator<Document> {
      for (let i = 0; i < N; i++) {
        pulled++;
        yield i === 7 ? { id: i, text: "" } : { id: i, text: i % 2 ? sampleA : sampleB };
      }
    }
    const chunkSize = 4, concurrency = 2;
    let consumed = 0;
    const aheads: number[] = [];
    for await (const item of client.batch(source(), { chunkSize, concurrency })) {
      aheads.push(pulled - consumed);
      expect(item.index).toBe(consumed);
      expect(item.id).toBe(consumed);
      if (consumed === 7) expect(item).toMatchObject({ ok: false, error: { code: "no_text" } });
      else if (item.ok) expect(item.result.text).toBe(clean(consumed % 2 ? sampleA : sampleB).text);
      else throw new Error(`document ${consumed} failed: ${item.error.message}`);
      consumed++;
      await new Promise((r) => setTimeout(r, 5)); // a slow consumer
    }
    expect(consumed).toBe(N);
    expect(Math.max(...aheads)).toBeLessThanOrEqual(chunkSize * (concurrency + 1));
  });

  it("a chunkSize above the server's JSON batch limit is capped to it, not refused with 413", async () => {
    const client = new BoilerstripClient({ baseUrl: server.url });
    const docs = Array.from({ length: MAX_BATCH_DOCS + 1 }, (_, i) => ({ id: i, text: `Line ${i} of a short note.` }));
    const items: BatchItem[] = [];
    for await (const item of client.batch(docs, { chunkSize: 10 * MAX_BATCH_DOCS })) items.push(item);
    expect(items.map((x) => x.index)).toEqual(docs.map((d) => d.id));
    expect(items.filter((x) => !x.ok)).toEqual([]);
  });

  it("retries 429 and 503, waiting as long as Retry-After says", async () => {
    const proxy = await flakyProxy([{ status: 429, retryAfter: "1" }, { status: 503 }]);
    try {
      const client = new BoilerstripClient({ baseUrl: proxy.url, retry: { backoffMs: 20 } });
      const r = await client.clean(sampleA);
      expect(r.text).toBe(clean(sampleA).text);
      expect(proxy.seen.length).toBe(3);
      expect(proxy.seen[1] - proxy.seen[0]).toBeGreaterThanOrEqual(950);
      expect(proxy.seen[2] - proxy.seen[1]).toBeLessThan(900);
    } finally {
      await proxy.close();
    }
  });

  it("gives up after the configured retries with the last error; 4xx other than 429 is not retried", async () => {
    const proxy = await flakyProxy(Array.from({ length: 10 }, () => ({ status: 503 })));
    try {
      const client = new BoilerstripClient({ baseUrl: proxy.url, retry: { retries: 2, backoffMs: 5 } });
      await expect(client.clean(sampleA)).rejects.toMatchObject({ status: 503, code: "unavailable" });
      expect(proxy.seen.length).toBe(3);
    } finally {
      await proxy.close();
    }
    const direct = await flakyProxy([]);
    try {
      const client = new BoilerstripClient({ baseUrl: direct.url, retry: { backoffMs: 5 } });
      await expect(client.clean("")).rejects.toMatchObject({ status: 400 });
      expect(direct.seen.length).toBe(1);
    } finally {
      await direct.close();
    }
  });

  it("reads Retry-After as seconds or a date, and caps every wait", () => {
    expect(retryAfterMs("2")).toBe(2000);
    expect(retryAfterMs(new Date(10_000 + 3000).toUTCString(), 10_000)).toBe(3000);
    expect(retryAfterMs("soon")).toBeUndefined();
    const policy = { retries: 4, backoffMs: 100, maxDelayMs: 1000 };
    expect(delayMs(policy, 3, undefined, () => 1)).toBe(800);
    expect(delayMs(policy, 5, undefined, () => 1)).toBe(1000);
    expect(delayMs(policy, 0, 5000)).toBe(1000);
  });
});
