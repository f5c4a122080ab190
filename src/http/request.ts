// From an HTTP request to what `clean` takes: the text and the options, validated.
import { HttpError } from "./errors.ts";
import { decodeText, parseContentType, readLimited } from "./body.ts";

export interface CleanRequest {
  text: string;
  options: Record<string, unknown>;
}

/** Text with something to clean: one character that is not whitespace. */
const HAS_TEXT = /\S/;

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
    if (!HAS_TEXT.test(text)) throw new HttpError(400, "no_text", "the request body is only whitespace: send the scraped text");
    return { text, options: queryOptions };
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
    if (b.text === undefined) throw new HttpError(400, "no_text", 'the JSON body has no "text"');
    if (typeof b.text !== "string") throw new HttpError(400, "bad_request", '"text" must be a string');
    if (b.text.length === 0) throw new HttpError(400, "no_text", '"text" is empty');
    if (!HAS_TEXT.test(b.text)) throw new HttpError(400, "no_text", '"text" is only whitespace');
    if (b.options !== undefined && (b.options === null || typeof b.options !== "object" || Array.isArray(b.options))) {
      throw new HttpError(400, "invalid_options", '"options" must be an object');
    }
    const options: Record<string, unknown> = { ...queryOptions, ...(b.options as Record<string, unknown> | undefined) };
    if (b.url !== undefined) options.url = b.url;
    if (b.site !== undefined) options.site = b.site;
    return { text: b.text, options };
  }
  throw new HttpError(415, "unsupported_media_type", `unsupported content type "${type}": send text/plain or application/json`);
}
