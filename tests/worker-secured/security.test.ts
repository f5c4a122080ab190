/// <reference types="@cloudflare/vitest-pool-workers/types" />
// The access-control cases against the Worker inside workerd, with the API keys and CORS origins
// as bindings and the rate limit from the Workers Rate Limiting binding (vitest.config.ts).
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ServiceEnv } from "../../src/http/config.ts";
import { SECURED_CASES } from "../http/security-cases.ts";

describe("access control in workerd, keys + rate-limit binding + CORS", () => {
  it("the rate-limit binding is bound, so it (not the in-memory bucket) limits here", async () => {
    const binding = (env as ServiceEnv).BOILERSTRIP_RATE_LIMITER;
    expect(typeof binding?.limit).toBe("function");
    expect(await binding!.limit({ key: "probe" })).toEqual({ success: true });
  });
  for (const c of SECURED_CASES) it(c.name, () => c.run((path, init) => SELF.fetch("http://boilerstrip.test" + path, init)));
});
