// Node adapter: serve the app with @hono/node-server (startServer). `npm start` runs main.ts,
// which calls it in each worker process.
import { getRequestListener, type ServerType } from "@hono/node-server";
import { createServer } from "node:http";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { AddressInfo, Socket } from "node:net";
import { createApp } from "../http/app.ts";
import { serviceConfigFrom } from "../http/config.ts";
import { answerClientErrors, unreadableRequest } from "./client-errors.ts";
import { capConnections } from "./connection-cap.ts";
import { ClusterSiteStore } from "./cluster-sites.ts";
import { isOurWorker } from "./cluster.ts";
import { siteStoreFrom } from "./file-sites.ts";
import { loadBundledModels } from "../model/index.ts";
import { nodeDeps } from "./deps.ts";
import { ReadThread } from "./read-thread.ts";

// 10 s to send the request headers (Node's default is 60 s): headers are a few hundred bytes, so
// a client slower than that is holding the connection (slowloris), not sending a page.
const HEADERS_TIMEOUT_MS = 10_000;
// A socket without traffic for this long is closed (unless its request is still computed). Set by
// hand: ten times the default budget; a client reading its answer or sending its body is never idle.
const IDLE_TIMEOUT_MS = 60_000;

export interface NodeServer {
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

/** `idleTimeoutMs`, `readWaitMs`: for tests, the idle-socket timeout and the page-reading thread's wait bound instead of the defaults. */
export async function startServer(opts: { port?: number; host?: string; env?: NodeJS.ProcessEnv; idleTimeoutMs?: number; readWaitMs?: number } = {}): Promise<NodeServer> {
  const env = opts.env ?? process.env;
  const host = opts.host ?? env.HOST ?? "127.0.0.1";
  const port = opts.port ?? (env.PORT ? Number(env.PORT) : 8787);
  loadBundledModels(); // before the first request, and fail at start-up if a model is bad
  const { node: { requestTimeoutMs, maxConnections }, ...config } = serviceConfigFrom(env);
  // Site templates live in this process (in memory, or in files under BOILERSTRIP_SITES_DIR), or
  // under `npm start`'s cluster in the primary, which all its workers share (cluster-sites.ts).
  const sites = isOurWorker() ? new ClusterSiteStore() : siteStoreFrom(env);
  // The Readability engine's DOM work on a thread of its own, ended at the time budget (read-thread.ts).
  const deps = nodeDeps(env);
  const reader = new ReadThread(deps.html!.dom.name, opts.readWaitMs);
  const html = { ...deps.html!, readPage: (page: string, url: string | undefined, budgetMs: number) => reader.read(page, url, budgetMs) };
  const app = createApp({ ...config, ...deps, html, sites, clientAddress: (c) => getConnInfo(c).remote.address });
  const serverOptions = {
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeoutMs),
    // Node checks the two timeouts this often; a tenth of the timeout keeps the overshoot small.
    connectionsCheckingInterval: Math.max(10, Math.min(30_000, Math.floor(requestTimeoutMs / 10))),
    // An HTTP/1.1 request without a Host header reaches the adapter, which answers it with the
    // API's JSON 400 (unreadableRequest), instead of Node's empty one.
    requireHostHeader: false,
  };
  const server = createServer(serverOptions);
  // At most maxConnections open at once (connection-cap.ts): at the cap a connection idle long
  // enough makes room, else the new one is answered 503.
  server.on("request", capConnections(server, maxConnections, getRequestListener(app.fetch, { errorHandler: unreadableRequest })));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  // A client that stops reading its answer (or sending) holds the answer's buffers: its socket is
  // closed after IDLE_TIMEOUT_MS without traffic, between requests or once its answer has begun
  // and stalled; never while a request is computed (a JSON batch writes nothing until its last
  // document, and a request without a time budget computes as long as it needs). The answer's
  // first write starts the clock again.
  server.setTimeout(opts.idleTimeoutMs ?? IDLE_TIMEOUT_MS);
  server.on("timeout", (socket: Socket & { _httpMessage?: { headersSent?: boolean } | null }) => {
    const res = socket._httpMessage;
    if (res && !res.headersSent) return;
    socket.destroy();
  });
  answerClientErrors(server);
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shownHost}:${addr.port}`,
    server,
    // The reader after the server: requests still being answered may need it.
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => reader.close()),
  };
}
