// Multi-process serving under Node: `npm start` forks one worker process per core (node:cluster),
// each running the whole server (startServer) on the same port; the primary forks, restarts a
// worker that dies, stops them all on SIGINT/SIGTERM, and keeps the site templates they share.
// Cleaning is synchronous CPU work, so one process serves one request at a time: processes are
// how a Node server uses more than a core.
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import { serviceConfigFrom } from "../http/config.ts";
import { defaultModel, loadBundledModels } from "../model/index.ts";
import { serveSiteStore } from "./cluster-sites.ts";
import { siteStoreFrom } from "./file-sites.ts";

export interface ClusterEnv {
  /** Worker processes; default: os.availableParallelism(), or 1 when BOILERSTRIP_RATE_LIMIT is set. */
  BOILERSTRIP_WORKERS?: string;
  BOILERSTRIP_RATE_LIMIT?: string;
}

// Set in the environment of the workers runPrimary forks: a process that is a cluster worker of
// something else (pm2's cluster mode) has no primary of ours to keep its site templates.
const WORKER_MARK = "BOILERSTRIP_CLUSTER_WORKER";

/** Whether this process is a worker that runPrimary forked (and so can ask it for site templates). */
export const isOurWorker = (): boolean => cluster.isWorker && process.env[WORKER_MARK] === "1";

// On SIGINT/SIGTERM workers get this long to finish what they are serving before they are killed.
const STOP_GRACE_MS = 10_000;

/**
 * How many worker processes to run. The in-memory rate limit is per process, so with a limit set
 * and no explicit count there is one worker and the limit holds exactly as configured.
 */
export function workerCount(env: ClusterEnv = process.env): number {
  const v = env.BOILERSTRIP_WORKERS;
  if (v === undefined || v === "") return env.BOILERSTRIP_RATE_LIMIT ? 1 : os.availableParallelism();
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`BOILERSTRIP_WORKERS must be an integer >= 1, not ${v}`);
  return n;
}

/**
 * The primary: checks the configuration and the models once (so a bad one stops start-up here,
 * with its message, instead of failing in every worker), forks `count` workers, prints the URL
 * when the first one listens, replaces workers that die, and stops them all on a signal.
 */
export function runPrimary(count: number, env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.log): void {
  serviceConfigFrom(env);
  loadBundledModels();
  // Workers alive, and whether each has listened. Before any worker has listened, one that exits
  // cannot serve (the port is taken, the install is broken) and starting another would only spin;
  // once one has, the port and the install are good, and a worker that dies (killed while it was
  // still loading, say) is replaced like any other.
  const workers = new Map<Worker, boolean>();
  let stopping = false, announced = false;
  const fork = () => workers.set(cluster.fork({ ...env, [WORKER_MARK]: "1" }), false);
  cluster.on("listening", (w, addr) => {
    workers.set(w, true);
    if (announced) return;
    announced = true;
    const host = addr.addressType === 6 ? `[${addr.address}]` : addr.address ?? "127.0.0.1";
    log(`boilerstrip listening on http://${host}:${addr.port} (model ${defaultModel().version}, ${count} worker process${count > 1 ? "es" : ""})`);
  });
  cluster.on("exit", (w, code, signal) => {
    const listened = workers.get(w);
    workers.delete(w);
    if (stopping) {
      if (workers.size === 0) process.exit();
      return;
    }
    const how = signal ?? `with code ${code}`;
    if (!listened && !announced) {
      console.error(`boilerstrip: worker ${w.process.pid} exited ${how} before it could serve; stopping`);
      stop(1);
      return;
    }
    console.error(`boilerstrip: worker ${w.process.pid} exited ${how}; starting another`);
    fork();
  });
  const stop = (exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    if (workers.size === 0) process.exit(exitCode);
    for (const w of workers.keys()) w.process.kill("SIGTERM");
    setTimeout(() => { for (const w of workers.keys()) w.process.kill("SIGKILL"); process.exit(exitCode); }, STOP_GRACE_MS).unref();
  };
  process.on("SIGINT", () => stop());
  process.on("SIGTERM", () => stop());
  // The site templates every worker reads and learns into (cluster-sites.ts), kept in memory or,
  // with BOILERSTRIP_SITES_DIR, in files (file-sites.ts).
  serveSiteStore(siteStoreFrom(env));
  for (let i = 0; i < count; i++) fork();
}
