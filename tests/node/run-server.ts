// `npm start`'s entry point (src/node/main.ts) run as its own process on a free port, with
// what it writes collected, for the tests that need the real process (logs, start-up, cluster).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "../../src/eval/corpus.ts";

const SERVER = path.join(REPO_ROOT, "src", "node", "main.ts");

export interface RunningServer {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the first match of `re` in the output; rejects if the process exits first. */
  seen(re: RegExp): Promise<RegExpExecArray>;
  /** The URL from the "listening on" line. */
  listening: Promise<string>;
  exited: Promise<number | null>;
}

/** `args`: what Node runs (default: the entry point under tsx; build.test.ts passes the built one). */
export function runServer(env: Record<string, string>, children: ChildProcess[], args: string[] = ["--import", "tsx", SERVER]): RunningServer {
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const seen = (re: RegExp) => new Promise<RegExpExecArray>((resolve, reject) => {
    const check = () => { const m = re.exec(out); if (m) resolve(m); };
    child.stdout!.on("data", check);
    child.stderr!.on("data", check);
    void exited.then(() => { check(); reject(new Error(`server exited without printing ${re}: ${out}`)); });
    check();
  });
  const listening = seen(/listening on (http:\/\/\S+)/).then((m) => m[1]);
  // Handled here too: a test of a start-up that must fail never waits for it.
  listening.catch(() => {});
  return { child, output: () => out, seen, listening, exited };
}
