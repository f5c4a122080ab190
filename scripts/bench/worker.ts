// The Worker bundle as wrangler builds it for deployment: its size, raw and gzip, and its
// start-up time in workerd: from spawning workerd on the bundle (configured like wrangler.toml)
// to the first 200 from /healthz, which also parses the bundled model (it loads on first use).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fmt, pct } from "./stats.ts";
import { buildBundle, startWorkerd } from "./servers.ts";

// Cold starts measured: the median of a few, as one can be slowed by the other work on the machine.
const STARTS = 5;

export interface WorkerRow { raw_kib: number; gzip_kib: number; start_ms: { median: number; min: number; all: number[] } }

export async function benchWorker(repoRoot: string): Promise<WorkerRow> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "bs-bundle-"));
  try {
    const bundle = await buildBundle(repoRoot, out);
    const code = fs.readFileSync(bundle);
    const raw = code.length / 1024, gzip = zlib.gzipSync(code).length / 1024;
    console.log(`worker bundle: ${raw.toFixed(0)} KiB raw, ${gzip.toFixed(0)} KiB gzip`);
    const all: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      const s = await startWorkerd(repoRoot, bundle);
      all.push(s.startMs);
      await s.stop();
    }
    const row = { raw_kib: raw, gzip_kib: gzip, start_ms: { median: pct(all, 0.5), min: Math.min(...all), all } };
    console.log(`worker start-up in workerd (spawn to first /healthz 200, model loaded): median ${fmt(row.start_ms.median)} ms, min ${fmt(row.start_ms.min)} ms of ${STARTS}`);
    return row;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
