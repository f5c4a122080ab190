// `boilerstrip batch [in.jsonl|-] [-o out.jsonl]`: NDJSON documents in, one answer a line out in
// the same order. Lines are cleaned on a pool of worker threads (all cores by default); input is
// read only as answers are written, so memory holds at most WINDOW_PER_WORKER lines per worker.
import fs from "node:fs";
import os from "node:os";
import { Readable } from "node:stream";
import { splitLines } from "../http/batch.ts";
import { DEFAULT_MAX_BODY_BYTES } from "../http/app.ts";
import { DEFAULT_OPTIONS, resolveOptions, type CleanOptions } from "../core/options.ts";
import { documentFromJson } from "../http/document.ts";
import { siteKeyOf } from "../http/site-store.ts";
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
  const sites = new SiteRouter(args.options);
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
          : pool.run({ seq: i, line: line.line }, sites.pin(line.line)),
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

/**
 * Which worker a line must go to for site templates to be learned in order: once a page is to be
 * learned (the batch's options or a line's say "learn"), every page with a site from then on is
 * pinned to its site's worker, which keeps that site's template, so each page is cleaned with what
 * the pages before it taught. Until then (most batches) no line is parsed here.
 */
export class SiteRouter {
  private learning: boolean;
  constructor(private readonly base: Record<string, unknown>) {
    this.learning = base.siteTemplate === "learn";
  }

  /** The line's site key when it is to be pinned, else null (any worker will do). */
  pin(line: string): string | null {
    if (!this.learning && !line.includes('"learn"')) return null;
    let doc: unknown;
    try {
      doc = JSON.parse(line);
    } catch {
      return null; // answered as invalid JSON by whichever worker gets it
    }
    // The document's options as its worker will read them (documentFromJson merges them).
    let opts: CleanOptions;
    try {
      opts = resolveOptions(documentFromJson(doc, this.base).options);
    } catch {
      return null; // answered with its error by whichever worker gets it
    }
    if (opts.siteTemplate === "learn") this.learning = true;
    if (opts.siteTemplate === "off" || !this.learning) return null;
    return siteKeyOf(opts);
  }
}

export function formatSummary(s: BatchSummary, minConfidence: number, jobs: number): string {
  return (
    `pages ${s.pages}, failed ${s.failed}, mean confidence ${s.meanConfidence.toFixed(3)}, ` +
    `below ${minConfidence}: ${s.belowThreshold}; ${s.seconds.toFixed(1)} s (${(s.pages / Math.max(s.seconds, 1e-3)).toFixed(0)} pages/s, ${jobs} worker${jobs === 1 ? "" : "s"})`
  );
}
