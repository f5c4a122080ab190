import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { RATE_LIMIT_PER_MINUTE, SECURED_ENV } from "./tests/http/security-cases.ts";

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: "node", include: ["tests/**/*.test.ts"], exclude: ["tests/worker/**", "tests/worker-secured/**"], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
        test: { name: "workerd", include: ["tests/worker/**/*.test.ts"], testTimeout: 60_000 },
      },
      {
        // The Worker with API keys as secrets (plain bindings here), CORS, the Workers Rate
        // Limiting binding and the SITES KV namespace that wrangler.toml documents (simulated
        // locally by Miniflare).
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: SECURED_ENV,
              ratelimits: { BOILERSTRIP_RATE_LIMITER: { simple: { limit: RATE_LIMIT_PER_MINUTE, period: 60 } } },
              // The site-template namespace wrangler.toml documents, bound here so KvSiteStore is tested.
              kvNamespaces: ["SITES"],
            },
          }),
        ],
        test: { name: "workerd-secured", include: ["tests/worker-secured/**/*.test.ts"], testTimeout: 60_000 },
      },
    ],
  },
});
