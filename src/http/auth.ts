// Optional bearer API keys on /v1/*: 401 without credentials, 403 with a wrong key. Keys are
// compared in constant time: every key's SHA-256 is compared byte by byte with the token's,
// always all bytes of all keys (no early exit, and hashing hides the keys' lengths). Uses Web
// Crypto only, so it runs in Node and workerd alike.
import type { MiddlewareHandler } from "hono";
import { errorResponse } from "./errors.ts";

declare module "hono" {
  interface ContextVariableMap {
    /** Which configured key the request carried ("key-<n>"), never the key itself. */
    apiKeyId: string;
  }
}

const CHALLENGE = 'Bearer realm="boilerstrip"';
// Token characters of RFC 6750; the header is bounded by the server's header size limit.
const BEARER_RE = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

const sha256 = async (s: string): Promise<Uint8Array> => new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s)));

/** Index of the key whose digest equals `d`, or -1; time independent of where they differ. */
export function matchDigest(keys: readonly Uint8Array[], d: Uint8Array): number {
  let found = -1;
  for (let k = 0; k < keys.length; k++) {
    let diff = 0;
    for (let i = 0; i < d.length; i++) diff |= keys[k][i] ^ d[i];
    found = diff === 0 ? k : found;
  }
  return found;
}

export function bearerAuth(keys: readonly string[]): MiddlewareHandler {
  let digests: Promise<Uint8Array[]> | undefined;
  return async (c, next) => {
    const header = c.req.header("authorization");
    const m = header ? BEARER_RE.exec(header) : null;
    if (!m) {
      c.header("WWW-Authenticate", CHALLENGE);
      return errorResponse(c, 401, "unauthorized", "this endpoint needs an API key: send Authorization: Bearer <key>");
    }
    digests ??= Promise.all(keys.map(sha256));
    const found = matchDigest(await digests, await sha256(m[1]));
    if (found < 0) {
      c.header("WWW-Authenticate", `${CHALLENGE}, error="invalid_token"`);
      return errorResponse(c, 403, "forbidden", "the API key is not valid");
    }
    c.set("apiKeyId", `key-${found}`);
    await next();
  };
}
