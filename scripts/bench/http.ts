// HTTP load: a list of requests, each with the status class it must get, sent by N connections
// for a time or a number of requests, and every status checked. Sent by wrk (wrk.ts) when it is
// installed and the run allows (a time bound, one expected status class), else by autocannon in
// this process, whose latency is taken from every response (in microseconds, not autocannon's
// whole-millisecond histogram).
import autocannon from "autocannon";
import { fmt, pct } from "./stats.ts";
import { hammerWrk, haveWrk } from "./wrk.ts";

export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The status class this request must get: anything else is a failure. */
  expect: 2 | 4;
}

export type Generator = "wrk" | "autocannon";

export interface LoadResult {
  generator: Generator;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  max_ms: number;
  /** Socket errors and timeouts (autocannon's own counts). */
  errors: number;
  timeouts: number;
  /** Responses whose status class was not the expected one (e.g. a 5xx, or a 2xx for bad input). */
  unexpected: number;
  statuses: Record<string, number>;
  /** CPU time (ms) the load generator used for the run: its share of the machine's cores. */
  generator_cpu_ms: number;
}

// Per-request timeout: far above any expected latency, so only a hung request counts.
const TIMEOUT_S = 10;
// A run's length when neither a time nor a number of requests is given.
const DEFAULT_SECONDS = 5;

export interface LoadOptions { connections: number; seconds?: number; amount?: number; generator?: Generator }

/** The generator a run gets: the one asked for, else wrk where it can serve the run. */
export function generatorFor(reqs: readonly LoadRequest[], opts: LoadOptions): Generator {
  if (opts.generator) return opts.generator;
  return haveWrk() && !opts.amount && new Set(reqs.map((r) => r.expect)).size === 1 ? "wrk" : "autocannon";
}

export async function hammer(url: string, reqs: LoadRequest[], opts: LoadOptions): Promise<LoadResult> {
  if (generatorFor(reqs, opts) === "wrk") return hammerWrk(url, reqs, { connections: opts.connections, seconds: opts.seconds ?? DEFAULT_SECONDS, timeoutS: TIMEOUT_S });
  return hammerAutocannon(url, reqs, opts);
}

async function hammerAutocannon(url: string, reqs: LoadRequest[], opts: LoadOptions): Promise<LoadResult> {
  const cpu0 = process.cpuUsage();
  const statuses: Record<string, number> = {};
  let unexpected = 0;
  const requests = reqs.map((r) => ({
    method: r.method, path: r.path, headers: r.headers, body: r.body,
    onResponse: (status: number) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (Math.floor(status / 100) !== r.expect) unexpected++;
    },
  }));
  const latencies: number[] = [];
  const t0 = performance.now();
  // Without a callback autocannon returns its event emitter, made thenable with the result.
  const instance = autocannon({
    url, connections: opts.connections, timeout: TIMEOUT_S, requests,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.seconds ?? DEFAULT_SECONDS }),
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => { latencies.push(ms); });
  const res = await instance;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const count = latencies.length;
  return {
    generator: "autocannon", connections: opts.connections, seconds, requests: count, rps: count / seconds,
    p50_ms: pct(latencies, 0.5), p90_ms: pct(latencies, 0.9), p99_ms: pct(latencies, 0.99), max_ms: pct(latencies, 1),
    errors: res.errors, timeouts: res.timeouts, unexpected, statuses, generator_cpu_ms: (cpu.user + cpu.system) / 1000,
  };
}

export const describeLoad = (r: LoadResult) =>
  `c=${String(r.connections).padStart(3)}  ${r.rps.toFixed(0).padStart(5)} req/s  p50 ${fmt(r.p50_ms)} ms  p90 ${fmt(r.p90_ms)}  p99 ${fmt(r.p99_ms)}  ` +
  `(${r.generator}: ${r.requests} requests in ${r.seconds.toFixed(1)} s, ${r.errors} errors, ${r.timeouts} timeouts, ${r.unexpected} wrong status)`;
