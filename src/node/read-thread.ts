// The Readability engine's DOM work (parse, Readability, blocks: readPage) off the request's
// thread, under Node. Both are synchronous and some pages make them slow beyond any budget
// (Readability is quadratic on thousands of sibling links: 4,000 take it 8 s, 20,000 minutes;
// jsdom's parse of 130,000 stray table cells takes 90 s), and a budget checked between stages
// cannot stop a stage. On this thread the process stays free for other requests, and a page that
// takes longer than its request's budget has the thread ended under it (Worker.terminate) and
// answers the budget's 422. One thread per process, one page at a time, started on first use and
// again after an end; the learned part then runs on the request's thread as before.
import { Worker } from "node:worker_threads";
import { BudgetExceededError } from "../core/budget.ts";
import type { ReadPage } from "../html/read-page.ts";
import type { ReadAsk } from "./read-worker.ts";

interface Job { ask: ReadAsk; budgetMs: number; timer?: NodeJS.Timeout; resolve: (p: ReadPage) => void; reject: (e: Error) => void }

// Sources (tsx, tests) run the thread through a shim that registers tsx; the build runs the .js.
const ENTRY = new URL(import.meta.url.endsWith(".ts") ? "./read-worker.mjs" : "./read-worker.js", import.meta.url);

export class ReadThread {
  #worker: Worker | null = null;
  #running: Job | null = null;
  readonly #waiting: Job[] = [];
  #next = 0;
  constructor(private readonly dom: "jsdom" | "linkedom") {}

  /**
   * readPage(html, dom, url) on the thread. With a budget (ms > 0), the page must be read within
   * it, counted from this call (time spent waiting for the thread included), else the promise
   * rejects with BudgetExceededError.
   */
  read(html: string, url: string | undefined, budgetMs: number): Promise<ReadPage> {
    return new Promise((resolve, reject) => {
      const job: Job = { ask: { id: this.#next++, html, url }, budgetMs, resolve, reject };
      if (budgetMs > 0) job.timer = setTimeout(() => this.#expire(job), budgetMs);
      this.#waiting.push(job);
      this.#pump();
    });
  }

  /** Ends the thread (the server's close); pages waiting or being read are refused. */
  async close(): Promise<void> {
    for (const job of [...this.#waiting.splice(0), ...(this.#running ? [this.#running] : [])]) this.#fail(job, new Error("the server is closing"));
    this.#running = null;
    const w = this.#worker;
    this.#worker = null;
    if (w) await w.terminate();
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker;
    const w = new Worker(ENTRY, { workerData: { dom: this.dom } });
    w.unref();
    w.on("message", (m: { id: number; page?: ReadPage; error?: string }) => {
      const job = this.#running;
      if (!job || job.ask.id !== m.id) return;
      this.#running = null;
      clearTimeout(job.timer);
      if (m.page) job.resolve(m.page);
      else job.reject(new Error(m.error ?? "reading the page failed"));
      this.#pump();
    });
    // A thread that dies (out of memory, a crash) fails the page it held; the next gets a new one.
    w.on("error", (err) => this.#lost(w, err));
    w.on("exit", () => this.#lost(w, new Error("the page-reading thread stopped")));
    this.#worker = w;
    return w;
  }

  #lost(w: Worker, err: Error): void {
    if (this.#worker !== w) return;
    this.#worker = null;
    const job = this.#running;
    this.#running = null;
    if (job) this.#fail(job, err);
    this.#pump();
  }

  #pump(): void {
    if (this.#running) return;
    const job = this.#waiting.shift();
    if (!job) return;
    this.#running = job;
    this.#thread().postMessage(job.ask);
  }

  #expire(job: Job): void {
    const err = new BudgetExceededError(job.budgetMs, job === this.#running ? "parse and Readability" : "waiting for the page-reading thread");
    if (job === this.#running) {
      // The thread is busy with it and cannot be told to stop: it is ended, and a new one is started for the next page.
      const w = this.#worker;
      this.#worker = null;
      this.#running = null;
      void w?.terminate();
    } else {
      const at = this.#waiting.indexOf(job);
      if (at >= 0) this.#waiting.splice(at, 1);
    }
    this.#fail(job, err);
    this.#pump();
  }

  #fail(job: Job, err: Error): void {
    clearTimeout(job.timer);
    job.reject(err);
  }
}
