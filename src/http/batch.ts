// POST /v1/clean/batch: a JSON array in and out (at most MAX_BATCH_DOCS), or NDJSON in and NDJSON
// streamed out in the same order, each line its own result or its own error.
import { decodeText, parseContentType, readLimited, refuseEncoded } from "./body.ts";
import { decoderFor, type Decoder } from "./decoder.ts";
import { cleanBatchItem, cleanBatchLine, isError } from "./batch-item.ts";
import type { CleanDeps } from "./document.ts";
import { HttpError } from "./errors.ts";
import { isJsonType, parseJson, queryOptions } from "./request.ts";
import { BatchEnvelopeSchema, MAX_BATCH_DOCS } from "./schemas.ts";
import { validate } from "./validate.ts";

export interface BatchConfig extends CleanDeps {
  /** The single-document limit; an NDJSON line may be as large, a JSON batch a few times more. */
  maxBodyBytes: number;
}

// 4x the single-page limit (8 MB by default): a JSON batch holds several pages, and its parsed
// copy and results still fit a Worker's 128 MB with room to spare.
export const BATCH_BODY_FACTOR = 4;
// A JSON batch's answers list at most this many entries in `removed`, and as many in `lines`, all
// its documents together (each document's own bound, HTTP_MAX_LISTED, still holds): the answer is
// held whole until its last document, and 100 documents filling the 8 MB body with one-word lines
// answered 101 MB with `explain` ("Read more" lines: 236 MB); at this bound 13 MB and 17 MB, and
// at most ~55 MB for crafted long lines (the bound counts entries, and each carries its line). Set
// by hand from the corpus: its page_text inputs have 296 lines on average (573 at the 90th
// percentile), so 100 real pages list ~30,000 lines with `explain` and are not cut.
export const BATCH_MAX_LISTED = 50_000;

export const NDJSON_TYPES = ["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines"];

export async function handleBatch(req: Request, config: BatchConfig): Promise<Response> {
  const { type, charset } = parseContentType(req.headers.get("content-type"));
  const options = queryOptions(req);
  if (NDJSON_TYPES.includes(type)) {
    refuseEncoded(req);
    return ndjsonBatch(req, config, options, charset);
  }
  if (!isJsonType(type)) throw new HttpError(415, "unsupported_media_type", `unsupported content type "${type}": send a JSON array (application/json) or NDJSON (application/x-ndjson)`);
  const body = parseJson(decodeText(await readLimited(req, config.maxBodyBytes * BATCH_BODY_FACTOR), charset));
  const docs = validate(BatchEnvelopeSchema, body, "body");
  if (docs.length > MAX_BATCH_DOCS) throw new HttpError(413, "payload_too_large", `at most ${MAX_BATCH_DOCS} documents per JSON batch, not ${docs.length}: send NDJSON for more`);
  // One after another: a page learned into its site's template applies to the site's next pages.
  // Each document may list what the batch has left of BATCH_MAX_LISTED; `truncated` says what it left out.
  const answers = [];
  let left = BATCH_MAX_LISTED;
  for (const [i, d] of docs.entries()) {
    const item = await cleanBatchItem(d, i, { ...config, maxListed: Math.min(config.maxListed ?? Infinity, left) }, options);
    if (!isError(item)) left -= Math.max(item.removed.length, item.lines?.length ?? 0);
    answers.push(item);
  }
  return Response.json(answers);
}

/**
 * NDJSON: the answer is a stream that reads the request only as fast as the client takes the
 * answer, so memory holds one line at a time whatever the length of the input.
 */
function ndjsonBatch(req: Request, config: BatchConfig, options: Record<string, unknown>, charset?: string): Response {
  const lines = splitLines(req.body, config.maxBodyBytes, streamDecoder(charset));
  const encoder = new TextEncoder();
  let index = 0;
  const out = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) return controller.close();
      const i = index++;
      const item = next.value.tooLarge
        ? { index: i, error: { code: "payload_too_large", message: `document ${i} exceeds the limit of ${config.maxBodyBytes} bytes` } }
        : await cleanBatchLine(next.value.line, i, config, options);
      controller.enqueue(encoder.encode(JSON.stringify(item) + "\n"));
    },
    cancel: () => void lines.return(undefined),
  });
  return new Response(out, { headers: { "content-type": "application/x-ndjson; charset=utf-8" } });
}

type Line = { line: string; tooLarge?: false } | { line?: undefined; tooLarge: true };

/** The decoder of an NDJSON stream: its declared charset (NDJSON is UTF-8 unless it says), or a 415. */
function streamDecoder(charset?: string): Decoder {
  try {
    return decoderFor(charset ?? "utf-8");
  } catch {
    throw new HttpError(415, "unsupported_media_type", `unsupported charset: ${charset}`);
  }
}

/** Non-blank lines of a text stream (UTF-8 by default); a line over maxBytes is dropped as it arrives and reported. */
export async function* splitLines(body: ReadableStream<Uint8Array> | null, maxBytes: number, decoder: Decoder = new TextDecoder()): AsyncGenerator<Line> {
  if (!body) return;
  const reader = body.getReader();
  let buf = "";
  let skipping = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buf += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (skipping) skipping = false;
        else if (line.trim() !== "") yield overLimit(line, maxBytes) ? { tooLarge: true } : { line };
      }
      if (!skipping && buf.length > maxBytes) {
        // A string has at most as many UTF-16 units as UTF-8 bytes: this line is surely too large.
        skipping = true;
        buf = "";
        yield { tooLarge: true };
      } else if (skipping) buf = "";
      if (done) break;
    }
    if (!skipping && buf.trim() !== "") yield overLimit(buf, maxBytes) ? { tooLarge: true } : { line: buf };
  } finally {
    reader.releaseLock();
  }
}

// A UTF-16 unit is at most 3 UTF-8 bytes: only lines near the limit are encoded to count.
const overLimit = (s: string, maxBytes: number) => s.length * 3 > maxBytes && new TextEncoder().encode(s).byteLength > maxBytes;
