// npx tsx scripts/bench/profile-http.ts [seconds] [connections] [profile dir]
// Where the Node server's CPU goes under the bench's HTTP load: one server process (as
// BOILERSTRIP_WORKERS=1 runs it) under node --cpu-prof, sent the bench's article texts by wrk
// (autocannon without it). Prints the CPU per request of each of the server's threads (the main
// thread, V8's GC helpers, libuv) and how the main thread's profile splits between the pipeline
// (src/core, src/html: clean() and what it calls), the HTTP layer around it and GC, with the HTTP
// layer's costliest frames. Samples before the first request (start-up) are left out.
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import { describeLoad, hammer } from "./http.ts";
import { seededSample } from "./sample.ts";
import { articleRequests } from "./serve.ts";
import { startNode, threadCpu } from "./servers.ts";

const seconds = Number(process.argv[2] ?? 15);
const connections = Number(process.argv[3] ?? 8);
const dir = path.resolve(process.argv[4] ?? path.join(REPO_ROOT, ".tmp", "prof-http"));
// The bench's sample (bench.ts: 150 pages, seed 7), so the requests are the bench's.
const { pages } = await seededSample(150, { seed: 7 });
const reqs = articleRequests(pages);
fs.rmSync(dir, { recursive: true, force: true });
const server = await startNode(REPO_ROOT, 1, ["--cpu-prof", "--cpu-prof-dir", dir]);
await hammer(server.url, reqs, { connections, seconds: 2 }); // warm-up: JIT, lazily built tables
const before = threadCpu(server.pid);
const run = await hammer(server.url, reqs, { connections, seconds });
const after = threadCpu(server.pid);
await server.stop(); // the profile is written as the server exits
console.log(describeLoad(run));
console.log("server CPU per request by thread:");
for (const [thread, ms] of after) console.log(`  ${thread.padEnd(24)} ${((ms - (before.get(thread) ?? 0)) / run.requests).toFixed(3)} ms`);

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
// The main thread's profile is the largest file (the other is tsx's loader thread, idle).
const file = fs.readdirSync(dir).map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
const prof = JSON.parse(fs.readFileSync(file, "utf8")) as { nodes: ProfileNode[]; samples: number[] };
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const stackOf = (id: number) => {
  const s: ProfileNode[] = [];
  for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) s.push(byId.get(x)!);
  return s;
};
// src/ under tsx, dist/ as npm start runs it (the build keeps the tree).
const inPipeline = (s: ProfileNode[]) => s.some((n) => /\/(src|dist)\/(core|html)\//.test(n.callFrame.url));
const where = (n: ProfileNode) => `${n.callFrame.functionName || "(anonymous)"}  ${n.callFrame.url ? `${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}` : ""}`;
const parts = new Map<string, number>(), httpFrames = new Map<string, number>();
let started = false, total = 0;
for (const id of prof.samples) {
  const s = stackOf(id);
  started ||= s.some((n) => n.callFrame.functionName === "parseCleanRequest");
  if (!started) continue;
  total++;
  const leaf = s[0].callFrame.functionName;
  const part = leaf === "(idle)" ? "idle" : leaf === "(garbage collector)" ? "GC" : inPipeline(s) ? "pipeline" : "HTTP layer";
  parts.set(part, (parts.get(part) ?? 0) + 1);
  if (part === "HTTP layer") httpFrames.set(where(s[0]), (httpFrames.get(where(s[0])) ?? 0) + 1);
}
const pct = (v: number) => `${((100 * v) / total).toFixed(1).padStart(5)} %`;
console.log(`\nmain thread, ${total} samples after the first request:`);
for (const [part, v] of [...parts].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(v)}  ${part}`);
console.log("HTTP layer, self time by function:");
for (const [k, v] of [...httpFrames].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(v)}  ${k}`);
console.log(`\nprofile: ${path.relative(process.cwd(), file)}`);
