// From an HTTP request to what `clean` takes: the text or the HTML page, and the options, validated.
// Plain text that is really a page (a scraper that saved the HTML as text) is sent to HTML mode.
import { looksLikeHtml, metaCharset } from "../html/sniff.ts";
import { HttpError } from "./errors.ts";
import { decodeText, parseContentType, readLimited } from "./body.ts";

export type CleanRequest = { text: string; html?: undefined; options: Record<string, unknown> } | { html: string; text?: undefined; options: Record<string, unknown> };

/** Text that is really HTML goes to HTML mode. */
function textOrHtml(text: string, options: Record<string, unknown>): CleanRequest {
  return looksLikeHtml(text) ? { html: text, options } : { text, options };
}


export async function parseCleanRequest(req: Request, maxBytes: number): Promise<CleanRequest> {
  const { type, charset } = parseContentType(req.headers.get("content-type"));
  const query = new URL(req.url).searchParams;
  const queryOptions: Record<string, unknown> = {};
  for (const key of ["explain", "preference", "url", "site"]) {
    const v = query.get(key);
    if (v !== null) queryOptions[key] = v;
  }
  const minConfidence = query.get("minConfidence");
  if (minConfidence !== null) queryOptions.minConfidence = Number(minConfidence);

  if (type === "text/plain" || type === "") {
    const text = decodeText(await readLimited(req, maxBytes), charset);
    if (text.length === 0) throw new HttpError(400, "no_text", "the request body is empty: send the scraped text");
    return textOrHtml(text, queryOptions);
  }
  if (type === "text/html" || type === "application/xhtml+xml") {
    const bytes = await readLimited(req, maxBytes);
    // A page's bytes without a charset in the content type: honour its own <meta charset>.
    let html: string;
    try {
      html = decodeText(bytes, charset ?? metaCharset(bytes));
    } catch (e) {
      if (charset) throw e;
      html = decodeText(bytes); // an unknown charset in the page's own meta: read it as UTF-8
    }
    if (!/\S/.test(html)) throw new HttpError(400, "no_text", "the request body is empty: send the page's HTML");
    return { html, options: queryOptions };
  }
  if (type === "application/json" || type.endsWith("+json")) {
    const raw = decodeText(await readLimited(req, maxBytes), charset);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new HttpError(400, "invalid_json", "the request body is not valid JSON");
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      throw new HttpError(400, "bad_request", 'the JSON body must be an object: {"text": "...", "url"?, "site"?, "options"?}');
    }
    const b = body as Record<string, unknown>;
    if (b.text !== undefined && b.html !== undefined) throw new HttpError(400, "bad_request", 'send "text" or "html", not both');
    const field = b.html !== undefined ? "html" : "text";
    const value = b[field];
    if (value === undefined) throw new HttpError(400, "no_text", 'the JSON body has no "text" (or "html")');
    if (typeof value !== "string") throw new HttpError(400, "bad_request", `"${field}" must be a string`);
    if (value.length === 0) throw new HttpError(400, "no_text", `"${field}" is empty`);
    if (b.options !== undefined && (b.options === null || typeof b.options !== "object" || Array.isArray(b.options))) {
      throw new HttpError(400, "invalid_options", '"options" must be an object');
    }
    const options: Record<string, unknown> = { ...queryOptions, ...(b.options as Record<string, unknown> | undefined) };
    if (b.url !== undefined) options.url = b.url;
    if (b.site !== undefined) options.site = b.site;
    return field === "html" ? { html: value, options } : textOrHtml(value, options);
  }
  throw new HttpError(415, "unsupported_media_type", `unsupported content type "${type}": send text/plain, text/html or application/json`);
}
