// A typed client for the boilerstrip HTTP API (`import { BoilerstripClient } from "boilerstrip/client"`).
// Runs wherever fetch does (Node 20+, Workers, browsers). Retries 429 and 5xx with backoff,
// honouring Retry-After; `batch` pulls documents from its source only as results are consumed.
import type { CleanOptions } from "../core/options.ts";
import type { TemplateSummary } from "../core/site-template.ts";
import type { CleanResult } from "../core/types.ts";
import { DEFAULT_RETRY, delayMs, isRetryable, retryAfterMs, sleep, type RetryPolicy } from "./retry.ts";

export type { CleanOptions, Preference } from "../core/options.ts";
export type { CleanResult, RemovedLine, LineResult, Category, Label } from "../core/types.ts";
export { DEFAULT_RETRY, type RetryPolicy } from "./retry.ts";

/** One document, as /v1/clean and /v1/clean/batch take it. */
export interface Document {
  text?: string;
  html?: string;
  url?: string;
  site?: string;
  id?: string | number;
  options?: Partial<CleanOptions>;
}

/** A site's template as the service shows it: counts only (it holds hashes of lines, no text). */
export type SiteTemplateInfo = TemplateSummary & { site: string };

export interface ApiError {
  code: string;
  message: string;
}

// The server's JSON batch limit (MAX_BATCH_DOCS in src/http/schemas.ts, not imported: that module
// pulls in zod and the server's schemas): a larger chunk would be refused with 413.
const MAX_CHUNK_SIZE = 100;
// Documents per request when the caller does not say. Set by hand, not measured: half the
// server's limit, so one slow page holds back few others while the per-request cost is shared.
const DEFAULT_CHUNK_SIZE = 50;

export type BatchItem = ({ ok: true; result: CleanResult } | { ok: false; error: ApiError }) & { index: number; id?: string | number };

export interface ClientOptions {
  /** Where the service runs, e.g. http://127.0.0.1:8787. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` when the server requires an API key. */
  apiKey?: string;
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
}

export interface BatchOptions {
  /** Documents per request (at most 100, the server's cap). Default 50. */
  chunkSize?: number;
  /** Requests in flight at once. Default 2. */
  concurrency?: number;
  /** Options applied to every document (a document's own options win). */
  options?: Partial<CleanOptions>;
}

export class BoilerstripError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
  }
}

export class BoilerstripClient {
  private readonly base: string;
  private readonly policy: RetryPolicy;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly opts: ClientOptions) {
    this.base = trimSlashes(opts.baseUrl);
    this.policy = { ...DEFAULT_RETRY, ...opts.retry };
    this.fetchFn = opts.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Clean one document: a string is scraped text. */
  async clean(doc: string | Document, options: Partial<CleanOptions> = {}): Promise<CleanResult> {
    const d = typeof doc === "string" ? { text: doc } : doc;
    return (await this.post("/v1/clean", { ...d, options: { ...options, ...d.options } })) as CleanResult;
  }

  /**
   * Clean many documents, yielding one item per document in order. The source is read only as
   * results are consumed (at most chunkSize × (concurrency + 1) documents ahead), so a large or
   * endless source never piles up in memory. A document's error is its item, not an exception.
   */
  async *batch(docs: Iterable<string | Document> | AsyncIterable<string | Document>, opts: BatchOptions = {}): AsyncGenerator<BatchItem> {
    const chunkSize = Math.min(opts.chunkSize ?? DEFAULT_CHUNK_SIZE, MAX_CHUNK_SIZE);
    const concurrency = Math.max(1, opts.concurrency ?? 2);
    const source = (Symbol.asyncIterator in docs ? docs[Symbol.asyncIterator]() : (docs as Iterable<string | Document>)[Symbol.iterator]()) as AsyncIterator<string | Document> | Iterator<string | Document>;
    const inflight: Promise<BatchItem[]>[] = [];
    let offset = 0;
    let exhausted = false;
    const fill = async () => {
      while (!exhausted && inflight.length < concurrency) {
        const chunk: Document[] = [];
        while (chunk.length < chunkSize) {
          const next = await source.next();
          if (next.done) {
            exhausted = true;
            break;
          }
          const d = typeof next.value === "string" ? { text: next.value } : next.value;
          chunk.push(opts.options ? { ...d, options: { ...opts.options, ...d.options } } : d);
        }
        if (chunk.length === 0) break;
        const base = offset;
        offset += chunk.length;
        inflight.push(this.post("/v1/clean/batch", chunk).then((items) => (items as RawItem[]).map((it) => toItem(it, base))));
      }
    };
    await fill();
    while (inflight.length) {
      const items = await inflight.shift()!;
      yield* items;
      await fill();
    }
  }

  /** Clean one page and learn it into its site's template (POST /v1/sites/{site}/learn): the template's counts. */
  async learn(site: string, doc: string | Document): Promise<SiteTemplateInfo> {
    const d = typeof doc === "string" ? { text: doc } : doc;
    return (await this.post(`/v1/sites/${encodeURIComponent(site)}/learn`, d)) as SiteTemplateInfo;
  }

  /** What a site's template holds (GET /v1/sites/{site}); null when no page of it has been learned. */
  async siteTemplate(site: string): Promise<SiteTemplateInfo | null> {
    try {
      return (await this.request(`/v1/sites/${encodeURIComponent(site)}`, { method: "GET" })) as SiteTemplateInfo;
    } catch (err) {
      if (err instanceof BoilerstripError && err.status === 404) return null;
      throw err;
    }
  }

  /** Forget a site's template (DELETE /v1/sites/{site}); whether there was one. */
  async forgetSite(site: string): Promise<boolean> {
    return ((await this.request(`/v1/sites/${encodeURIComponent(site)}`, { method: "DELETE" })) as { deleted: boolean }).deleted;
  }

  async health(): Promise<{ status: string; model: string }> {
    return (await this.request("/healthz", { method: "GET" })) as { status: string; model: string };
  }

  private post(path: string, body: unknown): Promise<unknown> {
    return this.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  }

  private async request(path: string, init: RequestInit): Promise<unknown> {
    const headers = new Headers(init.headers);
    if (this.opts.apiKey) headers.set("authorization", `Bearer ${this.opts.apiKey}`);
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await this.fetchFn(this.base + path, { ...init, headers });
      } catch (err) {
        // The network failed before an answer: as retryable as a 503.
        if (attempt >= this.policy.retries) throw err;
        await sleep(delayMs(this.policy, attempt));
        continue;
      }
      if (res.ok) return res.json();
      if (isRetryable(res.status) && attempt < this.policy.retries) {
        await res.body?.cancel();
        await sleep(delayMs(this.policy, attempt, retryAfterMs(res.headers.get("retry-after"))));
        continue;
      }
      const body = (await res.json().catch(() => undefined)) as { error?: ApiError } | undefined;
      throw new BoilerstripError(res.status, body?.error?.code ?? "http_error", body?.error?.message ?? res.statusText);
    }
  }
}

type RawItem = (CleanResult | { error: ApiError }) & { index: number; id?: string | number };

function toItem(raw: RawItem, base: number): BatchItem {
  const { index, id, ...rest } = raw;
  const head = { index: base + index, ...(id !== undefined && { id }) };
  return "error" in rest ? { ...head, ok: false, error: rest.error } : { ...head, ok: true, result: rest as CleanResult };
}

/** The URL without trailing slashes (a loop, not /\/+$/, which rescans a run of slashes from every start). */
function trimSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 47) end--;
  return url.slice(0, end);
}
