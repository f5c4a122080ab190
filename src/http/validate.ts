// Validation with the contract's zod schemas, failures turned into our JSON error shape: the
// same schemas that /openapi.json publishes decide what a request may hold.
import type { z } from "@hono/zod-openapi";
import { HttpError, type ErrorCode } from "./errors.ts";

/** Which error code a failed field gets, so clients can tell "no text" from "bad options". */
function codeFor(issue: z.core.$ZodIssue, where: "body" | "query"): ErrorCode {
  if (where === "query") return "invalid_options";
  // A refinement may name its own code (DocumentSchema: text and html both given).
  if (issue.code === "custom" && typeof issue.params?.code === "string") return issue.params.code as ErrorCode;
  const field = issue.path[0];
  if (field === "options" || field === "url" || field === "site") return "invalid_options";
  if ((field === "text" || field === "html") && (issue.code === "custom" || issue.code === "too_small")) return "no_text";
  return "bad_request";
}

export function validate<S extends z.ZodType>(schema: S, value: unknown, where: "body" | "query"): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const at = issue.path.length ? `${where === "query" ? "query " : ""}${issue.path.join(".")}: ` : "";
  const message = issue.path.length === 0 && issue.code === "invalid_type" ? `a document must be a JSON object: {"text": "...", "url"?, "site"?, "options"?}` : at + issue.message;
  throw new HttpError(400, codeFor(issue, where), message);
}
