// Cloudflare Workers adapter: the same app, configured from the Worker's vars, secrets and
// bindings (BOILERSTRIP_API_KEYS as a secret, BOILERSTRIP_RATE_LIMITER as a rate-limit binding).
import type { Hono } from "hono";
import { createApp } from "../http/app.ts";
import { htmlEngineFrom, serviceConfigFrom, type ServiceEnv } from "../http/config.ts";
import { defaultFastHtmlModel, defaultHtmlModel, defaultModel } from "../model/index.ts";
import { Readability } from "@mozilla/readability";
import { linkedomDom } from "../dom/linkedom.ts";
import { KvSiteStore, MemorySiteStore, WORKER_SITES_MAX } from "../http/site-store.ts";

// The Worker bundles Readability (Node loads it on first use: src/dom/node-lazy.ts).
const linkedomImpl = linkedomDom(() => Readability);
let app: Hono | undefined;

export default {
  fetch(request: Request, env: ServiceEnv, ctx?: Parameters<Hono["fetch"]>[2]): Response | Promise<Response> {
    if (!app) {
      // The Node adapter's settings are not the Worker's: the edge bounds slow clients itself.
      const { node: _, ...config } = serviceConfigFrom(env);
      // Cloudflare sets cf-connecting-ip at its edge; a client cannot forge it there.
      // Site templates in Workers KV when a SITES namespace is bound, else in this isolate's memory.
      const sites = env.SITES ? new KvSiteStore(env.SITES) : new MemorySiteStore(WORKER_SITES_MAX);
      app = createApp({ ...config, model: defaultModel, html: { dom: linkedomImpl, model: defaultHtmlModel, fastModel: defaultFastHtmlModel, engine: htmlEngineFrom(env) }, sites, clientAddress: (c) => c.req.header("cf-connecting-ip") });
    }
    return app.fetch(request, env, ctx);
  },
};
