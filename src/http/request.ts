// From an HTTP request to a document to clean: text, HTML or JSON, with query options, validated
// by the contract's schemas (schemas.ts). Plain text that is really a page goes to HTML mode.
import { headMetaCharset, metaCharset } from "../html/sniff.ts";
import { HttpError } from "./errors.ts";
import { decodeText, parseContentType, readLimited } from "./body.ts";
import { documentFromJson, kindOf, type DocumentInput } from "./document.ts";
import { QuerySchema } from "./schemas.ts";
import { validate } from "./validate.ts";

/** Options given as query parameters (?explain=1&preference=recall…), checked by QuerySchema. */
export function queryOptions(req: Request): Record<string, unknown> {
  // Most requests have no query: no options, without parsing the URL.
  if (!req.url.includes("?")) return {};
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = validate(QuerySchema, query, "query");
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined));
}

export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, "invalid_json", "the request body is not valid JSON");
  }
}

/** Text with something to clean: one character that is not whitespace. */
const HAS_TEXT = /\S/;

export const isJsonType = (type: string) => type === "application/json" || type.endsWith("+json");

/**
 * A page's bytes: the content type's charset, else the page's own <meta charset> in its first
 * 1024 bytes, else one later in its <head> when the bytes are not UTF-8, else UTF-8.
 */
function decodeHtml(bytes: Uint8Array, charset: string | undefined): string {
  if (charset) return decodeText(bytes, charset);
  try {
    return decodeText(bytes, metaCharset(bytes) ?? lateCharset(bytes));
  } catch {
    return decodeText(bytes); // a charset the page names but no decoder knows: read it as UTF-8
  }
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });
// The Encoding standard's labels of UTF-8.
const UTF8_LABELS = new Set(["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"]);

/**
 * The charset a page declares past its first 1024 bytes (headMetaCharset), for bytes that are not
 * valid UTF-8 only: text in another charset is almost never valid UTF-8, while a page saved as
 * UTF-8 under its old declaration is (two of the corpus's pages declare ISO-8859-1 late; the
 * stored pages are UTF-8).
 */
function lateCharset(bytes: Uint8Array): string | undefined {
  const declared = headMetaCharset(bytes);
  // UTF-8 declared (most such pages): the default already, and no need to read the page twice.
  if (!declared || UTF8_LABELS.has(declared)) return undefined;
  try {
    STRICT_UTF8.decode(bytes);
    return undefined;
  } catch {
    return declared;
  }
}

export async function parseCleanRequest(req: Request, maxBytes: number): Promise<DocumentInput> {
  const { type, charset } = parseContentType(req.headers.get("content-type"));
  const options = queryOptions(req);
  if (type === "text/plain" || type === "") {
    const content = decodeText(await readLimited(req, maxBytes), charset);
    if (content.length === 0) throw new HttpError(400, "no_text", "the request body is empty: send the scraped text");
    if (!HAS_TEXT.test(content)) throw new HttpError(400, "no_text", "the request body is only whitespace: send the scraped text");
    return { kind: kindOf(content, options), content, options };
  }
  if (type === "text/markdown" || type === "text/x-markdown") {
    const content = decodeText(await readLimited(req, maxBytes), charset);
    if (!HAS_TEXT.test(content)) throw new HttpError(400, "no_text", "the request body is empty: send the Markdown");
    return { kind: "text", content, options: { format: "markdown", ...options } };
  }
  if (type === "text/html" || type === "application/xhtml+xml") {
    const content = decodeHtml(await readLimited(req, maxBytes), charset);
    if (!HAS_TEXT.test(content)) throw new HttpError(400, "no_text", "the request body is empty: send the page's HTML");
    return { kind: "html", content, options };
  }
  if (isJsonType(type)) return documentFromJson(parseJson(decodeText(await readLimited(req, maxBytes), charset)), options);
  throw new HttpError(415, "unsupported_media_type", `unsupported content type "${type}": send text/plain, text/markdown, text/html or application/json`);
}
