// What `npm start` runs: src/ compiled by `npm run build` (tsconfig.build.json) and served by plain
// Node from the output, here built into a scratch directory. Plain Node must resolve every
// import of the output (the `.ts` suffixes rewritten, JSON with its import attribute, the models
// copied beside their loader), and the built server answers text and HTML.
import { execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import { runServer } from "./run-server.ts";

const children: ChildProcess[] = [];
// Inside the repository (under node_modules/.cache), so that the output finds the dependencies.
const cacheDir = path.join(REPO_ROOT, "node_modules", ".cache");
fs.mkdirSync(cacheDir, { recursive: true });
const outDir = fs.mkdtempSync(path.join(cacheDir, "bs-build-"));
afterAll(() => {
  children.forEach((c) => c.kill("SIGKILL"));
  fs.rmSync(outDir, { recursive: true, force: true });
});

const SAMPLE = fs.readdirSync(path.join(REPO_ROOT, "samples")).find((f) => f.endsWith(".txt") && !f.endsWith(".gold.txt"))!;
const ARTICLE = fs.readFileSync(path.join(REPO_ROOT, "samples", SAMPLE), "utf8");
const GOLD = fs.readFileSync(path.join(REPO_ROOT, "samples", SAMPLE.replace(/\.txt$/, ".gold.txt")), "utf8");
const PAGE = `<!doctype html><html><head><title>Library vote</title></head><body><nav><a href="/">Home</a></nav><article>
<p>The council voted on Tuesday to keep the library open on Sundays, after a year of protests by readers.</p>
<p>Its budget for next year adds two librarians and a mobile library for the villages to the north.</p></article></body></html>`;

it("npm run build's output is a server that plain Node runs, with two workers", async () => {
  execFileSync(process.execPath, [path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(REPO_ROOT, "tsconfig.build.json"), "--outDir", outDir], { cwd: REPO_ROOT, stdio: "pipe" });
  const server = runServer({ BOILERSTRIP_WORKERS: "2" }, children, [path.join(outDir, "node", "main.js")]);
  const url = await server.listening;
  expect(server.output()).toMatch(/\(model bs-/);

  const text = await fetch(`${url}/v1/clean`, { method: "POST", headers: { "content-type": "text/plain" }, body: ARTICLE });
  expect(text.status).toBe(200);
  const body = (await text.json()) as { text: string; mode: string };
  expect(body.mode).toBe("text");
  expect(body.text).toContain(GOLD.split("\n").find((l) => l.length > 80)!);

  const html = await fetch(`${url}/v1/clean`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ html: PAGE }) });
  expect(html.status).toBe(200);
  expect(((await html.json()) as { text: string }).text).toContain("mobile library for the villages");
}, 120_000);

it("the built entry point starts when another module imports it (as pm2's fork mode does), workers and all", async () => {
  // Runs after the test above, which built outDir. A process manager's launcher is argv[1] here,
  // not main.js: the workers must still run main.js, and learn into the primary's templates.
  const launcher = path.join(outDir, "launcher.mjs");
  fs.writeFileSync(launcher, `await import(${JSON.stringify(new URL(`file://${path.join(outDir, "node", "main.js")}`).href)});\n`);
  const server = runServer({ BOILERSTRIP_WORKERS: "2" }, children, [launcher]);
  const url = await server.listening;
  expect(server.output()).toMatch(/2 worker processes/);
  for (let k = 1; k <= 4; k++) {
    const res = await fetch(`${url}/v1/sites/launched.example/learn`, { method: "POST", headers: { "content-type": "text/plain", connection: "close" }, body: ARTICLE });
    expect(((await res.json()) as { pages: number }).pages).toBe(k);
  }
}, 120_000);
