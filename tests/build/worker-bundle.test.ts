// The Worker builds with `wrangler deploy --dry-run`, and the bundle (code + model) stays small.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { expect, it } from "vitest";
import { REPO_ROOT } from "../../src/eval/corpus.ts";

// 1 MB gzip: the budget for the Worker with its model (the free plan allows 3 MB).
const MAX_GZIP_BYTES = 1024 * 1024;

it("wrangler deploy --dry-run bundles the Worker with its model under 1 MB gzip", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "bs-wrangler-"));
  try {
    const wrangler = path.join(REPO_ROOT, "node_modules", "wrangler", "bin", "wrangler.js");
    const log = execFileSync(process.execPath, [wrangler, "deploy", "--dry-run", "--outdir", out], {
      cwd: REPO_ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" }, stdio: ["ignore", "pipe", "pipe"],
    }).toString();
    expect(log).toMatch(/dry-run/i);
    const bundle = fs.readdirSync(out).find((f) => f.endsWith(".js"));
    expect(bundle).toBeTruthy();
    const code = fs.readFileSync(path.join(out, bundle!));
    const gz = zlib.gzipSync(code).length;
    console.log(`worker bundle: ${(code.length / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzip`);
    expect(gz).toBeLessThan(MAX_GZIP_BYTES);
    expect(code.toString()).toContain("trainingDataHash"); // the model is inside
    expect(code.toString()).not.toMatch(/from\s*["']jsdom["']/);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
