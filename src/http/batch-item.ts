// One document of a batch (a JSON array element or an NDJSON line) to one answer: its result or
// its own error, never an exception, so one bad page never stops the rest. Shared by the HTTP
// batch endpoint and the CLI's batch workers.
import { OptionsError } from "../core/options.ts";
import type { CleanResult } from "../core/types.ts";
import { cleanOnSite, documentFromJson, type CleanDeps } from "./document.ts";
import { HttpError } from "./errors.ts";

export interface ErrorBody {
  error: { code: string; message: string };
}

export type BatchItem = (CleanResult | ErrorBody) & { index: number; id?: string | number };

/** Our error shape for anything thrown while cleaning; internals are not leaked. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof HttpError) return { error: { code: err.code, message: err.message } };
  if (err instanceof OptionsError) return { error: { code: "invalid_options", message: err.message } };
  return { error: { code: "internal", message: "internal error" } };
}

/** One document's answer; with a site store in `deps`, its site's template is read and, when asked, the page learned. */
export async function cleanBatchItem(doc: unknown, index: number, deps: CleanDeps, baseOptions: Record<string, unknown> = {}): Promise<BatchItem> {
  const raw = doc !== null && typeof doc === "object" ? (doc as { id?: unknown }).id : undefined;
  const id = typeof raw === "string" || typeof raw === "number" ? raw : undefined;
  try {
    return { index, ...(id !== undefined && { id }), ...(await cleanOnSite(documentFromJson(doc, baseOptions), deps)) };
  } catch (err) {
    if (!(err instanceof HttpError || err instanceof OptionsError)) console.error(`internal error on batch document ${index}: ${err instanceof Error ? err.message : String(err)}`);
    return { index, ...(id !== undefined && { id }), ...toErrorBody(err) };
  }
}

export async function cleanBatchLine(line: string, index: number, deps: CleanDeps, baseOptions: Record<string, unknown> = {}): Promise<BatchItem> {
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch {
    return { index, error: { code: "invalid_json", message: `document ${index} is not valid JSON` } };
  }
  return cleanBatchItem(doc, index, deps, baseOptions);
}

export const isError = (item: BatchItem): item is ErrorBody & { index: number } => "error" in item;
