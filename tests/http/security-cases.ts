// Access-control and header cases, run like cases.ts in-process, against the Node server and in
// workerd: OPEN_CASES with the default configuration, SECURED_CASES with SECURED_ENV (keys, a
// rate limit, CORS for one origin). In workerd the secrets and the rate-limit binding come from
// the "workerd-secured" project in vitest.config.ts, built from the same SECURED_ENV.
import { expect } from "vitest";
import type { HttpCase, Send } from "./cases.ts";

export const KEY_A = "kA7fQ2x9LmP4tR8wZ1cV6bN3";
export const KEY_B = "kB5hJ8s2DgF7yU4iO9pE1rT6";
/** Used only by the rate-limit case, so the other cases never spend its allowance. */
export const KEY_FLOOD = "kC3mX6zQ9wE2rT5yU8iO1pA4";
export const RATE_LIMIT_PER_MINUTE = 20;
export const ALLOWED_ORIGIN = "https://app.example";

export const SECURED_ENV = {
  BOILERSTRIP_API_KEYS: ` ${KEY_A}, ${KEY_B},${KEY_FLOOD} `,
  BOILERSTRIP_RATE_LIMIT: String(RATE_LIMIT_PER_MINUTE),
  BOILERSTRIP_CORS_ORIGINS: ALLOWED_ORIGIN,
};

const TEXT = "A sentence of an article that is long enough to be read as prose by the model.";
const post = (headers: Record<string, string> = {}): RequestInit => ({ method: "POST", headers: { "content-type": "text/plain", ...headers }, body: TEXT });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** The headers secureHeaders sets, checked on successes and errors alike. */
export function expectSecurityHeaders(res: Response): void {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
}

async function expectJsonError(res: Response, status: number, code: string): Promise<{ code: string; message: string }> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const { error } = (await res.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe(code);
  return error;
}

export const OPEN_CASES: HttpCase[] = [
  {
    name: "security headers on every response: 200, 400, 404, 405, 413, 415",
    async run(send) {
      const responses = await Promise.all([
        send("/healthz"),
        send("/v1/clean", post()),
        send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: "{" }),
        send("/nope"),
        send("/v1/clean"),
        send("/v1/clean", { method: "POST", headers: { "content-type": "text/plain" }, body: "x".repeat(2 * 1024 * 1024 + 1) }),
        send("/v1/clean", { method: "POST", headers: { "content-type": "image/png" }, body: "x" }),
      ]);
      expect(responses.map((r) => r.status)).toEqual([200, 200, 400, 404, 405, 413, 415]);
      for (const r of responses) expectSecurityHeaders(r);
    },
  },
  {
    name: "no keys configured: /v1/clean needs no Authorization, and an Authorization header is ignored",
    async run(send) {
      expect((await send("/v1/clean", post())).status).toBe(200);
      expect((await send("/v1/clean", post(bearer("anything")))).status).toBe(200);
    },
  },
  {
    name: "CORS is off by default: no Access-Control-Allow-Origin, preflight not granted",
    async run(send) {
      const res = await send("/v1/clean", post({ origin: ALLOWED_ORIGIN }));
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      const pre = await send("/v1/clean", { method: "OPTIONS", headers: { origin: ALLOWED_ORIGIN, "access-control-request-method": "POST" } });
      expect(pre.headers.get("access-control-allow-origin")).toBeNull();
      expect(pre.headers.get("access-control-allow-methods")).toBeNull();
    },
  },
];

export const SECURED_CASES: HttpCase[] = [
  {
    name: "401 without a key, with WWW-Authenticate and security headers",
    async run(send) {
      const variants: Record<string, string>[] = [{}, { authorization: "Basic dXNlcjpwYXNz" }, { authorization: "Bearer" }];
      for (const headers of variants) {
        const res = await send("/v1/clean", post(headers));
        await expectJsonError(res, 401, "unauthorized");
        expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="boilerstrip"/);
        expectSecurityHeaders(res);
      }
    },
  },
  {
    name: "403 with a wrong key (near misses, a prefix, a longer key), never echoing it",
    async run(send) {
      const wrong = [KEY_A.slice(0, -1) + "x", KEY_A.slice(0, -1), KEY_A + "0", "x" + KEY_B.slice(1)];
      for (const key of wrong) {
        const res = await send("/v1/clean", post(bearer(key)));
        const error = await expectJsonError(res, 403, "forbidden");
        expect(error.message).not.toContain(key);
        expect(res.headers.get("www-authenticate")).toMatch(/error="invalid_token"/);
        expectSecurityHeaders(res);
      }
    },
  },
  {
    name: "200 with either configured key (case-insensitive scheme); /healthz stays open",
    async run(send) {
      const a = await send("/v1/clean", post(bearer(KEY_A)));
      expect(a.status).toBe(200);
      expectSecurityHeaders(a);
      expect(((await a.json()) as { stats: { lines: number } }).stats.lines).toBe(1);
      expect((await send("/v1/clean", post({ authorization: `bearer ${KEY_B}` }))).status).toBe(200);
      const h = await send("/healthz");
      expect(h.status).toBe(200);
      expectSecurityHeaders(h);
    },
  },
  {
    name: "errors behind a valid key keep their own status (400, 405) and the security headers",
    async run(send) {
      const bad = await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json", ...bearer(KEY_B) }, body: "{" });
      await expectJsonError(bad, 400, "invalid_json");
      expectSecurityHeaders(bad);
      await expectJsonError(await send("/v1/clean", { headers: bearer(KEY_B) }), 405, "method_not_allowed");
    },
  },
  {
    name: "CORS for the configured origin only; a preflight needs no key",
    async run(send) {
      const pre = await send("/v1/clean", { method: "OPTIONS", headers: { origin: ALLOWED_ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" } });
      expect(pre.status).toBe(204);
      expect(pre.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
      expect(pre.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
      const ok = await send("/v1/clean", post({ origin: ALLOWED_ORIGIN, ...bearer(KEY_A) }));
      expect(ok.status).toBe(200);
      expect(ok.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
      const denied = await send("/v1/clean", post({ origin: ALLOWED_ORIGIN }));
      expect(denied.status).toBe(401);
      expect(denied.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
      const other = await send("/v1/clean", post({ origin: "https://evil.example", ...bearer(KEY_A) }));
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
    },
  },
  {
    name: `rate limit: a key gets ${RATE_LIMIT_PER_MINUTE} requests a minute, then 429 with Retry-After; other keys unaffected`,
    async run(send: Send) {
      const statuses: number[] = [];
      let limited: Response | undefined;
      // Cheap requests (405 after auth and the limit): the limit counts requests, not work.
      for (let i = 0; i < RATE_LIMIT_PER_MINUTE * 3 && !limited; i++) {
        const res = await send("/v1/clean", { headers: bearer(KEY_FLOOD) });
        statuses.push(res.status);
        if (res.status === 429) limited = res;
        else await res.body?.cancel();
      }
      expect(limited, `statuses: ${statuses.join(",")}`).toBeDefined();
      expect(statuses.filter((s) => s === 405).length).toBeGreaterThanOrEqual(RATE_LIMIT_PER_MINUTE - 1);
      await expectJsonError(limited!, 429, "rate_limited");
      expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(Number(limited!.headers.get("retry-after"))).toBeLessThanOrEqual(60);
      expectSecurityHeaders(limited!);
      expect((await send("/v1/clean", post(bearer(KEY_A)))).status).toBe(200);
      expect((await send("/healthz")).status).toBe(200);
    },
  },
];
