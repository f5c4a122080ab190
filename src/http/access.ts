// Access control in one place, in the order it must run: CORS (so preflights need no key), then
// API keys on /v1/*, then the rate limit (per key once the key is known). /healthz stays open.
import type { Hono } from "hono";
import type { AppConfig } from "./app.ts";
import { bearerAuth } from "./auth.ts";
import { corsFor } from "./cors.ts";
import { rateLimit } from "./rate-limit.ts";

export function useAccessControl(app: Hono, config: AppConfig): void {
  if (config.corsOrigins?.length) app.use("*", corsFor(config.corsOrigins));
  if (config.apiKeys?.length) app.use("/v1/*", bearerAuth(config.apiKeys));
  if (config.rateLimiter) app.use("/v1/*", rateLimit(config.rateLimiter, config.clientAddress));
}
