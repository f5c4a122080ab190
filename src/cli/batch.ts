// `boilerstrip batch [in.jsonl|-] [-o out.jsonl]`: NDJSON documents in, one answer a line out in
// the same order. Lines are cleaned on a pool of worker threads (all cores by default); input is
// read only as answers are written, so memory holds at most WINDOW_PER_WORKER lines per worker.
import fs from "node:fs";
import os from "node:os";
import { Readable } from "node:stream";
import { splitLines } from "../http/batch.ts";
import { DEFAULT_MAX_BODY_BYTES } from "../http/app.ts";
import { DEFAULT_OPTIONS } from "../core/options.ts";
import { WorkerPool } from "./pool.ts";
import { startProgress, type ProgressState } from "./progress.ts";
import type { WorkerAnswer } from "./batch-worker.ts";

// 4 lines in flight per worker: enough that a worker never waits for the next line while the
// main thread writes, few enough that the reorder buffer stays small.
const WINDOW_PER_WORKER = 4;

export interface BatchArgs {
  input: string; // a path or "-"
  output?: string;
  jobs: number;
  options: Record<string, unknown>;
  minConfidence: number;
}

export interface BatchSummary {
  pages: number;
  failed: number;
  meanConfidence: number;
  belowThreshold: number;
  seconds: number;
}

export const defaultJobs = () => (typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
export const DEFAULT_MIN_CONFIDENCE = DEFAULT_OPTIONS.minConfidence;

export async function runBatch(args: BatchArgs, stderr: NodeJS.WriteStream = process.stderr): Promise<BatchSummary> {
  const t0 = Date.now();
  const source = args.input === "-" ? process.stdin : fs.createReadStream(args.input);
  const out = args.output ? fs.createWriteStream(args.output) : process.stdout;
  const state: ProgressState = { done: 0, failed: 0, bytesRead: 0, totalBytes: args.input === "-" ? undefined : fs.statSync(args.input).size };
  const counted = (Readable.toWeb(source) as ReadableStream<Uint8Array>).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({ transform: (chunk, c) => ((state.bytesRead += chunk.byteLength), c.enqueue(chunk)) }),
  );
  const pool = new WorkerPool(args.jobs, args.options);
  const progress = startProgress(stderr, state);
  let confidenceSum = 0;
  let below = 0;
  const window = args.jobs * WINDOW_PER_WORKER;
  const pending: Promise<WorkerAnswer>[] = [];

  const write = async (a: WorkerAnswer) => {
    state.done++;
    if (!a.ok) state.failed++;
    if (a.confidence !== undefined) {
      confidenceSum += a.confidence;
      if (a.confidence < args.minConfidence) below++;
    }
    if (!out.write(a.json + "\n")) await new Promise<void>((r) => out.once("drain", () => r()));
  };

  try {
    let seq = 0;
    for await (const line of splitLines(counted, DEFAULT_MAX_BODY_BYTES)) {
      const i = seq++;
      pending.push(
        line.tooLarge
          ? Promise.resolve({ seq: i, ok: false, json: JSON.stringify({ index: i, error: { code: "payload_too_large", message: `document ${i} exceeds the limit of ${DEFAULT_MAX_BODY_BYTES} bytes` } }) })
          : pool.run({ seq: i, line: line.line }),
      );
      // In order: wait for the oldest answer once the window is full.
      if (pending.length >= window) await write(await pending.shift()!);
    }
    while (pending.length) await write(await pending.shift()!);
  } finally {
    progress.stop();
    await pool.close();
    if (out !== process.stdout) await new Promise<void>((r) => out.end(() => r()));
  }
  const ok = state.done - state.failed;
  return { pages: state.done, failed: state.failed, meanConfidence: ok ? confidenceSum / ok : 0, belowThreshold: below, seconds: (Date.now() - t0) / 1000 };
}

export function formatSummary(s: BatchSummary, minConfidence: number, jobs: number): string {
  return (
    `pages ${s.pages}, failed ${s.failed}, mean confidence ${s.meanConfidence.toFixed(3)}, ` +
    `below ${minConfidence}: ${s.belowThreshold}; ${s.seconds.toFixed(1)} s (${(s.pages / Math.max(s.seconds, 1e-3)).toFixed(0)} pages/s, ${jobs} workers)`
  );
}
