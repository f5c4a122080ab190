// Every error the API returns has this one JSON shape (DESIGN.md §2); never a stack trace.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ErrorCode =
  | "bad_request"
  | "invalid_request"
  | "invalid_json"
  | "no_text"
  | "invalid_options"
  | "payload_too_large"
  | "unsupported_media_type"
  | "not_found"
  | "method_not_allowed"
  | "unauthorized"
  | "forbidden"
  | "rate_limited"
  | "time_budget_exceeded"
  | "request_timeout"
  | "invalid_site"
  | "no_template"
  | "not_implemented"
  | "site_store_unavailable"
  | "site_limit_reached"
  | "server_busy"
  | "internal";

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    /** Seconds a client should wait before it retries: sent as Retry-After. */
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string): Response {
  return c.json({ error: { code, message } }, status);
}

/** 405 with the Allow header RFC 9110 §15.5.6 requires: the methods the route answers. */
export function methodNotAllowed(c: Context, ...allow: string[]): Response {
  c.header("allow", allow.join(", "));
  return errorResponse(c, 405, "method_not_allowed", `use ${allow.join(" or ")}`);
}
