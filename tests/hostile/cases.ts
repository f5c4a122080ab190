// Hostile and broken input (issue 5.2): each case is a real request; each must get a result or a
// clear JSON 4xx, never a 500 and never a stack trace. Run through the HTTP app in-process and
// against the Node server (hostile.test.ts); the slow-client cases need a socket (slow-client.test.ts).
import { expect } from "vitest";
import type { Send } from "../http/cases.ts";

export const MAX_BYTES = 2 * 1024 * 1024;

export type Outcome = { status: 200 } | { status: 400 | 413 | 415 | 422; code: string };

export interface HostileCase {
  name: string;
  request: () => { path?: string; init: RequestInit };
  expect: Outcome;
  /** Extra checks on a 200 body, beyond the invariants every result must hold. */
  check?: (body: CleanBody, input: string) => void;
  /** The text the result must be drawn from, when it is not the request body itself. */
  input?: string;
}

export interface CleanBody {
  text: string;
  mode: string;
  title?: string;
  meta: string[];
  confidence: number;
  removed: { line: number; text: string }[];
  stats: { titleLines: number; lines: number; bodyLines: number; removedLines: number };
}

const enc = new TextEncoder();
const PROSE = "The council voted on Tuesday to keep the library open, after residents said it was the only quiet place to work.";
const ARTICLE = [
  "Library stays open after council vote",
  "By A. Reporter",
  PROSE,
  "Officials said the building would be repaired over the summer and that opening hours would not change.",
  "Sign up for our newsletter",
  "Most read",
].join("\n");

const plain = (body: BodyInit, type = "text/plain"): { init: RequestInit } => ({ init: { method: "POST", headers: { "content-type": type }, body } });
const json = (body: string) => plain(body, "application/json");
const nested = (depth: number, open: string, close: string, inner: string) => open.repeat(depth) + inner + close.repeat(depth);
const htmlPage = (body: string) => plain(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`, "text/html");
const inHtmlMode = (b: CleanBody) => expect(b.mode).toBe("html");

// Hostile HTML through the DOM path (jsdom under Node): each gets a result or a JSON 4xx. `input`
// is "" because HTML mode's lines are the page's blocks, not lines of the request body.
const HTML_CASES: HostileCase[] = [
  { name: "HTML: <div> nested 100,000 deep as text/html", request: () => htmlPage(nested(100_000, "<div>", "</div>", `<p>${PROSE}</p>`)), input: "", expect: { status: 200 }, check: (b) => expect(b.text).toBe(PROSE) },
  { name: "HTML: <div> nested 10,000 deep as JSON {html}", request: () => json(JSON.stringify({ html: nested(10_000, "<div>", "</div>", `<p>${PROSE}</p>`) })), input: "", expect: { status: 200 }, check: inHtmlMode },
  { name: "HTML: thousands of unclosed tags", request: () => htmlPage("<span><b><i><table><tr><td>".repeat(3000) + PROSE), input: "", expect: { status: 200 }, check: inHtmlMode },
  { name: "HTML: 100,000 sibling paragraphs", request: () => htmlPage(`<p>${PROSE}</p>`.repeat(100_000).slice(0, MAX_BYTES - 200)), input: "", expect: { status: 200 }, check: inHtmlMode },
  { name: "HTML: a 1.9 MB single text node", request: () => htmlPage(`<p>${"word ".repeat(380_000)}</p>`), input: "", expect: { status: 200 }, check: inHtmlMode },
  { name: "HTML: a 1.9 MB attribute", request: () => htmlPage(`<p title="${"x".repeat(1_900_000)}">${PROSE}</p>`), input: "", expect: { status: 200 }, check: (b) => expect(b.text).toBe(PROSE) },
  { name: "HTML: 50,000 attributes on one element", request: () => htmlPage(`<p ${Array.from({ length: 50_000 }, (_, i) => `a${i}=1`).join(" ")}>${PROSE}</p>`), input: "", expect: { status: 200 }, check: inHtmlMode },
  { name: "HTML: only <script> and <style>", request: () => htmlPage("<script>while(true){}</script><style>p{}</style>"), input: "", expect: { status: 200 }, check: (b) => expect(b.text).toBe("") },
  { name: "HTML: entities by the hundred thousand, out of range and NUL", request: () => htmlPage(`<p>${"&amp;".repeat(100_000)} &#0; &#x110000; &#99999999999; ${PROSE}</p>`), input: "", expect: { status: 200 }, check: inHtmlMode },
  { name: "HTML: a <meta charset> that no decoder knows", request: () => htmlPage(`<meta charset="x-klingon"><p>${PROSE}</p>`), input: "", expect: { status: 200 }, check: (b) => expect(b.text).toBe(PROSE) },
  { name: "HTML: UTF-16 without a BOM as text/html", request: () => plain(utf16(`<html><body><p>${PROSE}</p></body></html>`, false), "text/html"), input: "", expect: { status: 200 }, check: inHtmlMode },
];

function utf16(text: string, bigEndian: boolean): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 * i + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

/** A body of exactly `bytes` bytes of prose lines in a 2-byte script, so the limit falls mid-character if miscounted. */
function bodyOfBytes(bytes: number): Uint8Array<ArrayBuffer> {
  const line = enc.encode("Διαβάστε το άρθρο για τη βιβλιοθήκη της πόλης και τη σημερινή ψηφοφορία.\n");
  const out = new Uint8Array(bytes);
  for (let at = 0; at < bytes; at += line.length) out.set(line.subarray(0, Math.min(line.length, bytes - at)), at);
  return out;
}

const invalidUtf8 = Uint8Array.from([
  ...enc.encode(PROSE + "\n"),
  0xc3, 0x28, 0x20, 0xa0, 0xa1, 0x20, 0xe2, 0x28, 0xa1, 0x20, 0xf0, 0x28, 0x8c, 0xbc, 0x20, 0xff, 0xfe, 0xfd, 0x0a,
  ...enc.encode(PROSE + "\n"),
]);

const keptLinesAreInputLines = (b: CleanBody, input: string) => {
  // What the server received: a string body travels as UTF-8, where a lone surrogate becomes U+FFFD;
  // a JSON escape ("\\ud800") reaches it as the lone surrogate itself.
  const received = new TextDecoder().decode(new TextEncoder().encode(input));
  const lines = new Set([...received.split(/\r\n|\r|\n/), ...input.split(/\r\n|\r|\n/)]);
  const invented = (b.text === "" ? [] : b.text.split("\n")).filter((l) => !lines.has(l));
  expect(invented).toEqual([]);
};

export const HOSTILE_CASES: HostileCase[] = [
  { name: "empty body", request: () => plain(""), expect: { status: 400, code: "no_text" } },
  { name: "empty JSON text", request: () => json('{"text": ""}'), expect: { status: 400, code: "no_text" } },
  { name: "only whitespace (spaces, tabs, CR, LF, NBSP-free)", request: () => plain(" \t\n\r\n   \n\t\t\r"), expect: { status: 400, code: "no_text" } },
  { name: "only whitespace in JSON text", request: () => json(JSON.stringify({ text: "\n\n \t \r\n" })), expect: { status: 400, code: "no_text" } },
  {
    name: "NUL and control bytes inside and between lines",
    request: () => plain(`\0\x01\x02\x03\n${PROSE}\0\x1b[31m\x7f\n\x08\x0b\x0c${PROSE}\n\0`),
    expect: { status: 200 },
    check: (b) => expect(b.stats.lines).toBe(4),
  },
  {
    name: "invalid UTF-8 (overlong, truncated and stray bytes) becomes U+FFFD",
    request: () => plain(invalidUtf8),
    input: new TextDecoder().decode(invalidUtf8),
    expect: { status: 200 },
    check: (b) => {
      expect(b.stats.lines).toBe(3);
      expect([b.text, ...b.removed.map((r) => r.text), b.title ?? ""].join("\n")).toContain("\ufffd");
    },
  },
  {
    name: "UTF-16LE without byte-order mark or charset is sniffed and read",
    request: () => plain(utf16(ARTICLE, false)),
    input: ARTICLE,
    expect: { status: 200 },
    check: (b) => expect(b.text).toContain(PROSE),
  },
  {
    name: "UTF-16BE without byte-order mark or charset is sniffed and read",
    request: () => plain(utf16(ARTICLE, true)),
    input: ARTICLE,
    expect: { status: 200 },
    check: (b) => expect(b.text).toContain(PROSE),
  },
  {
    name: "a 2 MB single line (just under the limit)",
    request: () => plain("word ".repeat((MAX_BYTES - 5) / 5)),
    expect: { status: 200 },
    check: (b) => expect(b.stats.lines).toBe(1),
  },
  {
    name: "200,000 short lines",
    request: () => plain("Home\nNews\nSport\nAbout us\n".repeat(50_000)),
    expect: { status: 200 },
    check: (b) => expect(b.stats.lines).toBe(200_000),
  },
  {
    name: "right-to-left text (Arabic, Hebrew) with bidi control characters",
    request: () => plain(["اقرأ المزيد", "\u202bصوّت المجلس يوم الثلاثاء على إبقاء المكتبة مفتوحة بعد أن قال السكان إنها المكان الهادئ الوحيد للعمل.\u202c", "הספרייה תישאר פתוחה אחרי שהמועצה הצביעה ביום שלישי, כך אמרו התושבים בעיר.", "\u200fשתפו"].join("\n")),
    expect: { status: 200 },
    check: (b) => expect(b.stats.lines).toBe(4),
  },
  {
    name: "CJK text without spaces",
    request: () => plain(["首页", "市议会周二投票决定保留图书馆，居民们说这是唯一可以安静工作的地方。官员表示，夏季将对建筑进行维修。", "図書館は火曜日の議会の投票の後も開館を続けることになった。住民は静かに働ける唯一の場所だと話した。", "더 보기"].join("\n")),
    expect: { status: 200 },
    check: (b) => expect(b.stats.lines).toBe(4),
  },
  {
    name: "emoji, ZWJ sequences, astral characters and lone surrogates",
    request: () => plain(`👍🏽 Share\n${PROSE} 👨‍👩‍👧‍👦🏳️‍🌈\n𝕿𝖍𝖊 𝖑𝖎𝖇𝖗𝖆𝖗𝖞 \ud800 stays open \udfff.\n🔥🔥🔥`),
    expect: { status: 200 },
    check: (b) => expect(b.stats.lines).toBe(4),
  },
  {
    // Markdown's brackets, parentheses and angle brackets are matched in one pass (markdown.ts).
    name: "Markdown: 1.9 MB of unclosed brackets, link openers and angle brackets on one line, as text/markdown",
    request: () => plain(`${"[![(<".repeat(380_000)}\n${PROSE}`, "text/markdown"),
    expect: { status: 200 },
    input: "",
    check: (b) => expect(b.stats.lines).toBeLessThanOrEqual(2),
  },
  {
    name: "Markdown: 100,000 link lines",
    request: () => plain("- [Home](/)\n".repeat(100_000)),
    expect: { status: 200 },
    input: "",
    check: (b) => expect(b.stats.lines).toBe(100_000),
  },
  {
    // Sniffed as HTML: it goes through the DOM path (the nesting is flattened before parsing).
    name: "HTML nested 10,000 deep, sent as text/plain",
    request: () => plain(nested(10_000, "<div>", "</div>", `<p>${PROSE}</p>`)),
    input: "",
    expect: { status: 200 },
    check: (b) => { expect(b.mode).toBe("html"); expect(b.text).toBe(PROSE); },
  },
  ...HTML_CASES,
  {
    name: "a body of exactly the size limit, in a 2-byte script",
    request: () => plain(bodyOfBytes(MAX_BYTES)),
    expect: { status: 200 },
    input: new TextDecoder().decode(bodyOfBytes(MAX_BYTES)),
  },
  { name: "a body one byte over the size limit", request: () => plain(bodyOfBytes(MAX_BYTES + 1)), expect: { status: 413, code: "payload_too_large" } },
  {
    name: "a JSON body one byte over the size limit",
    request: () => json(JSON.stringify({ text: "x" }).padEnd(MAX_BYTES + 1, " ")),
    expect: { status: 413, code: "payload_too_large" },
  },
  { name: "JSON text of the wrong type: number", request: () => json('{"text": 42}'), expect: { status: 400, code: "bad_request" } },
  { name: "JSON text of the wrong type: array", request: () => json('{"text": ["a", "b"]}'), expect: { status: 400, code: "bad_request" } },
  { name: "JSON text of the wrong type: object", request: () => json('{"text": {"body": "a"}}'), expect: { status: 400, code: "bad_request" } },
  { name: "JSON text null", request: () => json('{"text": null}'), expect: { status: 400, code: "bad_request" } },
  { name: "JSON body a string", request: () => json('"just a string"'), expect: { status: 400, code: "bad_request" } },
  { name: "JSON body null", request: () => json("null"), expect: { status: 400, code: "bad_request" } },
  { name: "JSON url of the wrong type", request: () => json(JSON.stringify({ text: PROSE, url: 7 })), expect: { status: 400, code: "invalid_options" } },
  { name: "JSON options.explain of the wrong type", request: () => json(JSON.stringify({ text: PROSE, options: { explain: [] } })), expect: { status: 400, code: "invalid_options" } },
  { name: "JSON options.minConfidence NaN-like", request: () => json(`{"text": "${PROSE}", "options": {"minConfidence": "NaN"}}`), expect: { status: 400, code: "invalid_options" } },
  { name: "JSON options an array", request: () => json(JSON.stringify({ text: PROSE, options: [1] })), expect: { status: 400, code: "invalid_options" } },
  {
    name: "JSON with extra fields (top level and in options), including __proto__",
    request: () => json(`{"text": ${JSON.stringify(ARTICLE)}, "extra": {"a": [1, 2]}, "__proto__": {"explain": true}, "options": {"unknown": 1, "constructor": {"prototype": {}}}}`),
    input: ARTICLE,
    expect: { status: 200 },
    check: (b) => expect((b as { lines?: unknown }).lines).toBeUndefined(),
  },
  {
    name: "JSON with 1,000-level nesting in an extra field",
    request: () => json(`{"text": ${JSON.stringify(ARTICLE)}, "extra": ${nested(1_000, "[", "]", "1")}}`),
    input: ARTICLE,
    expect: { status: 200 },
  },
  {
    name: "JSON with 1,000-level nesting in options",
    request: () => json(`{"text": ${JSON.stringify(ARTICLE)}, "options": {"deep": ${nested(1_000, '{"a":', "}", "1")}}}`),
    input: ARTICLE,
    expect: { status: 200 },
  },
  { name: "JSON with 1,000-level nesting as the text", request: () => json(`{"text": ${nested(1_000, "[", "]", '"a"')}}`), expect: { status: 400, code: "bad_request" } },
  { name: "JSON nested 100,000 deep", request: () => json(nested(100_000, "[", "]", "")), expect: { status: 400, code: "bad_request" } },
  { name: "JSON cut off mid-string", request: () => json(`{"text": "${PROSE}`), expect: { status: 400, code: "invalid_json" } },
  { name: "JSON with a lone surrogate escape in text", request: () => json(`{"text": "${PROSE} \\ud800 end"}`), input: `${PROSE} \ud800 end`, expect: { status: 200 } },
  { name: "a charset that does not exist", request: () => plain(PROSE, "text/plain; charset=x-unknown-7"), expect: { status: 415, code: "unsupported_media_type" } },
  { name: "a media type that is not text", request: () => plain(PROSE, "multipart/form-data; boundary=x"), expect: { status: 415, code: "unsupported_media_type" } },
];


/** Send one case and check it: the status, the JSON shape, and the result invariants. */
export async function runHostile(c: HostileCase, send: Send): Promise<void> {
  const { path = "/v1/clean", init } = c.request();
  const res = await send(path, init);
  const raw = await res.text();
  // A stack trace, raw or JSON-escaped (linear: no unbounded run before a fixed suffix).
  expect(raw).not.toMatch(/(\n|\\n)\s*at \S|node_modules|\.ts:\d+:\d+/);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  const body = JSON.parse(raw) as CleanBody & { error?: { code: string; message: string } };
  if (c.expect.status !== 200) {
    expect({ status: res.status, code: body.error?.code }).toEqual(c.expect);
    expect(body.error!.message.length).toBeGreaterThan(0);
    return;
  }
  expect(res.status, raw.slice(0, 300)).toBe(200);
  const input = c.input ?? (typeof init.body === "string" ? init.body : "");
  if (input) keptLinesAreInputLines(body, input);
  expect(Number.isFinite(body.confidence)).toBe(true);
  expect(body.confidence).toBeGreaterThanOrEqual(0);
  expect(body.confidence).toBeLessThanOrEqual(1);
  // The answer lists at most HTTP_MAX_LISTED removed lines; `truncated` counts the rest.
  const removed = body.removed.length + ((body as { truncated?: { removed: number } }).truncated?.removed ?? 0);
  const accounted = body.stats.bodyLines + removed + body.meta.length + body.stats.titleLines;
  expect(accounted).toBe(body.stats.lines);
  c.check?.(body, input);
}
