// /openapi.json is built from the schemas the handlers validate with: real answers match the
// published schemas, and validation failures keep our error shape.
import { nodeDeps } from "../../src/node/deps.ts";
import { describe, expect, it } from "vitest";
import sample from "../../samples/002_ea00b029d001865f.txt?raw";
import page from "../html/fixtures/article.html?raw";
import { createApp, DEFAULT_MAX_BODY_BYTES } from "../../src/http/app.ts";
import { BatchItemSchema, CleanResultSchema, ErrorSchema, TemplateSummarySchema } from "../../src/http/schemas.ts";
import { MemorySiteStore } from "../../src/http/site-store.ts";
import { defaultModel } from "../../src/model/index.ts";

const app = createApp({ ...nodeDeps(), maxBodyBytes: DEFAULT_MAX_BODY_BYTES });
const postJson = (path: string, body: unknown) => app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("OpenAPI", () => {
  it("serves an OpenAPI 3.1 document describing clean, batch and healthz with text, HTML and JSON bodies", async () => {
    const res = await app.request("/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; info: { version: string }; paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; responses: Record<string, unknown> }>>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.version).toBe(defaultModel().version);
    expect(Object.keys(doc.paths).sort()).toEqual(["/healthz", "/v1/clean", "/v1/clean/batch", "/v1/sites/{site}", "/v1/sites/{site}/learn"]);
    expect(Object.keys(doc.paths["/v1/sites/{site}"]).sort()).toEqual(["delete", "get"]);
    expect(Object.keys(doc.paths["/v1/clean"].post.requestBody!.content).sort()).toEqual(["application/json", "text/html", "text/markdown", "text/plain"]);
    expect(Object.keys(doc.paths["/v1/clean/batch"].post.requestBody!.content).sort()).toEqual(["application/json", "application/x-ndjson"]);
    expect(Object.keys(doc.paths["/v1/clean"].post.responses)).toEqual(expect.arrayContaining(["200", "400", "413", "415"]));
    expect(Object.keys(doc.components.schemas.Document.properties!)).toEqual(expect.arrayContaining(["text", "html", "url", "site", "options", "id"]));
    expect(Object.keys(doc.components.schemas.CleanOptions.properties!)).toEqual(expect.arrayContaining(["explain", "preference", "minConfidence"]));
    expect(Object.keys(doc.components.schemas.CleanResult.properties!)).toEqual(expect.arrayContaining(["text", "title", "meta", "confidence", "removed", "page", "html"]));
  });

  it("real answers match the published schemas, which describe every field they hold (text and HTML mode)", async () => {
    const one = await (await postJson("/v1/clean?explain=1", { text: sample })).json();
    expect(CleanResultSchema.safeParse(one).success).toBe(true);
    const html = (await (await postJson("/v1/clean?explain=1", { html: page, url: "https://courier.example/a" })).json()) as { page?: unknown; html?: unknown };
    expect(html.page).toBeDefined();
    expect(html.html).toBeDefined();
    const markdown = (await (await app.request("/v1/clean?explain=1", { method: "POST", headers: { "content-type": "text/markdown" }, body: `- [Home](/)\n- [News](/news)\n\n${sample}` })).json()) as { markdown?: string };
    expect(markdown.markdown).toBeDefined();
    for (const answer of [one, html, markdown]) expect(CleanResultSchema.strict().safeParse(answer).error).toBeUndefined();
    const withSites = createApp({ ...nodeDeps(), maxBodyBytes: DEFAULT_MAX_BODY_BYTES, sites: new MemorySiteStore(10) });
    const learned = await (await withSites.request("/v1/sites/news.example/learn", { method: "POST", headers: { "content-type": "text/plain" }, body: sample })).json();
    expect(TemplateSummarySchema.strict().safeParse(learned).error).toBeUndefined();
    expect(TemplateSummarySchema.strict().safeParse(await (await withSites.request("/v1/sites/news.example")).json()).error).toBeUndefined();
    const many = (await (await postJson("/v1/clean/batch", [{ text: sample }, { text: 5 }])).json()) as unknown[];
    for (const item of many) expect(BatchItemSchema.safeParse(item).success).toBe(true);
    expect(ErrorSchema.safeParse(many[1]).success).toBe(true);
  });

  it("validation errors come from the schemas, in our error shape, naming the field", async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ text: sample, options: { minConfidence: "high" } }, "invalid_options", /options\.minConfidence/],
      [{ text: sample, options: { explain: "maybe" } }, "invalid_options", /options\.explain/],
      [{ text: sample, options: { format: "rtf" } }, "invalid_options", /options\.format/],
      [{ text: sample, url: 42 }, "invalid_options", /^url/],
      [{ text: ["a"] }, "bad_request", /^text/],
      [{ html: "" }, "no_text", /^html/],
    ];
    for (const [body, code, field] of cases) {
      const res = await postJson("/v1/clean", body);
      expect(res.status).toBe(400);
      const err = ErrorSchema.parse(await res.json());
      expect(err.error.code).toBe(code);
      expect(err.error.message).toMatch(field);
    }
    const q = await app.request("/v1/clean?preference=fast", { method: "POST", headers: { "content-type": "text/plain" }, body: sample });
    expect(q.status).toBe(400);
    expect(ErrorSchema.parse(await q.json()).error.message).toMatch(/query preference/);
  });

  it("serves interactive docs at /docs that load the document and use no external assets", async () => {
    const res = await app.request("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('fetch("/openapi.json")');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
