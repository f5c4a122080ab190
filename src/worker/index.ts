// Cloudflare Workers adapter: the same app, configured from the Worker's bindings.
import type { Hono } from "hono";
import { createApp } from "../http/app.ts";
import { maxBodyBytesFrom, type ServiceEnv } from "../http/config.ts";
import { defaultHtmlModel, defaultModel } from "../model/index.ts";
import { linkedomImpl } from "../dom/linkedom.ts";

let app: Hono | undefined;

export default {
  fetch(request: Request, env: ServiceEnv, ctx?: Parameters<Hono["fetch"]>[2]): Response | Promise<Response> {
    app ??= createApp({ model: defaultModel, html: { dom: linkedomImpl, model: defaultHtmlModel }, maxBodyBytes: maxBodyBytesFrom(env) });
    return app.fetch(request, env, ctx);
  },
};
