// The Python examples (urllib client, Scrapy pipeline) run by Debian's python3 against the Node
// server started here. Scrapy is not installed: the pipeline needs only the item's dict API.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import { clean } from "../../src/index.ts";
import { startServer, type NodeServer } from "../../src/node/server.ts";

// Debian's interpreter first (what .ci/run installs), then whatever python3 is on PATH.
const PYTHON = process.env.BOILERSTRIP_PYTHON ?? (fs.existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
const SAMPLE = path.join(REPO_ROOT, "samples", "003_781ff10bc3527234.txt");

let server: NodeServer;
beforeAll(async () => {
  server = await startServer({ port: 0, host: "127.0.0.1", env: {} });
});
afterAll(() => server?.close());

it("the urllib client and the Scrapy pipeline work against the running server", async () => {
  const script = path.join(REPO_ROOT, "examples", "python", "test_examples.py");
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(PYTHON, [script, "-v"], { env: { ...process.env, BOILERSTRIP_URL: server.url, SAMPLE, PYTHONDONTWRITEBYTECODE: "1" } });
    let out = "", err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (c) => resolve({ code: c, stdout: out, stderr: err }));
  });
  expect(stderr, stderr).toMatch(/Ran 6 tests[\s\S]*\nOK\s*$/);
  expect(stderr).toMatch(/test_site_template .* ok/);
  expect(code).toBe(0);
  const printed = JSON.parse(stdout.trim().split("\n").find((l) => l.startsWith("{"))!);
  expect(printed.text).toBe(clean(fs.readFileSync(SAMPLE, "utf8")).text);
});
