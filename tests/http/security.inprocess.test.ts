// The access-control cases against the Hono app in-process, configured through serviceConfigFrom
// exactly as the adapters do.
import { describe, it } from "vitest";
import { createApp } from "../../src/http/app.ts";
import { nodeDeps } from "../../src/node/deps.ts";
import { serviceConfigFrom } from "../../src/http/config.ts";
import { OPEN_CASES, SECURED_CASES, SECURED_ENV } from "./security-cases.ts";

const appFor = (env: Record<string, string>) => {
  const { node: _, ...config } = serviceConfigFrom(env);
  return createApp({ ...config, ...nodeDeps() });
};

describe("access control in-process, default configuration", () => {
  const app = appFor({});
  for (const c of OPEN_CASES) it(c.name, () => c.run(async (path, init) => app.request(path, init)));
});

describe("access control in-process, keys + rate limit + CORS", () => {
  const app = appFor(SECURED_ENV);
  for (const c of SECURED_CASES) it(c.name, () => c.run(async (path, init) => app.request(path, init)));
});
