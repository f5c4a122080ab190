// A fixed pool of batch worker threads. `run` resolves with each line's answer; a worker that
// dies fails only the lines it held and is replaced.
import { Worker } from "node:worker_threads";
import { fnv1a } from "../core/hash.ts";
import type { WorkerAnswer, WorkerRequest } from "./batch-worker.ts";

interface Slot {
  worker: Worker;
  held: Map<number, (a: WorkerAnswer) => void>;
}

export class WorkerPool {
  private slots: Slot[] = [];

  constructor(
    size: number,
    private readonly options: Record<string, unknown>,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(new URL("./batch-worker.mjs", import.meta.url), { workerData: { options: this.options } });
    const slot: Slot = { worker, held: new Map() };
    worker.on("message", (a: WorkerAnswer) => {
      slot.held.get(a.seq)?.(a);
      slot.held.delete(a.seq);
    });
    worker.on("error", (err) => {
      const message = `worker failed: ${err.message}`;
      for (const [seq, done] of slot.held) done({ seq, ok: false, json: JSON.stringify({ index: seq, error: { code: "internal", message } }) });
      slot.held.clear();
      this.slots[this.slots.indexOf(slot)] = this.spawn();
    });
    return slot;
  }

  /**
   * Clean one line on the least busy worker, or with `pin` on the worker that key always goes to
   * (a site's pages, in the order sent, on the worker that keeps the site's template).
   */
  run(req: WorkerRequest, pin?: string | null): Promise<WorkerAnswer> {
    const slot = pin ? this.slots[fnv1a(pin) % this.slots.length] : this.slots.reduce((a, b) => (b.held.size < a.held.size ? b : a));
    return new Promise((resolve) => {
      slot.held.set(req.seq, resolve);
      slot.worker.postMessage(req);
    });
  }

  close(): Promise<unknown> {
    return Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
