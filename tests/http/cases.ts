// One list of HTTP cases, run three ways: in-process (app.request), against the Node server over
// a socket, and against the Worker inside workerd. Each case sends a real request and checks
// behaviour that a broken service would get wrong.
import { expect } from "vitest";
import sample from "../../samples/001_be03bee398530b61.txt?raw";
import page from "../html/fixtures/article.html?raw";

export type Send = (path: string, init?: RequestInit) => Promise<Response>;

// windows-1252's bytes 0x80-0x9F, by the code point each stands for (the Encoding standard's index).
const CP1252_HIGH = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";
/** `s` encoded as windows-1252 (every character must have a byte there). */
export function windows1252(s: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(s, (ch) => {
    const c = ch.charCodeAt(0);
    const high = CP1252_HIGH.indexOf(ch);
    if (high >= 0) return 0x80 + high;
    if (c < 0x80 || (c >= 0xa0 && c < 0x100)) return c;
    throw new Error(`no windows-1252 byte for U+${c.toString(16)}`);
  });
}

export interface HttpCase {
  name: string;
  run(send: Send): Promise<void>;
}

const MAX_BYTES = 2 * 1024 * 1024;

const inputLines = (text: string) => text.split(/\r?\n/).filter((l) => l.trim() !== "");

async function expectError(res: Response, status: number, code: string): Promise<{ code: string; message: string }> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d+/);
  return body.error;
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
    name: "text/plain run into one line (white space collapsed): read as its sentences, its body kept, each removed sentence under line 0",
    async run(send) {
      const one = inputLines(sample).join(" ");
      const res = await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain; charset=utf-8" }, body: one });
      expect(res.status).toBe(200);
      const body = (await res.json()) as CleanBody;
      // The body is what the line holds, in order: one or more runs of its sentences.
      expect(body.text.length).toBeGreaterThan(one.length / 3);
      for (const run of body.text.split("\n")) expect(one).toContain(run);
      expect(body.removed.length).toBeGreaterThan(0);
      for (const r of body.removed) { expect(r.line).toBe(0); expect(one).toContain(r.text); }
    },
  },
  {
    name: "text/html of a single-page app's shell whose JSON-LD holds the article: the articleBody is the body (html.path json-ld)",
    async run(send) {
      const paragraphs = inputLines(sample).filter((l) => l.split(" ").length > 12);
      const ld = JSON.stringify({ "@type": "NewsArticle", headline: "A headline from the JSON-LD", articleBody: paragraphs.join("\n\n") }).replace(/</g, "\\u003c");
      const html = `<!doctype html><html><head><title>App</title><script type="application/ld+json">${ld}</script></head><body><div id="root"></div><noscript>Enable JavaScript to run this app.</noscript></body></html>`;
      const res = await send("/v1/clean", { method: "POST", headers: { "content-type": "text/html; charset=utf-8" }, body: html });
      expect(res.status).toBe(200);
      const body = (await res.json()) as CleanBody & { html: { path: string } };
      expect(body.html.path).toBe("json-ld");
      expect(body.title).toBe("A headline from the JSON-LD");
      expect(body.text.split("\n").filter((l) => paragraphs.includes(l)).length).toBeGreaterThanOrEqual(paragraphs.length - 1);
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
    name: "Markdown (text/markdown, or sniffed in text/plain): cleaned as the text its reader sees, the body also returned as sent",
    async run(send) {
      const body = inputLines(sample).map((l) => (l.split(" ").length <= 6 ? `- [${l}](https://moscowtimes.example/x)` : l)).join("\n\n");
      const md = `[Skip to content](#main)\n\n![logo](https://moscowtimes.example/logo.png)\n\n${body}`;
      for (const init of [
        { headers: { "content-type": "text/markdown; charset=utf-8" }, body: md },
        { headers: { "content-type": "text/plain" }, body: md },
        { headers: { "content-type": "application/json" }, body: JSON.stringify({ text: md, options: { format: "markdown" } }) },
      ]) {
        const res = await send("/v1/clean", { method: "POST", ...init });
        expect(res.status).toBe(200);
        const r = (await res.json()) as CleanBody & { markdown?: string };
        expect(r.markdown, init.headers["content-type"]).toBeDefined();
        expect(r.text).not.toMatch(/\]\(|https?:/);
        expect(r.stats.bodyLines).toBeGreaterThan(3);
        // Every body line as sent is a line of the Markdown; the removed ones too.
        const sent = md.split("\n");
        for (const l of r.markdown!.split("\n").filter((x) => x)) expect(sent).toContain(l);
        for (const x of r.removed) expect(x.text).toBe(sent[x.line]);
      }
      // format=text reads it as it is: the link targets are words of the lines.
      const asText = (await (await send("/v1/clean?format=text", { method: "POST", headers: { "content-type": "text/markdown" }, body: md })).json()) as CleanBody & { markdown?: string };
      expect(asText.markdown).toBeUndefined();
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
    name: "400 invalid_request for a JSON document with both text and html, in /v1/clean and per batch item",
    async run(send) {
      const both = { text: "The council voted on Tuesday.", html: "<p>The council voted on Tuesday.</p>" };
      const res = await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(both) });
      const err = await expectError(res, 400, "invalid_request");
      expect(err.message).toMatch(/not both/);
      const batch = await send("/v1/clean/batch", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify([{ text: both.text }, both]) });
      expect(batch.status).toBe(200);
      const items = (await batch.json()) as { error?: { code: string } }[];
      expect(items[0].error).toBeUndefined();
      expect(items[1].error?.code).toBe("invalid_request");
    },
  },
  {
    name: "400 for invalid options",
    async run(send) {
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "a b c", options: { preference: "most" } }) }), 400, "invalid_options");
      await expectError(await send("/v1/clean?minConfidence=2", { method: "POST", headers: { "content-type": "text/plain" }, body: "a b c" }), 400, "invalid_options");
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "a", options: "explain" }) }), 400, "invalid_options");
      // Not a decimal as written: coercion would have read "" as 0 and "0x1" as 1.
      for (const v of ["", "0x1", "1e0", " 0.5", `${"9".repeat(16_000)}x`]) await expectError(await send(`/v1/clean?minConfidence=${encodeURIComponent(v)}`, { method: "POST", headers: { "content-type": "text/plain" }, body: "a b c" }), 400, "invalid_options");
      expect((await send("/v1/clean?minConfidence=.25", { method: "POST", headers: { "content-type": "text/plain" }, body: "a b c" })).status).toBe(200);
      // A site longer than /v1/sites/{site} takes could be learned but never read or deleted.
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "a b c", site: "s".repeat(1001) }) }), 400, "invalid_options");
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "a b c", options: { site: "s".repeat(1001) } }) }), 400, "invalid_options");
    },
  },
  {
    name: "an answer lists at most 10,000 removed and explained lines, and says how many it left out",
    async run(send) {
      const body = "Read more\nShare this article\n".repeat(6_000);
      const res = await send("/v1/clean?explain=1", { method: "POST", headers: { "content-type": "text/plain" }, body });
      expect(res.status).toBe(200);
      const out = (await res.json()) as CleanBody & { lines: unknown[]; truncated?: { removed: number; lines: number } };
      expect(out.stats.lines).toBe(12_000);
      expect(out.removed).toHaveLength(10_000);
      expect(out.lines).toHaveLength(10_000);
      expect(out.truncated).toEqual({ removed: out.stats.removedLines - 10_000, lines: 2_000 });
      // Under the bound nothing is cut and nothing is said.
      const small = (await (await send("/v1/clean?explain=1", { method: "POST", headers: { "content-type": "text/plain" }, body: "Read more\nShare this article\n".repeat(100) })).json()) as { truncated?: unknown; removed: unknown[] };
      expect(small.truncated).toBeUndefined();
      expect(small.removed.length).toBeGreaterThan(0);
    },
  },
  {
    name: "415 for a compressed body (Content-Encoding), on /v1/clean and both batch forms",
    async run(send) {
      const gz = { "content-encoding": "gzip" };
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain", ...gz }, body: "\x1f\x8b not text" }), 415, "unsupported_media_type");
      await expectError(await send("/v1/clean/batch", { method: "POST", headers: { "content-type": "application/json", ...gz }, body: "[]" }), 415, "unsupported_media_type");
      await expectError(await send("/v1/clean/batch", { method: "POST", headers: { "content-type": "application/x-ndjson", ...gz }, body: "{}\n" }), 415, "unsupported_media_type");
      expect((await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain", "content-encoding": "identity" }, body: "a b c" })).status).toBe(200);
    },
  },
  {
    name: "an NDJSON stream is read in its declared charset",
    async run(send) {
      const line = '{"id":1,"text":"Le port rouvre\\nLe caf\u00e9 du port a rouvert ses portes apr\u00e8s des mois de travaux, et les habitants du quartier sont revenus nombreux d\u00e8s le premier matin.\\nLe patron a repeint la salle et gard\u00e9 les prix de l\'an dernier, pour remercier ceux qui ont attendu."}\n';
      const latin1 = Uint8Array.from(line, (ch) => ch.charCodeAt(0));
      const res = await send("/v1/clean/batch", { method: "POST", headers: { "content-type": "application/x-ndjson; charset=iso-8859-1" }, body: latin1 });
      expect(res.status).toBe(200);
      const item = JSON.parse((await res.text()).trim()) as { text: string };
      expect(item.text).toContain("Le caf\u00e9 du port");
      await expectError(await send("/v1/clean/batch", { method: "POST", headers: { "content-type": "application/x-ndjson; charset=klingon" }, body: line }), 415, "unsupported_media_type");
    },
  },
  {
    name: "text in windows-1252 (or a label that means it: latin1, iso-8859-1, ascii) keeps its quotes, dashes and euro signs",
    async run(send) {
      const text = "Caf\u00e9 prices rise\nThe caf\u00e9 on the harbour served \u201cfancy\u201d coffee at \u20ac4 a cup \u2014 the owner\u2019s price for the summer, she said on Tuesday.\nRegulars said they would pay it \u2026 for now, while the terrace stays open to the sea.";
      for (const label of ["windows-1252", "latin1", "iso-8859-1", "us-ascii", "cp1252"]) {
        const res = await send("/v1/clean", { method: "POST", headers: { "content-type": `text/plain; charset=${label}` }, body: windows1252(text) });
        expect(res.status, label).toBe(200);
        const body = (await res.json()) as { text: string };
        expect(body.text, label).toContain("served \u201cfancy\u201d coffee at \u20ac4 a cup \u2014 the owner\u2019s price");
        expect(body.text, label).not.toMatch(/[\u0080-\u009f]/);
      }
      const line = JSON.stringify({ id: 1, text }) + "\n";
      const res = await send("/v1/clean/batch", { method: "POST", headers: { "content-type": "application/x-ndjson; charset=windows-1252" }, body: windows1252(line) });
      expect(((JSON.parse((await res.text()).trim())) as { text: string }).text).toContain("\u201cfancy\u201d coffee at \u20ac4");
    },
  },
  {
    name: "a body that is not text (binary bytes, or text in a charset it does not name) gets a 415, not an article",
    async run(send) {
      // 20,000 bytes from a fixed linear congruential generator: random-looking, the same every run.
      let x = 12345;
      const bytes = Uint8Array.from({ length: 20_000 }, () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 16) & 0xff);
      for (const type of ["text/plain", "text/markdown", "text/html", "text/plain; charset=windows-1252"]) {
        const err = await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": type }, body: bytes }), 415, "unsupported_media_type");
        expect(err.message, type).toMatch(/not text/);
      }
      // Russian in windows-1251 read as UTF-8 is nearly all U+FFFD; named, it is read.
      const ru = "Совет гавани во вторник проголосовал за восстановление морской стены до того, как вернутся зимние штормы.";
      const cp1251 = Uint8Array.from(ru, (ch) => (ch === " " || ch === "," || ch === "." ? ch.charCodeAt(0) : ch === "ё" ? 0xb8 : ch.charCodeAt(0) - 0x410 + 0xc0));
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain" }, body: cp1251 }), 415, "unsupported_media_type");
      const named = await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain; charset=windows-1251" }, body: cp1251 });
      expect(named.status).toBe(200);
      // Nor in a JSON body: bytes invalid in UTF-8 inside its strings.
      const json = new Uint8Array([...new TextEncoder().encode('{"text":"'), ...bytes.filter((b) => b !== 0x22 && b !== 0x5c && b >= 0x80), ...new TextEncoder().encode('"}')]);
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: json }), 415, "unsupported_media_type");
      // A few stray control characters in real text are not binary.
      const dirty = sample.replace(/\n\n/, "\n\f\n").replace("Moscow", "Mos\u0000cow");
      expect((await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain" }, body: dirty })).status).toBe(200);
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
    name: "a client that sends its whole body before it reads the answer gets the 413 for a body three times the limit, not a broken pipe",
    async run(send) {
      const big = "x".repeat(3 * MAX_BYTES);
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain" }, body: big }), 413, "payload_too_large");
      const init = { method: "POST", headers: { "content-type": "text/plain" }, body: streamOf(192, 32 * 1024), duplex: "half" } as RequestInit;
      await expectError(await send("/v1/clean", init), 413, "payload_too_large");
    },
  },
  {
    name: "404 and 405 are JSON",
    async run(send) {
      await expectError(await send("/nope"), 404, "not_found");
      // A 405 names the methods the route answers (Allow, RFC 9110).
      for (const [path, init, allow] of [["/v1/clean", undefined, "POST"], ["/v1/clean/batch", undefined, "POST"], ["/healthz", { method: "POST" }, "GET, HEAD"], ["/v1/sites/example.org/learn", undefined, "POST"]] as const) {
        const res = await send(path, init);
        expect(res.headers.get("allow"), path).toBe(allow);
        await expectError(res, 405, "method_not_allowed");
      }
      // A POST to a path that is not a route is a 404, not a 405 telling it to POST.
      for (const path of ["/v1/clean/", "/v1/clean/anything"]) await expectError(await send(path, { method: "POST", headers: { "content-type": "text/plain" }, body: "hi" }), 404, "not_found");
    },
  },
];

const PARAGRAPHS = ["Work began on Monday to rebuild", "The old wall, built in the 1950s", "Construction is expected to take eight months"];

interface HtmlBody extends CleanBody {
  page?: { canonicalUrl?: string; byline?: string; lang?: string };
  html?: { engine: string; dom: string; path: string; readability: string };
}

async function expectArticle(res: Response): Promise<HtmlBody> {
  expect(res.status).toBe(200);
  const body = (await res.json()) as HtmlBody;
  expect(body.mode).toBe("html");
  for (const p of PARAGRAPHS) expect(body.text).toContain(p);
  expect(body.text).not.toContain("Sign up for our free morning newsletter");
  expect(body.text).not.toContain("All rights reserved");
  expect(body.title).toBe("Harbour town rebuilds its sea wall after winter storms");
  return body;
}

export const HTML_CASES: HttpCase[] = [
  {
    name: "text/html on the Readability engine: the page is cleaned in HTML mode, metadata returned, relative canonical resolved against ?url",
    async run(send) {
      const res = await send("/v1/clean?htmlEngine=readability&url=" + encodeURIComponent("https://courier.example/news/x"), { method: "POST", headers: { "content-type": "text/html" }, body: page });
      const body = await expectArticle(res);
      expect(body.page).toMatchObject({ canonicalUrl: "https://courier.example/news/2025/03/sea-wall-rebuilt", byline: "Maria Lindqvist", lang: "en" });
      expect(body.html).toMatchObject({ readability: "ok", path: "readability" });
      expect(body.removed.some((r) => r.category === "caption")).toBe(true);
    },
  },
  {
    name: "JSON {html, url} and text/plain that is really HTML both go to HTML mode",
    async run(send) {
      await expectArticle(await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ html: page, url: "https://courier.example/a" }) }));
      await expectArticle(await send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain" }, body: page }));
      await expectArticle(await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: page }) }));
    },
  },
  {
    name: "text that looks like HTML keeps the format the client gives: format text or markdown is not sniffed as HTML",
    async run(send) {
      const md = "<!-- converted by crawler v2 -->\n<div><p>[Home](https://courier.example/)</p></div>\n\nThe city council voted on Tuesday to spend 40 million dollars on new flood defences along the river.";
      const mode = async (path: string, init: RequestInit) => ((await (await send(path, { method: "POST", ...init })).json()) as CleanBody).mode;
      expect(await mode("/v1/clean", { headers: { "content-type": "text/plain" }, body: md })).toBe("html");
      for (const format of ["markdown", "text"]) {
        expect(await mode(`/v1/clean?format=${format}`, { headers: { "content-type": "text/plain" }, body: md }), format).toBe("text");
        expect(await mode("/v1/clean", { headers: { "content-type": "application/json" }, body: JSON.stringify({ text: md, options: { format } }) }), format).toBe("text");
      }
    },
  },
  {
    name: "a page's own <meta charset> is honoured when the content type has none",
    async run(send) {
      const html = '<html><head><meta charset="windows-1252"><title>Caf\u00e9</title></head><body><p>Le caf\u00e9 du port a rouvert ses portes apr\u00e8s des mois de travaux, et les habitants du quartier sont revenus nombreux d\u00e8s le premier matin \u2014 un \u201ccaf\u00e9 cr\u00e8me\u201d y co\u00fbte 2\u20ac.</p></body></html>';
      const bytes = windows1252(html);
      const res = await send("/v1/clean", { method: "POST", headers: { "content-type": "text/html" }, body: bytes });
      expect(res.status).toBe(200);
      const body = (await res.json()) as HtmlBody;
      expect(body.text).toContain("Le caf\u00e9 du port");
      expect(body.text).toContain("apr\u00e8s");
      // Bytes 0x80-0x9F are windows-1252's quotes, dashes and euro sign, not C1 controls.
      expect(body.text).toContain("matin \u2014 un \u201ccaf\u00e9 cr\u00e8me\u201d y co\u00fbte 2\u20ac.");
      // A <meta> naming UTF-16 on a page read as ASCII means UTF-8 (HTML's encoding sniffing).
      const utf8 = new TextEncoder().encode(html.replace("windows-1252", "utf-16"));
      const res16 = await send("/v1/clean", { method: "POST", headers: { "content-type": "text/html" }, body: utf8 });
      expect(((await res16.json()) as HtmlBody).text).toContain("Le caf\u00e9 du port");
    },
  },
  {
    name: "a <meta charset> past the first 1024 bytes, in the <head>, is honoured when the bytes are not UTF-8",
    async run(send) {
      const para = "Le caf\u00e9 du port a rouvert ses portes apr\u00e8s des mois de travaux \u2014 un \u201ccaf\u00e9 cr\u00e8me\u201d y co\u00fbte 2\u20ac.";
      const page = (charset: string) => `<!DOCTYPE html><html><head><!-- ${"x".repeat(1100)} --><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>Caf\u00e9</title></head><body><p>${para}</p></body></html>`;
      const text = async (body: Uint8Array<ArrayBuffer>) => {
        const res = await send("/v1/clean", { method: "POST", headers: { "content-type": "text/html" }, body });
        expect(res.status).toBe(200);
        return ((await res.json()) as HtmlBody).text;
      };
      expect(await text(windows1252(page("windows-1252")))).toContain(para);
      // Valid UTF-8 under a late, stale declaration is read as UTF-8.
      expect(await text(new TextEncoder().encode(page("iso-8859-1")))).toContain(para);
    },
  },
  {
    name: "hostile HTML (10,000-deep nesting, invalid UTF-8, an empty page) gets a result or a JSON 4xx, never a 500",
    async run(send) {
      const deep = "<html><body>" + "<div>".repeat(10_000) + "<p>The deepest paragraph still reaches the reader in the end.</p>" + "</div>".repeat(10_000) + "</body></html>";
      const r1 = await send("/v1/clean", { method: "POST", headers: { "content-type": "text/html" }, body: deep });
      expect(r1.status).toBe(200);
      const invalid = new Uint8Array([...new TextEncoder().encode("<html><body><p>Broken "), 0xff, 0xfe, 0xc3, 0x28, ...new TextEncoder().encode(" bytes in a paragraph.</p></body></html>")]);
      const r2 = await send("/v1/clean", { method: "POST", headers: { "content-type": "text/html; charset=utf-8" }, body: invalid });
      expect(r2.status).toBe(200);
      expect(((await r2.json()) as HtmlBody).mode).toBe("html");
      await expectError(await send("/v1/clean", { method: "POST", headers: { "content-type": "text/html" }, body: "   " }), 400, "no_text");
      // A page with no text at all: nothing returned, and nothing to be confident of, on both engines.
      for (const engine of ["fast", "readability"]) {
        for (const html of ["<html></html>", "<html><body><script>var seen = 1;</script></body></html>"]) {
          const res = await send(`/v1/clean?htmlEngine=${engine}`, { method: "POST", headers: { "content-type": "text/html" }, body: html });
          const b = (await res.json()) as HtmlBody & { confidence: number; lowConfidence: boolean };
          expect([res.status, b.text, b.confidence, b.lowConfidence], `${engine} ${html}`).toEqual([200, "", 0, true]);
        }
      }
    },
  },
  {
    name: "the fast engine (options.htmlEngine, query or JSON): no DOM, no Readability, the same article and metadata",
    async run(send) {
      const json = (options: Record<string, unknown>) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ html: page, url: "https://courier.example/news/x", options }) });
      const body = await expectArticle(await send("/v1/clean", json({ htmlEngine: "fast" })));
      expect(body.html).toMatchObject({ engine: "fast", dom: "htmlparser2", readability: "skipped", path: "region" });
      expect(body.page).toMatchObject({ canonicalUrl: "https://courier.example/news/2025/03/sea-wall-rebuilt", byline: "Maria Lindqvist", lang: "en" });
      expect(body.removed.some((r) => r.category === "caption")).toBe(true);
      const viaQuery = await expectArticle(await send("/v1/clean?htmlEngine=fast", { method: "POST", headers: { "content-type": "text/html" }, body: page }));
      expect(viaQuery.html?.engine).toBe("fast");
      const byDefault = await expectArticle(await send("/v1/clean", json({})));
      expect(byDefault.html?.engine).toBe("fast");
      const readability = await expectArticle(await send("/v1/clean", json({ htmlEngine: "readability" })));
      expect(readability.html?.engine).toBe("readability");
      await expectError(await send("/v1/clean", json({ htmlEngine: "regex" })), 400, "invalid_options");
    },
  },
  {
    name: "the title is the headline the page shows: with no og:title, not the <title>'s \"… | The Coastal Courier\"",
    async run(send) {
      const noOg = page.replace(/<meta property="og:title"[^>]*>/, "");
      expect(noOg).toContain("<title>Harbour town rebuilds its sea wall after winter storms | The Coastal Courier</title>");
      for (const engine of ["fast", "readability"]) {
        const body = await expectArticle(await send(`/v1/clean?htmlEngine=${engine}`, { method: "POST", headers: { "content-type": "text/html" }, body: noOg }));
        expect(body.text).not.toContain("Harbour town rebuilds");
      }
    },
  },
  {
    name: "the fast engine on hostile HTML (100,000-deep nesting, stray end tags, a 1.9 MB attribute, invalid bytes): a result, never a 500",
    async run(send) {
      const fast = (body: BodyInit, type = "text/html") => send("/v1/clean?htmlEngine=fast", { method: "POST", headers: { "content-type": type }, body });
      const para = "The deepest paragraph still reaches the reader in the end, whole and in one line.";
      const deep = await fast("<html><body>" + "<div>".repeat(100_000) + `<p>${para}</p>` + "</div>".repeat(100_000) + "</body></html>");
      expect(deep.status).toBe(200);
      expect(((await deep.json()) as HtmlBody).text).toBe(para);
      const stray = await fast("<html><body>" + "<div>".repeat(20_000) + "</span>".repeat(100_000) + `<p>${para}</p>`);
      expect(stray.status).toBe(200);
      const attr = await fast(`<html><body><p title="${"x".repeat(1_900_000)}">${para}</p></body></html>`);
      expect(((await attr.json()) as HtmlBody).text).toBe(para);
      const unclosed = await fast("<html><body><div><p>" + "<span><b><i><table><tr><td><svg><a>".repeat(3000) + para);
      expect(unclosed.status).toBe(200);
      const invalid = new Uint8Array([...new TextEncoder().encode("<html><body><p>Broken "), 0xff, 0xfe, 0xc3, 0x28, 0, ...new TextEncoder().encode(" bytes in a paragraph.</p></body></html>")]);
      const r = await fast(invalid, "text/html; charset=utf-8");
      expect(r.status).toBe(200);
      expect(((await r.json()) as HtmlBody).html?.engine).toBe("fast");
    },
  },
];
