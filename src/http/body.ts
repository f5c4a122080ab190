// Reading a request body with the size limit enforced on the bytes actually read, so a client
// that lies in Content-Length or sends a chunked body cannot get more than the limit buffered.
import { decoderFor, type Decoder } from "./decoder.ts";
import { HttpError } from "./errors.ts";

/**
 * A body sent compressed (Content-Encoding gzip, br, ...) is refused with a 415 (RFC 9110
 * §15.5.16): its bytes are not the text, and unpacking them is a bomb waiting for a limit.
 */
export function refuseEncoded(req: Request): void {
  const encoding = req.headers.get("content-encoding")?.trim().toLowerCase();
  if (encoding && encoding !== "identity") throw new HttpError(415, "unsupported_media_type", `Content-Encoding "${encoding}" is not accepted: send the body uncompressed`);
}

// A body over the limit is still read, and dropped, up to this many times the limit before the 413
// is sent. Answered at once, the connection is closed while the client is still sending, and a
// client that sends its whole body before it reads the answer (Python's urllib, Node's fetch; curl
// asks first with Expect: 100-continue) gets a broken pipe instead of the 413: from ~6 MB on, at
// the default 2 MB limit. Past this bound it is answered at once. Set by hand: 8 x 2 MB covers a
// large page or batch sent by mistake, and costs no more than reading 16 MB. The drain also stops
// after DRAIN_MS: a Content-Length that lies (more than is sent) is answered then, not at the
// request timeout. Set by hand: 16 MB in 2 s is 8 MB/s.
const DRAIN_FACTOR = 8;
const DRAIN_MS = 2000;

export async function readLimited(req: Request, maxBytes: number): Promise<Uint8Array> {
  refuseEncoded(req);
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    if (Number(declared) <= DRAIN_FACTOR * maxBytes && req.body) await drop(req.body.getReader(), DRAIN_FACTOR * maxBytes);
    throw tooLarge(maxBytes);
  }
  // A body with a valid Content-Length is exactly that long (the runtime's HTTP parser frames it
  // so), so it is within the limit: read it whole. Under Node that skips building a web stream
  // for it (@hono/node-server reads the socket directly), 5 % of the server's time per request.
  if (declared !== null && DIGITS.test(declared)) {
    return new Uint8Array(await req.arrayBuffer().catch(() => {
      throw cutShort();
    }));
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    // A client that goes away mid-body (or is timed out by the server) ends the stream in an
    // error: that is a request cut short, not a server failure.
    const { done, value } = await reader.read().catch(() => {
      throw cutShort();
    });
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await drop(reader, DRAIN_FACTOR * maxBytes - total);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Reads and drops what is left of a body, up to `bytes` more and for DRAIN_MS at most; then cancels it. A client that goes away ends it too. */
async function drop(reader: ReadableStreamDefaultReader<Uint8Array>, bytes: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"late">((resolve) => { timer = setTimeout(() => resolve("late"), DRAIN_MS); });
  try {
    for (let left = bytes; left > 0;) {
      const r = await Promise.race([reader.read(), late]);
      if (r === "late" || r.done) break;
      left -= r.value.byteLength;
    }
  } catch {
    return;
  } finally {
    clearTimeout(timer);
  }
  await reader.cancel().catch(() => {});
}

const DIGITS = /^\d+$/;
const cutShort = () => new HttpError(400, "bad_request", "the request body ended before it was complete");
const tooLarge = (maxBytes: number) => new HttpError(413, "payload_too_large", `request body exceeds the limit of ${maxBytes} bytes`);

// The common decoder made once (a decoder keeps no state between whole-input decode calls).
const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Bytes to text. A byte-order mark wins (UTF-8, UTF-16 LE/BE); then the declared charset; then
 * UTF-16 when the bytes look like it (sniffUtf16); then UTF-8. Invalid sequences become U+FFFD
 * rather than an error: scraped text is often dirty; but bytes that are not text at all get a 415
 * (refuseBinary; `source` names the input and says how it was read, in that error).
 */
export function decodeText(bytes: Uint8Array, charset?: string, source: { what?: string; how?: string } = {}): string {
  let label = (charset ?? "utf-8").toLowerCase();
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) (label = "utf-8"), (start = 3);
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) (label = "utf-16le"), (start = 2);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) (label = "utf-16be"), (start = 2);
  else if (charset === undefined) label = sniffUtf16(bytes) ?? label;
  let decoder: Decoder | undefined = label === "utf-8" ? UTF8 : undefined;
  try {
    decoder ??= decoderFor(label, { ignoreBOM: true });
  } catch {
    throw new HttpError(415, "unsupported_media_type", `unsupported charset: ${charset}`);
  }
  const text = decoder.decode(bytes.subarray(start));
  refuseBinary(text, source.how, source.what);
  return text;
}

// A body that is not text (random or compressed bytes, an image or a PDF sent as text/plain, or
// text in a charset the request does not name): decoded, it is mostly U+FFFD and control
// characters. Refused when more than BINARY_MAX_SHARE of the first BINARY_SNIFF_CHARS characters
// (and at least BINARY_MIN_CHARS of them) are U+FFFD or C0/C1 controls other than tab, line feed,
// vertical tab, form feed and carriage return. Set by hand and checked: on the corpus's 1,266
// pages the most any page_text, loose_text or HTML has is 1.6 % (a page's mojibake); random bytes
// read as UTF-8 have 54-58 %, as windows-1252 about 13 %; Russian in windows-1251 read as UTF-8
// nearly every letter. Before this the service returned such bytes as an article with confidence
// 0.95.
const BINARY_SNIFF_CHARS = 65_536;
const BINARY_MAX_SHARE = 0.1;
const BINARY_MIN_CHARS = 16;

/** A 415 when `text` reads as binary data rather than text (see BINARY_MAX_SHARE); `how` says how it was decoded. */
function refuseBinary(text: string, how = UTF8_NOTE, what = "the body"): void {
  const n = Math.min(text.length, BINARY_SNIFF_CHARS);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && (c < 9 || c > 13)) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) bad++;
  }
  if (bad >= BINARY_MIN_CHARS && bad > BINARY_MAX_SHARE * n) {
    throw new HttpError(415, "unsupported_media_type", `${what} is not text: ${Math.round((100 * bad) / n)} % of its first ${n} characters are control characters or bytes that are not valid in its charset (${how})`);
  }
}
const UTF8_NOTE = "text is read as UTF-8 unless the content type names a charset or the text starts with a byte-order mark";

/** `text/plain; charset=x` → { type: "text/plain", charset: "x" }. */
export function parseContentType(header: string | null): { type: string; charset?: string } {
  if (!header) return { type: "" };
  const [type, ...params] = header.split(";");
  let charset: string | undefined;
  for (const p of params) {
    const [k, v] = p.split("=");
    if (k?.trim().toLowerCase() === "charset" && v) charset = v.trim().replace(/^"|"$/g, "");
  }
  return { type: type.trim().toLowerCase(), charset };
}

// UTF-16 sent without a byte-order mark or charset: text in Latin, Greek, Cyrillic and most
// scripts below U+0100-U+FFFF has a zero high byte in most code units, so one parity of bytes is
// mostly NUL and the other almost never. UTF-8 text has no NUL bytes at all, so the thresholds
// can be loose: at least 30% NULs on one side (a page of CJK with ASCII digits, markup and line
// breaks still has that many) and at most 2% on the other. Only the first SNIFF_BYTES are read.
const SNIFF_BYTES = 4096;
const SNIFF_MIN_NUL_SHARE = 0.3;
const SNIFF_MAX_OTHER_NUL_SHARE = 0.02;

export function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0, oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul >= SNIFF_MIN_NUL_SHARE * half && evenNul <= SNIFF_MAX_OTHER_NUL_SHARE * half) return "utf-16le";
  if (evenNul >= SNIFF_MIN_NUL_SHARE * half && oddNul <= SNIFF_MAX_OTHER_NUL_SHARE * half) return "utf-16be";
  return undefined;
}
