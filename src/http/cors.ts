// CORS is off unless origins are configured (BOILERSTRIP_CORS_ORIGINS): then browsers on those
// origins (or any, with "*") may call the API, sending an API key and JSON.
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";

// Browsers may cache a preflight answer this long (10 min): the configuration is static.
const PREFLIGHT_MAX_AGE_S = 600;

export function corsFor(origins: readonly string[]): MiddlewareHandler {
  return cors({
    origin: origins.includes("*") ? "*" : [...origins],
    allowMethods: ["GET", "POST", "DELETE", "OPTIONS"],
    allowHeaders: ["authorization", "content-type"],
    exposeHeaders: ["retry-after", "www-authenticate"],
    maxAge: PREFLIGHT_MAX_AGE_S,
  });
}
