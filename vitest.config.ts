import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: "node", include: ["tests/**/*.test.ts"], exclude: ["tests/worker/**"], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
        test: { name: "workerd", include: ["tests/worker/**/*.test.ts"], testTimeout: 60_000 },
      },
    ],
  },
});
