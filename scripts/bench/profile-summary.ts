// npx tsx scripts/bench/profile-summary.ts FILE.cpuprofile [top] [--lines]
// Self time per function (name, file:line) of a V8 CPU profile, as a share of the samples.
import fs from "node:fs";
import path from "node:path";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
const prof = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as { nodes: Node[]; samples: number[] };
const top = Number(process.argv[3] ?? 25);
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
for (const id of prof.samples) {
  const f = byId.get(id)!.callFrame;
  const key = `${f.functionName || "(anonymous)"}  ${f.url ? path.basename(f.url) + ":" + (f.lineNumber + 1) : ""}`;
  self.set(key, (self.get(key) ?? 0) + 1);
}
const total = prof.samples.length;
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
}

// With --lines: the hottest source lines (needs a profile of plain JS, e.g. an esbuild bundle).
if (process.argv.includes("--lines")) {
  const lines = new Map<string, number>();
  for (const n of prof.nodes as (Node & { positionTicks?: { line: number; ticks: number }[] })[]) {
    for (const p of n.positionTicks ?? []) {
      const key = `${path.basename(n.callFrame.url)}:${p.line}  ${n.callFrame.functionName}`;
      lines.set(key, (lines.get(key) ?? 0) + p.ticks);
    }
  }
  console.log("\nhottest lines:");
  for (const [k, v] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  }
}
