// One list of HTTP cases, run three ways: in-process (app.request), against the Node server over
// a socket, and against the Worker inside workerd. Each case sends a real request and checks
// behaviour that a broken service would get wrong.
import { expect } from "vitest";
import sample from "../../samples/001_be03bee398530b61.txt?raw";

export type Send = (path: string, init?: RequestInit) => Promise<Response>;

export interface HttpCase {
  name: string;
  run(send: Send): Promise<void>;
}

const MAX_BYTES = 2 * 1024 * 1024;

const inputLines = (text: string) => text.split(/\r?\n/).filter((l) => l.trim() !== "");

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d+/);
}

function streamOf(chunks: number, chunkBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  const chunk = new TextEncoder().encode("word ".repeat(chunkBytes / 5));
  return new ReadableStream({
    pull(controller) {
      if (sent++ >= chunks) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

interface CleanBody {
  text: string;
  title?: string;
  meta: string[];
  confidence: number;
  mode: string;
  language: string;
  removed: { line: number; text: string; category: string; reason: string }[];
  lines?: { line: number; text: string; label: string; score: number; raw: { label: string; score: number }; reason?: string }[];
  stats: { lines: number; bodyLines: number; removedLines: number };
  model: string;
}

export const HTTP_CASES: HttpCase[] = [
  {
    name: "GET /healthz reports ok and the model version",
    async run(send) {
      const res = await send("/healthz");
      expect(res.status).toBe(200);
      const body = (await res.json()) as { status: string; model: string };
      expect(body.status).toBe("ok");
      expect(body.model).toMatch(/^bs-/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    },
  },
  {
    name: "text/plain: a sample is cleaned into a subset of its lines, boilerplate removed with reasons",
    async run(send) {
      const res = await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain; charset=utf-8" }, body: sample });
      expect(res.status).toBe(200);
      const body = (await res.json()) as CleanBody;
      const lines = inputLines(sample);
      const kept = body.text.split("\n");
      for (const l of kept) expect(lines).toContain(l);
      expect(kept.length).toBeGreaterThan(3);
      expect(body.removed.length).toBeGreaterThan(0);
      for (const r of body.removed) {
        expect(lines).toContain(r.text);
        expect(r.reason.length).toBeGreaterThan(5);
        expect(["newsletter", "subscription", "donation", "related", "share", "comments", "caption", "credit", "cookie", "navigation", "ad", "legal", "other"]).toContain(r.category);
      }
      expect(body.confidence).toBeGreaterThanOrEqual(0);
      expect(body.confidence).toBeLessThanOrEqual(1);
      expect(body.mode).toBe("text");
      expect(body.lines).toBeUndefined();
      // Every non-blank line is accounted for: body, title, meta or removed.
      expect(kept.length + body.removed.length + body.meta.length + (body.title ? 1 : 0)).toBe(lines.length);
    },
  },
  {
    name: "?explain=1 returns every line with label, raw and final score, and a reason for each removed one",
    async run(send) {
      const res = await send("/v1/clean?explain=1", { method: "POST", headers: { "content-type": "text/plain" }, body: sample });
      expect(res.status).toBe(200);
      const body = (await res.json()) as CleanBody;
      expect(body.lines?.length).toBe(inputLines(sample).length);
      for (const l of body.lines!) {
        expect(["body", "title", "meta", "boilerplate"]).toContain(l.label);
        expect(l.score).toBeGreaterThanOrEqual(0);
        expect(l.score).toBeLessThanOrEqual(1);
        expect(l.raw.score).toBeGreaterThanOrEqual(0);
        if (l.label !== "body") expect(l.reason).toBeTruthy();
      }
      expect(body.lines!.filter((l) => l.label === "body").map((l) => l.text).join("\n")).toBe(body.text);
    },
  },
  {
    name: "application/json with options.explain, url and site; unknown fields ignored",
    async run(send) {
      const res = await send("/v1/clean", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: sample, url: "https://example.org/a", site: "example.org", extra: [1, 2], options: { explain: true, preference: "recall" } }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as CleanBody;
      expect(body.lines?.length).toBe(inputLines(sample).length);
    },
  },
  {
    name: "preference=recall keeps at least what balanced keeps",
    async run(send) {
      const post = async (preference: string) =>
        (await (await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: sample, options: { preference } }) })).json()) as CleanBody;
      const [recall, balanced, precision] = await Promise.all([post("recall"), post("balanced"), post("precision")]);
      expect(recall.stats.bodyLines).toBeGreaterThanOrEqual(balanced.stats.bodyLines);
      expect(balanced.stats.bodyLines).toBeGreaterThanOrEqual(precision.stats.bodyLines);
    },
  },
  {
    name: "CRLF text and UTF-16 with a byte-order mark are read",
    async run(send) {
      const crlf = sample.split("\n").join("\r\n");
      const a = (await (await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain" }, body: crlf })).json()) as CleanBody;
      const b = (await (await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain" }, body: sample })).json()) as CleanBody;
      expect(a.text.replace(/\r/g, "")).toBe(b.text);
      const utf16 = new Uint8Array(2 + sample.length * 2);
      utf16[0] = 0xff;
      utf16[1] = 0xfe;
      for (let i = 0; i < sample.length; i++) {
        const code = sample.charCodeAt(i);
        utf16[2 + 2 * i] = code & 0xff;
        utf16[3 + 2 * i] = code >> 8;
      }
      const c = (await (await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain" }, body: utf16 })).json()) as CleanBody;
      expect(c.text).toBe(b.text);
    },
  },
  {
    name: "400 for malformed JSON",
    async run(send) {
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: '{"text": "abc"' }), 400, "invalid_json");
    },
  },
  {
    name: "400 when there is no text: empty body, JSON without text, text of the wrong type, JSON array",
    async run(send) {
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain" }, body: "" }), 400, "no_text");
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: '{"url":"https://x.org"}' }), 400, "no_text");
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: '{"text": 42}' }), 400, "bad_request");
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: '["text"]' }), 400, "bad_request");
    },
  },
  {
    name: "400 for invalid options",
    async run(send) {
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "a b c", options: { preference: "most" } }) }), 400, "invalid_options");
      await expectError(await send("/v1/clean?minConfidence=2", { method: "POST", headers: { "content-type": "text/plain" }, body: "a b c" }), 400, "invalid_options");
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "a", options: "explain" }) }), 400, "invalid_options");
    },
  },
  {
    name: "415 for other media types",
    async run(send) {
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "application/pdf" }, body: "%PDF-1.4" }), 415, "unsupported_media_type");
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain; charset=klingon" }, body: "abc" }), 415, "unsupported_media_type");
    },
  },
  {
    name: "a body just under the 2 MB limit is cleaned",
    async run(send) {
      const para = "This is a sentence of an article, long enough to be prose and ending with a period.\n";
      const body = para.repeat(Math.floor((MAX_BYTES - 10) / para.length));
      const res = await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain" }, body });
      expect(res.status).toBe(200);
      const out = (await res.json()) as CleanBody;
      expect(out.stats.lines).toBe(inputLines(body).length);
    },
  },
  {
    name: "413 for a body over the limit, with Content-Length",
    async run(send) {
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain" }, body: "x".repeat(MAX_BYTES + 1) }), 413, "payload_too_large");
    },
  },
  {
    name: "413 for a chunked body over the limit (no Content-Length)",
    async run(send) {
      const init = { method: "POST", headers: { "content-type": "text/plain" }, body: streamOf(70, 32 * 1024), duplex: "half" } as RequestInit;
      await expectError(await send("/v1/clean", init), 413, "payload_too_large");
    },
  },
  {
    name: "404 and 405 are JSON",
    async run(send) {
      await expectError(await send("/nope"), 404, "not_found");
      await expectError(await send("/v1/clean"), 405, "method_not_allowed");
    },
  },
];
