// The servers the bench and the load test talk to, each started as a child process on a free
// loopback port and stopped (its whole process group) afterwards:
//   node     - the Node server exactly as `npm start` runs it (src/ built to dist/, plain Node)
//   wrangler - `wrangler dev`: the Worker in workerd as a developer runs it locally
//   workerd  - workerd alone serving the deploy bundle (wrangler deploy --dry-run)
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export interface Server {
  name: string;
  url: string;
  pid: number;
  /** Milliseconds from spawning the process to the first 200 from /healthz. */
  startMs: number;
  stop(): Promise<void>;
}

// How long a server may take to answer /healthz: wrangler dev bundles first, which takes seconds
// on a busy 2-core machine; past this the start counts as failed.
const START_TIMEOUT_MS = 90_000;
// Poll interval while waiting for /healthz: short, as it bounds the start-up time's resolution.
const POLL_MS = 5;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function start(name: string, cmd: string, args: string[], opts: { cwd: string; port: number; env?: NodeJS.ProcessEnv }): Promise<Server> {
  const t0 = performance.now();
  // Its own process group, so stopping it also stops what it spawned (wrangler starts workerd).
  const child: ChildProcess = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  const keep = (b: Buffer) => { log = (log + b.toString()).slice(-4000); };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  child.once("exit", () => { exited = true; });
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    if (exited) return;
    const gone = new Promise<void>((r) => child.once("exit", () => r()));
    try { process.kill(-child.pid!, "SIGTERM"); } catch { /* already gone */ }
    const t = setTimeout(() => { try { process.kill(-child.pid!, "SIGKILL"); } catch { /* gone */ } }, 5000);
    await gone;
    clearTimeout(t);
  };
  while (performance.now() - t0 < START_TIMEOUT_MS) {
    if (exited) throw new Error(`${name} exited before it answered /healthz:\n${log}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) { await res.arrayBuffer(); return { name, url, pid: child.pid!, startMs: performance.now() - t0, stop }; }
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  await stop();
  throw new Error(`${name} did not answer /healthz within ${START_TIMEOUT_MS} ms:\n${log}`);
}

/**
 * The Node server as `npm start` runs it: src/ built to dist/ (`npm run build`), run by plain
 * Node; `workers` sets BOILERSTRIP_WORKERS (default: one per core); `nodeArgs` go to node before
 * the script (e.g. --cpu-prof).
 */
export async function startNode(repoRoot: string, workers?: number, nodeArgs: string[] = []): Promise<Server> {
  buildNode(repoRoot);
  const port = await freePort();
  const env = { PORT: String(port), HOST: "127.0.0.1", ...(workers ? { BOILERSTRIP_WORKERS: String(workers) } : {}) };
  return start(workers ? `node (${workers} worker${workers > 1 ? "s" : ""})` : "node", process.execPath, [...nodeArgs, path.join(repoRoot, "dist", "node", "main.js")], { cwd: repoRoot, port, env });
}

let built = false;
/** `npm run build`, once per run. */
function buildNode(repoRoot: string): void {
  if (built) return;
  execFileSync(process.execPath, [path.join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(repoRoot, "tsconfig.build.json")], { cwd: repoRoot, stdio: "inherit" });
  built = true;
}

const wranglerBin = (repoRoot: string) => path.join(repoRoot, "node_modules", "wrangler", "bin", "wrangler.js");
const QUIET_WRANGLER = { WRANGLER_SEND_METRICS: "false", WRANGLER_LOG: "warn" };

export async function startWrangler(repoRoot: string): Promise<Server> {
  const port = await freePort();
  const inspector = await freePort(); // the default 9229 may be taken by another wrangler
  return start("wrangler dev", process.execPath, [wranglerBin(repoRoot), "dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspector), "--show-interactive-dev-session=false"], { cwd: repoRoot, port, env: QUIET_WRANGLER });
}

/** Build the deploy bundle (wrangler deploy --dry-run) into `outDir`; returns the entry file. */
export async function buildBundle(repoRoot: string, outDir: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    const p = spawn(process.execPath, [wranglerBin(repoRoot), "deploy", "--dry-run", "--outdir", outDir], { cwd: repoRoot, env: { ...process.env, ...QUIET_WRANGLER }, stdio: "ignore" });
    p.once("error", reject);
    p.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`wrangler deploy --dry-run exited with ${code}`))));
  });
  const js = fs.readdirSync(outDir).find((f) => f.endsWith(".js"));
  if (!js) throw new Error(`no .js bundle in ${outDir}`);
  return path.join(outDir, js);
}

/** workerd alone on a bundle, configured like wrangler.toml (compatibility date and flags). */
export async function startWorkerd(repoRoot: string, bundle: string): Promise<Server> {
  const port = await freePort();
  const toml = fs.readFileSync(path.join(repoRoot, "wrangler.toml"), "utf8");
  const date = /compatibility_date\s*=\s*"([^"]+)"/.exec(toml)?.[1] ?? "2026-04-01";
  const flags = /compatibility_flags\s*=\s*\[([^\]]*)\]/.exec(toml)?.[1] ?? "";
  const config = path.join(path.dirname(bundle), "workerd.capnp");
  fs.writeFileSync(config, `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .w)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const w :Workerd.Worker = (
  modules = [(name = "${path.basename(bundle)}", esModule = embed "${path.basename(bundle)}")],
  compatibilityDate = "${date}",
  compatibilityFlags = [${flags}],
);
`);
  // The workerd package's default export is the path of this platform's binary (plain node sees
  // the CommonJS exports object as the default, tsx the export itself).
  const workerdPackage: string = "workerd"; // (a plain string: the package ships no types)
  const mod = (await import(workerdPackage)) as { default: string | { default: string } };
  const bin = typeof mod.default === "string" ? mod.default : mod.default.default;
  return start("workerd", bin, ["serve", config], { cwd: path.dirname(bundle), port });
}

/** A process's resident memory now and at its peak (VmRSS, VmHWM), in MB. */
export function memoryOf(pid: number): { rss_mb: number; peak_mb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss_mb: (kb("VmRSS") * 1024) / 1e6, peak_mb: (kb("VmHWM") * 1024) / 1e6 };
}

/** CPU time (user + system, ms) in a /proc stat line: fields 14 and 15, counted after the ")" of the name. */
function statCpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // state ppid ... utime (12) stime (13)
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** `own(pid)` summed over a process and every process below it (cluster workers, workerd); 0 for one that exited. */
function overTree(pid: number, own: (pid: number) => number): number {
  let ms = 0;
  try {
    ms += own(pid);
    for (const child of fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) ms += overTree(Number(child), own);
  } catch { /* exited meanwhile */ }
  return ms;
}

/** CPU time (user + system, ms) used so far by a process and every process below it, in /proc/PID/stat's 10 ms ticks. */
export const cpuOfTree = (pid: number) => overTree(pid, (p) => statCpuMs(fs.readFileSync(`/proc/${p}/stat`, "utf8")));

/**
 * The same to the nanosecond (in ms), from the scheduler's own accounting of each thread
 * (/proc/PID/task/TID/schedstat, first field: time on a CPU in ns), so one request's cost can be
 * read; a thread's figure is brought up to date when it leaves the CPU, so read it while the
 * process is idle.
 */
export const exactCpuOfTree = (pid: number) => overTree(pid, (p) => {
  let ms = 0;
  for (const tid of fs.readdirSync(`/proc/${p}/task`)) {
    try { ms += Number(fs.readFileSync(`/proc/${p}/task/${tid}/schedstat`, "utf8").split(" ")[0]) / 1e6; } catch { /* the thread ended meanwhile */ }
  }
  return ms;
});

/**
 * CPU time (ms) used so far by each thread of a process, by thread name ("main thread" for the main
 * thread; V8's GC helpers and libuv's pool have their own), threads of one name summed.
 */
export function threadCpu(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const name = Number(tid) === pid ? "main thread" : `other threads (${stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"))})`;
      out.set(name, (out.get(name) ?? 0) + statCpuMs(stat));
    } catch { /* the thread ended meanwhile */ }
  }
  return out;
}

// Linux's USER_HZ, the unit of utime/stime in /proc/PID/stat (100 on every mainstream build).
const CLOCK_TICKS = 100;
