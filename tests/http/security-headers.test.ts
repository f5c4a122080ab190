// The security headers (src/http/security-headers.ts) are exactly what Hono's secureHeaders
// middleware sets, on the fast path (a 200 from /v1/clean, headers built in) and on every other
// response (headers set by the middleware), with and without CORS.
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { describe, expect, it } from "vitest";
import { createApp, DEFAULT_MAX_BODY_BYTES } from "../../src/http/app.ts";
import { nodeDeps } from "../../src/node/deps.ts";

const TEXT = "A sentence of an article that is long enough to be read as prose by the model.\nAnother one follows it here.";

async function honoSecurityHeaders(): Promise<Record<string, string>> {
  const ref = new Hono();
  ref.use("*", secureHeaders({ crossOriginResourcePolicy: "same-origin" }));
  ref.get("/", (c) => c.json({}));
  const res = await ref.request("/");
  return Object.fromEntries([...res.headers].filter(([k]) => k !== "content-type"));
}

const responses = (app: ReturnType<typeof createApp>, headers: Record<string, string> = {}) =>
  Promise.all([
    app.request("/v1/clean", { method: "POST", headers: { "content-type": "text/plain", ...headers }, body: TEXT }),
    app.request("/v1/clean", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ text: TEXT, options: { explain: true } }) }),
    app.request("/v1/clean", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: "{" }),
    app.request("/healthz", { headers }),
    app.request("/nope", { headers }),
  ]);

describe("security headers", () => {
  it("are Hono's secureHeaders set, with the same values, on successes and errors", async () => {
    const expected = await honoSecurityHeaders();
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(10);
    const app = createApp({ ...nodeDeps(), maxBodyBytes: DEFAULT_MAX_BODY_BYTES });
    const all = await responses(app);
    expect(all.map((r) => r.status)).toEqual([200, 200, 400, 200, 404]);
    for (const res of all) {
      for (const [name, value] of Object.entries(expected)) expect(res.headers.get(name), name).toBe(value);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    }
  });

  it("stay in place when CORS adds its own headers to the response", async () => {
    const expected = await honoSecurityHeaders();
    const app = createApp({ ...nodeDeps(), maxBodyBytes: DEFAULT_MAX_BODY_BYTES, corsOrigins: ["https://a.example"] });
    const all = await responses(app, { origin: "https://a.example" });
    expect(all.map((r) => r.status)).toEqual([200, 200, 400, 200, 404]);
    for (const res of all) {
      expect(res.headers.get("access-control-allow-origin")).toBe("https://a.example");
      for (const [name, value] of Object.entries(expected)) expect(res.headers.get(name), name).toBe(value);
    }
  });
});
