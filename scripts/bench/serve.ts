// HTTP throughput and latency of a running server at several concurrencies, with typical article
// text from the corpus (the sample's article pages' loose_text, POSTed as text/plain).
import type { CorpusPage } from "../../src/eval/corpus.ts";
import { describeLoad, hammer, type LoadRequest, type LoadResult } from "./http.ts";
import type { Server } from "./servers.ts";

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

export async function benchServer(server: Server, reqs: LoadRequest[], seconds: number): Promise<{ start_ms: number; runs: LoadResult[] }> {
  console.log(`${server.name} (started in ${(server.startMs / 1000).toFixed(2)} s):`);
  await hammer(server.url, reqs, { connections: 8, seconds: WARMUP_S });
  const runs: LoadResult[] = [];
  for (const c of CONCURRENCIES) {
    const r = await hammer(server.url, reqs, { connections: c, seconds });
    runs.push(r);
    console.log(`  ${describeLoad(r)}`);
  }
  return { start_ms: server.startMs, runs };
}
