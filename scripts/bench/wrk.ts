// HTTP load with wrk (Debian package `wrk`), a load generator written in C: on this 2-core machine
// the generator shares the cores with the server, and autocannon (JavaScript) spends 0.15-0.26 ms
// of CPU per request where wrk spends ~0.04 ms, so wrk leaves the server the CPU it would have in
// production. The requests go to wrk through a file read by wrk-load.lua, which counts every
// status and prints the run's figures as one JSON line.
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LoadRequest, LoadResult } from "./http.ts";

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "wrk-load.lua");
const MARK = "BENCH_JSON ";

let found: boolean | undefined;
/** Whether wrk is on PATH. */
export function haveWrk(): boolean {
  if (found === undefined) {
    try { execFileSync("wrk", ["--version"], { stdio: "ignore" }); found = true; } catch (e) {
      // wrk --version prints its usage and exits 1: being run at all is what counts.
      found = (e as NodeJS.ErrnoException).code !== "ENOENT";
    }
  }
  return found;
}

/** The record file wrk-load.lua reads: "METHOD\tPATH\tCONTENT-TYPE\tBYTES\n" + body + "\n" per request. */
export function requestFile(reqs: readonly LoadRequest[]): Buffer {
  return Buffer.concat(reqs.flatMap((r) => {
    const body = Buffer.from(r.body ?? "");
    const type = r.headers?.["content-type"] ?? "";
    if (/[\t\n]/.test(r.path + type) || Object.keys(r.headers ?? {}).some((h) => h !== "content-type")) throw new Error("wrk-load.lua sends a path and a content type only");
    return [Buffer.from(`${r.method}\t${r.path}\t${type}\t${body.length}\n`), body, Buffer.from("\n")];
  }));
}

interface WrkJson {
  requests: number; duration_us: number; connect: number; read: number; write: number; timeout: number;
  p50_ms: number; p90_ms: number; p99_ms: number; max_ms: number; statuses: Record<string, number>;
}

/**
 * `connections` connections on one wrk thread (one thread keeps up with this server: its CPU per
 * request is a twentieth of the server's) for `seconds`; every request must get `expect`'s class.
 */
export async function hammerWrk(url: string, reqs: readonly LoadRequest[], opts: { connections: number; seconds: number; timeoutS: number }): Promise<LoadResult> {
  const classes = new Set(reqs.map((r) => r.expect));
  if (classes.size !== 1) throw new Error("hammerWrk: every request must expect the same status class (wrk cannot tell which request a response answers)");
  const [expect] = classes;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-wrk-"));
  try {
    const file = path.join(dir, "requests");
    fs.writeFileSync(file, requestFile(reqs));
    // `times` after wrk prints the CPU its children (wrk) used: the generator's share of the machine.
    const args = ["-c", "wrk -t1 -c\"$1\" -d\"$2\"s --timeout \"$3\"s -s \"$4\" \"$5\" && times", "sh", String(opts.connections), String(opts.seconds), String(opts.timeoutS), SCRIPT, url];
    const out = await new Promise<string>((resolve, reject) =>
      execFile("sh", args, { env: { ...process.env, WRK_REQS: file }, maxBuffer: 1 << 20 }, (err, stdout, stderr) => (err ? reject(new Error(`wrk failed: ${stderr || err.message}`)) : resolve(stdout))));
    const line = out.split("\n").find((l) => l.startsWith(MARK));
    if (!line) throw new Error(`wrk printed no figures:\n${out}`);
    const w = JSON.parse(line.slice(MARK.length)) as WrkJson;
    let unexpected = 0;
    for (const [status, n] of Object.entries(w.statuses)) if (Math.floor(Number(status) / 100) !== expect) unexpected += n;
    const seconds = w.duration_us / 1e6;
    return {
      generator: "wrk", connections: opts.connections, seconds, requests: w.requests, rps: w.requests / seconds,
      p50_ms: w.p50_ms, p90_ms: w.p90_ms, p99_ms: w.p99_ms, max_ms: w.max_ms,
      errors: w.connect + w.read + w.write, timeouts: w.timeout, unexpected, statuses: w.statuses,
      generator_cpu_ms: childrenCpuMs(out),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The children's user and system time from sh's `times` (its last line: "0m0.180000s 0m0.200000s"), in ms. */
function childrenCpuMs(out: string): number {
  const last = out.trim().split("\n").at(-1) ?? "";
  const t = [...last.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return t.length === 2 ? (t[0] + t[1]) * 1000 : NaN;
}
