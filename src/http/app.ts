// The HTTP API as a Hono app. Runtime-free: Node, the Worker and tests inject what differs.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, Hono } from "hono";
import type { BlankEnv } from "hono/types";
import { BudgetExceededError } from "../core/budget.ts";
import { OptionsError } from "../core/options.ts";
import { useAccessControl } from "./access.ts";
import { errorResponse, HttpError, methodNotAllowed } from "./errors.ts";
import { handleBatch } from "./batch.ts";
import { cleanOnSite, HTTP_MAX_LISTED, type CleanDeps } from "./document.ts";
import { registerOpenApi } from "./openapi.ts";
import { playgroundPage } from "./playground.ts";
import type { RateLimiter } from "./rate-limit.ts";
import { parseCleanRequest } from "./request.ts";
import { securedJson, securityHeaders } from "./security-headers.ts";
import { registerSiteRoutes } from "./sites.ts";

export interface AppConfig extends CleanDeps {
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Bearer API keys required on /v1/* (none: open). */
  apiKeys?: readonly string[];
  /** Rate limit on /v1/*, per key or per client address. */
  rateLimiter?: RateLimiter;
  /** Origins allowed by CORS ("*" for any); none: CORS off. */
  corsOrigins?: readonly string[];
  /** The client's address, injected by the runtime adapter (rate limiting without keys). */
  clientAddress?: (c: Context) => string | undefined;
}

// 2 MB: far above any article page's text (the corpus's largest page_text is a few hundred KB)
// and small enough that one request cannot exhaust a Worker's 128 MB.
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

export function createApp(given: AppConfig): Hono {
  // Answers list at most HTTP_MAX_LISTED removed lines and explained lines (document.ts).
  const config: AppConfig = { maxListed: HTTP_MAX_LISTED, ...given };
  const app = new OpenAPIHono<BlankEnv>();
  app.use("*", securityHeaders());
  useAccessControl(app, config);

  app.get("/healthz", (c) => c.json({ status: "ok", model: config.model().version }));
  app.all("/healthz", (c) => methodNotAllowed(c, "GET", "HEAD"));

  app.post("/v1/clean", async (c) => securedJson(await cleanOnSite(await parseCleanRequest(c.req.raw, config.maxBodyBytes), config)));
  app.post("/v1/clean/batch", (c) => handleBatch(c.req.raw, config));
  app.all("/v1/clean/batch", (c) => methodNotAllowed(c, "POST"));
  app.all("/v1/clean", (c) => methodNotAllowed(c, "POST"));
  registerSiteRoutes(app, config);
  registerOpenApi(app, () => config.model().version);
  app.get("/", (c) => c.html(playgroundPage()));
  app.notFound((c) => errorResponse(c, 404, "not_found", `no route for ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.onError((err, c) => {
    if (err instanceof HttpError) {
      // The body may be left unread: close the connection rather than read the rest of it.
      if (err.status === 413) c.header("connection", "close");
      if (err.retryAfterS !== undefined) c.header("retry-after", String(err.retryAfterS));
      return errorResponse(c, err.status, err.code, err.message);
    }
    if (err instanceof OptionsError) return errorResponse(c, 400, "invalid_options", err.message);
    // 422, not 503: the default budget is far above any real page, so what exceeds it is the
    // input, and a client retrying a 503 would only send the costliest work again.
    if (err instanceof BudgetExceededError) return errorResponse(c, 422, "time_budget_exceeded", err.message);
    // Anything else is our bug: say so without leaking internals.
    console.error(`internal error on ${c.req.method} ${new URL(c.req.url).pathname}: ${err instanceof Error ? err.message : String(err)}`);
    return errorResponse(c, 500, "internal", "internal error");
  });
  return app;
}
