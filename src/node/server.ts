// Node adapter: serve the app with @hono/node-server. `npm start` runs this file.
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { createApp } from "../http/app.ts";
import { maxBodyBytesFrom } from "../http/config.ts";
import { defaultHtmlModel, defaultModel } from "../model/index.ts";
import { nodeDeps } from "./deps.ts";

export interface NodeServer {
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

export async function startServer(opts: { port?: number; host?: string; env?: NodeJS.ProcessEnv } = {}): Promise<NodeServer> {
  const env = opts.env ?? process.env;
  const host = opts.host ?? env.HOST ?? "127.0.0.1";
  const port = opts.port ?? (env.PORT ? Number(env.PORT) : 8787);
  defaultModel(); // load before the first request, and fail at start-up if the model is bad
  defaultHtmlModel();
  const app = createApp({ ...nodeDeps(env), maxBodyBytes: maxBodyBytesFrom(env) });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s));
    s.once("error", reject);
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shownHost}:${addr.port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const s = await startServer();
  console.log(`boilerstrip listening on ${s.url} (model ${defaultModel().version})`);
  const stop = () => void s.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
