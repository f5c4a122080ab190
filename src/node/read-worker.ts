// A page-reading thread (read-thread.ts): parses each page it is sent with the process's DOM and
// runs Readability on it (readPage), and sends back what readPage found: plain data, no DOM.
import { parentPort, workerData } from "node:worker_threads";
import { jsdomImpl, linkedomImpl } from "../dom/node.ts";
import { readPage } from "../html/read-page.ts";

export interface ReadAsk { id: number; html: string; url?: string }

const dom = (workerData as { dom: string }).dom === "linkedom" ? linkedomImpl : jsdomImpl;

// Loading jsdom and Readability takes about half a second: done before the thread says it is
// ready, so that no page's budget pays for it (read-thread.ts starts a page's clock at dispatch).
readPage("<!doctype html><html><body><p>Ready.</p></body></html>", dom);
parentPort!.postMessage({ ready: true });

parentPort!.on("message", ({ id, html, url }: ReadAsk) => {
  try {
    parentPort!.postMessage({ id, page: readPage(html, dom, url) });
  } catch (err) {
    parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
