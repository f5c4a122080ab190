// HTTP throughput and latency of a running server at several concurrencies, with typical article
// text from the corpus (the sample's article pages' loose_text, POSTed as text/plain).
import type { CorpusPage } from "../../src/eval/corpus.ts";
import { describeLoad, hammer, type Generator, type LoadRequest, type LoadResult } from "./http.ts";
import os from "node:os";
import { cpuOfTree, type Server } from "./servers.ts";
import { fmt } from "./stats.ts";

export const CONCURRENCIES = [1, 8, 32, 128];
// Distinct bodies cycled through by every connection: enough that no single page decides the figure.
const BODIES = 50;
// Warm-up before measuring: JIT and the lazily built tables, so the first concurrency is not penalised.
const WARMUP_S = 2;

export function articleRequests(sample: CorpusPage[]): LoadRequest[] {
  const articles = sample.filter((p) => p.meta.page_type === "article" && p.loose_text.trim());
  return (articles.length ? articles : sample).slice(0, BODIES).map((p) => ({
    method: "POST", path: "/v1/clean", headers: { "content-type": "text/plain; charset=utf-8" }, body: p.loose_text, expect: 2,
  }));
}

/**
 * A load run plus where the CPU went: the load generator (wrk, or autocannon in this process)
 * shares the machine's cores with the server, so beside req/s each run reports the CPU the
 * server's processes and the generator used per request, and the rate the server's CPU alone
 * would allow on all cores (cores / server CPU per request): the figure the generator's share hides.
 */
export type ServedRun = LoadResult & { server_cpu_ms_per_req: number; generator_cpu_ms_per_req: number; server_cpu_bound_rps: number };

export async function benchServer(server: Server, reqs: LoadRequest[], seconds: number, generator?: Generator): Promise<{ start_ms: number; runs: ServedRun[] }> {
  console.log(`${server.name} (started in ${(server.startMs / 1000).toFixed(2)} s):`);
  await hammer(server.url, reqs, { connections: 8, seconds: WARMUP_S, generator });
  const runs: ServedRun[] = [];
  const cores = os.availableParallelism();
  for (const c of CONCURRENCIES) {
    const cpu0 = cpuOfTree(server.pid);
    const r = await hammer(server.url, reqs, { connections: c, seconds, generator });
    const serverMs = (cpuOfTree(server.pid) - cpu0) / Math.max(1, r.requests);
    const run = { ...r, server_cpu_ms_per_req: serverMs, generator_cpu_ms_per_req: r.generator_cpu_ms / Math.max(1, r.requests), server_cpu_bound_rps: cores / (serverMs / 1000) };
    runs.push(run);
    console.log(`  ${describeLoad(r)}; CPU per request: server ${fmt(run.server_cpu_ms_per_req)} ms, load generator ${fmt(run.generator_cpu_ms_per_req)} ms (server alone on ${cores} cores: ~${run.server_cpu_bound_rps.toFixed(0)} req/s)`);
  }
  return { start_ms: server.startMs, runs };
}
