// Configuration from environment-style variables (process.env under Node, vars, secrets and
// bindings in the Worker), checked and merged with the defaults in this one place.
import { HTML_ENGINES, type HtmlEngine } from "../core/options.ts";
import { DEFAULT_MAX_BODY_BYTES, type AppConfig } from "./app.ts";
import { bindingLimiter, tokenBucketLimiter, type RateLimitBinding } from "./rate-limit.ts";
import type { KvLike } from "./site-store.ts";

export interface ServiceEnv {
  BOILERSTRIP_MAX_BODY_BYTES?: string;
  /** Per-request time budget of the cleaning pipeline in ms; 0 turns it off. */
  BOILERSTRIP_TIME_BUDGET_MS?: string;
  /** Comma-separated bearer API keys; unset or empty: no keys needed. A secret in the Worker. */
  BOILERSTRIP_API_KEYS?: string;
  /** Requests per minute per key (per client address without keys), in-memory token bucket. */
  BOILERSTRIP_RATE_LIMIT?: string;
  /** Comma-separated origins allowed by CORS, or "*"; unset: CORS off. */
  BOILERSTRIP_CORS_ORIGINS?: string;
  /** Node only: ms a client has to send its whole request (headers and body). */
  BOILERSTRIP_REQUEST_TIMEOUT_MS?: string;
  /** Node only: open connections per process; a new one over it is answered 503 and closed. */
  BOILERSTRIP_MAX_CONNECTIONS?: string;
  /** HTML mode's default reader: "fast" (default) or "readability"; a request's options.htmlEngine wins. */
  BOILERSTRIP_HTML_ENGINE?: string;
  /** Worker only: the Workers Rate Limiting binding; used instead of the in-memory bucket. */
  BOILERSTRIP_RATE_LIMITER?: RateLimitBinding;
  /** Worker only: a Workers KV namespace for site templates; unbound, the isolate keeps them in memory. */
  SITES?: KvLike;
}

// 5 s: from `clean` timed in-process on this machine (Node 20, 2 shared cores): the
// slowest of the 2,532 corpus inputs (page_text and loose_text) takes 0.57 s, p99 35 ms; the
// largest hostile inputs under the 2 MB limit take 0.6-0.8 s (2 MB of prose, one 2 MB line) and
// 2.7 s (200,000 short lines). 5 s is ~9x the slowest real page and leaves those a 2x margin,
// while ending work on pathological inputs (a million one-character lines) at a bounded cost.
export const DEFAULT_TIME_BUDGET_MS = 5_000;

// 30 s to send a whole request: a 2 MB body at 70 KB/s. A client slower than that (or one that
// trickles bytes to hold a connection) gets a 408 and the connection is closed.
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

// 256 open connections per process (connection-cap.ts). Each may hold what its client is sending
// (up to a JSON batch's 8 MB: ~2 GB of request bodies for 256) and what it is owed, so the cap is
// what bounds a process's memory against many clients. Set by hand: twice the bench's heaviest
// load (wrk with 128 connections), and far above what two cores serve at once.
export const DEFAULT_MAX_CONNECTIONS = 256;

/** The Node adapter's own settings (server.ts); the Worker's edge bounds clients itself. */
export interface NodeServerConfig {
  requestTimeoutMs: number;
  maxConnections: number;
}

/** Everything createApp needs except what the runtime injects (the model, the client address), and Node's own settings. */
export type ServiceConfig = Omit<AppConfig, "model" | "clientAddress"> & { node: NodeServerConfig };

export function serviceConfigFrom(env: ServiceEnv): ServiceConfig {
  const perMinute = intFrom(env, "BOILERSTRIP_RATE_LIMIT", 0, 0);
  const binding = env.BOILERSTRIP_RATE_LIMITER;
  return {
    maxBodyBytes: maxBodyBytesFrom(env),
    timeBudgetMs: intFrom(env, "BOILERSTRIP_TIME_BUDGET_MS", DEFAULT_TIME_BUDGET_MS, 0),
    node: {
      requestTimeoutMs: intFrom(env, "BOILERSTRIP_REQUEST_TIMEOUT_MS", DEFAULT_REQUEST_TIMEOUT_MS, 1),
      maxConnections: intFrom(env, "BOILERSTRIP_MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS, 1),
    },
    apiKeys: apiKeysFrom(env.BOILERSTRIP_API_KEYS),
    corsOrigins: listFrom(env.BOILERSTRIP_CORS_ORIGINS),
    rateLimiter: binding && typeof binding.limit === "function" ? bindingLimiter(binding) : perMinute > 0 ? tokenBucketLimiter(perMinute) : undefined,
  };
}

/** BOILERSTRIP_HTML_ENGINE, checked; undefined when unset (the options' default holds). */
export function htmlEngineFrom(env: Pick<ServiceEnv, "BOILERSTRIP_HTML_ENGINE">): HtmlEngine | undefined {
  const v = env.BOILERSTRIP_HTML_ENGINE;
  if (v === undefined || v === "") return undefined;
  if (!HTML_ENGINES.includes(v as HtmlEngine)) throw new Error(`BOILERSTRIP_HTML_ENGINE must be one of ${HTML_ENGINES.join(", ")}, not ${v}`);
  return v as HtmlEngine;
}

export function maxBodyBytesFrom(env: ServiceEnv): number {
  return intFrom(env, "BOILERSTRIP_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, 1);
}

type IntVar = "BOILERSTRIP_MAX_BODY_BYTES" | "BOILERSTRIP_TIME_BUDGET_MS" | "BOILERSTRIP_RATE_LIMIT" | "BOILERSTRIP_REQUEST_TIMEOUT_MS" | "BOILERSTRIP_MAX_CONNECTIONS";

function intFrom(env: ServiceEnv, name: IntVar, fallback: number, min: number): number {
  const v = env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}, not ${v}`);
  return n;
}

const listFrom = (v: string | undefined): string[] => (v ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");

function apiKeysFrom(v: string | undefined): string[] {
  const keys = listFrom(v);
  // A key must be sendable as a bearer token (RFC 6750 b64token characters); the error names
  // the key's position, never the key.
  keys.forEach((k, i) => {
    if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(k)) throw new Error(`BOILERSTRIP_API_KEYS: key #${i + 1} has characters a bearer token cannot carry`);
  });
  return keys;
}
