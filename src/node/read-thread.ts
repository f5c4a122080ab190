// The Readability engine's DOM work (parse, Readability, blocks: readPage) off the request's
// thread, under Node. Both are synchronous and some pages make them slow beyond any budget
// (Readability is quadratic on thousands of sibling links: 4,000 take it 8 s, 20,000 minutes;
// jsdom's parse of 130,000 stray table cells takes 90 s), and a budget checked between stages
// cannot stop a stage. On this thread the process stays free for other requests, and a page that
// takes longer than its request's budget has the thread ended under it (Worker.terminate) and
// answers the budget's 422. One thread per process, one page at a time, started on first use and
// again after an end; the learned part then runs on the request's thread as before. A page's clock
// starts when the thread, ready (jsdom loaded), takes it: neither the thread's start-up nor the
// wait behind other pages counts against its budget, as neither did when pages were read one at a
// time on the request's thread. A page that waits longer than READ_WAIT_MS for the thread is
// refused (503 `server_busy`, with Retry-After), so a queue of slow pages cannot grow without end.
import { Worker } from "node:worker_threads";
import { BudgetExceededError } from "../core/budget.ts";
import type { ReadPage } from "../html/read-page.ts";
import { HttpError } from "../http/errors.ts";
import type { ReadAsk } from "./read-worker.ts";

interface Job { ask: ReadAsk; budgetMs: number; timer?: NodeJS.Timeout; waitTimer?: NodeJS.Timeout; resolve: (p: ReadPage) => void; reject: (e: Error) => void }

// The longest a page waits for the thread before it is refused: 30 s, the time a client has to
// send its request (BOILERSTRIP_REQUEST_TIMEOUT_MS's default), in which six pages at the default
// budget of 5 s are read; real pages take the thread 0.15 s at the median and 2 s at the 99th
// percentile on jsdom (npm run bench), so only a queue of pathological pages makes one wait that long.
export const READ_WAIT_MS = 30_000;
// What a refused client is told to wait: one default budget, within which the thread takes the next page.
const BUSY_RETRY_AFTER_S = 5;

// Sources (tsx, tests) run the thread through a shim that registers tsx; the build runs the .js.
const ENTRY = new URL(import.meta.url.endsWith(".ts") ? "./read-worker.mjs" : "./read-worker.js", import.meta.url);

export class ReadThread {
  #worker: Worker | null = null;
  #running: Job | null = null;
  readonly #waiting: Job[] = [];
  #next = 0;
  /** Whether the current thread has loaded its DOM and said so. */
  #ready = false;
  #closed = false;
  /** `waitMs`: how long a page may wait for the thread (READ_WAIT_MS). */
  constructor(private readonly dom: "jsdom" | "linkedom", private readonly waitMs = READ_WAIT_MS) {}

  /**
   * readPage(html, dom, url) on the thread. With a budget (ms > 0), the page must be read within
   * it, counted from when the thread takes it, else the promise rejects with BudgetExceededError.
   */
  read(html: string, url: string | undefined, budgetMs: number): Promise<ReadPage> {
    if (this.#closed) return Promise.reject(new Error("the page-reading thread is closed"));
    return new Promise((resolve, reject) => {
      const job: Job = { ask: { id: this.#next++, html, url }, budgetMs, resolve, reject };
      job.waitTimer = setTimeout(() => this.#refuse(job), this.waitMs);
      this.#waiting.push(job);
      this.#pump();
    });
  }

  /** A page that has waited waitMs without the thread taking it is refused: the server is busy. */
  #refuse(job: Job): void {
    const i = this.#waiting.indexOf(job);
    if (i < 0) return;
    this.#waiting.splice(i, 1);
    const message = `the server is busy reading other pages (this one waited ${this.waitMs} ms): retry in ${BUSY_RETRY_AFTER_S} s`;
    this.#fail(job, new HttpError(503, "server_busy", message, BUSY_RETRY_AFTER_S));
  }

  /** Ends the thread (after the server has closed); pages waiting or being read are refused, and so is any read after. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of [...this.#waiting.splice(0), ...(this.#running ? [this.#running] : [])]) this.#fail(job, new Error("the server is closing"));
    this.#running = null;
    const w = this.#worker;
    this.#worker = null;
    this.#ready = false;
    if (w) await w.terminate();
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker;
    const w = new Worker(ENTRY, { workerData: { dom: this.dom } });
    this.#ready = false;
    w.on("message", (m: { ready?: true; id: number; page?: ReadPage; error?: string }) => {
      if (m.ready) {
        if (this.#worker === w) (this.#ready = true), this.#pump();
        return;
      }
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
    // After the listeners (adding one refs the thread again): the thread never keeps the process alive.
    w.unref();
    this.#worker = w;
    return w;
  }

  #lost(w: Worker, err: Error): void {
    if (this.#worker !== w) return;
    const wasReady = this.#ready;
    this.#worker = null;
    this.#ready = false;
    const job = this.#running;
    this.#running = null;
    if (job) this.#fail(job, err);
    // A thread that died before it was ready cannot load its DOM (a broken install): the pages
    // waiting for it fail with its error, rather than start thread after thread.
    if (!wasReady) for (const waiting of this.#waiting.splice(0)) this.#fail(waiting, err);
    else this.#pump();
  }

  /** Gives the next waiting page to the thread once it is ready and idle; its clock starts then. */
  #pump(): void {
    if (this.#running || this.#closed || this.#waiting.length === 0) return;
    const w = this.#thread();
    if (!this.#ready) return; // its "ready" message pumps again
    const job = this.#waiting.shift()!;
    clearTimeout(job.waitTimer);
    this.#running = job;
    if (job.budgetMs > 0) job.timer = setTimeout(() => this.#expire(job), job.budgetMs);
    w.postMessage(job.ask);
  }

  /** The running page is past its budget: the thread cannot be told to stop, so it is ended, and a new one reads the next page. */
  #expire(job: Job): void {
    if (job !== this.#running) return;
    const w = this.#worker;
    this.#worker = null;
    this.#ready = false;
    this.#running = null;
    void w?.terminate();
    this.#fail(job, new BudgetExceededError(job.budgetMs, "parse and Readability"));
    this.#pump();
  }

  #fail(job: Job, err: Error): void {
    clearTimeout(job.timer);
    clearTimeout(job.waitTimer);
    job.reject(err);
  }
}
