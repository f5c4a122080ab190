// The security headers every response carries (the values of Hono's secureHeaders with
// Cross-Origin-Resource-Policy same-origin; tests/http/security-headers.test.ts checks they stay
// equal). The hot path, a 200 from /v1/clean, builds its response with them already in a plain
// header object: under @hono/node-server that response is written without ever building a
// Headers object, which setting them afterwards costs on every request (secureHeaders did: ~4 % of
// the server's CPU per request). Every other response gets them set by the middleware.
import type { MiddlewareHandler } from "hono";

/** Name → value, lower-case names in the order a Headers object lists them. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "referrer-policy": "no-referrer",
  "strict-transport-security": "max-age=15552000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-frame-options": "SAMEORIGIN",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
};
const ENTRIES = Object.entries(SECURITY_HEADERS);

// Responses built with the headers already in place; the middleware leaves them as they are.
const secured = new WeakSet<Response>();

/** A JSON response with the security headers, as `c.json(body, status)` plus the middleware gives. */
export function securedJson(body: unknown, status = 200): Response {
  const res = new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...SECURITY_HEADERS } });
  secured.add(res);
  return res;
}

/** Sets the security headers on every response not built by securedJson, and drops X-Powered-By. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (secured.has(c.res)) return;
    const headers = c.res.headers;
    for (const [name, value] of ENTRIES) headers.set(name, value);
    headers.delete("x-powered-by");
  };
}
