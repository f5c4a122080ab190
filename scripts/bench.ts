// npm run bench [-- --pages N | --full] [--only text,readability,scaling,worker,http]
//                 [--http-seconds S] [--generator wrk|autocannon] [--out reports/bench.json]
//                 [--compare old.json]
// Where the time goes, on a fixed seeded sample of real corpus pages, beside a baseline measured
// in the same run (the parts live in scripts/bench/):
//   text:        text mode per-page time (p50/p90/p99) and MB/s of input, loose_text and page_text,
//                and the page as Markdown (turndown, src/eval/markdown.ts; timed last: see benchMarkdown)
//   readability: Readability on jsdom on the same pages' HTML, and the ratio of text mode to it
//   html:        HTML mode on jsdom and on linkedom split into parse, Readability, segment and
//                classify/assemble, beside Readability alone on each DOM, with the ratios
//   scaling:     time and peak memory for 1x, 10x, 100x input (concatenated pages), ratio per 10x
//   worker:      the Worker bundle's size, raw and gzip, its start-up time in workerd, and the
//                cost of one request in workerd (HTML with the fast engine, loose_text)
//   http:        req/s and p50/p99 latency at concurrency 1, 8, 32, 128 for the Node server
//                (as `npm start` runs it: one worker process per core; and with one process) and
//                for `wrangler dev`, each started here on a free port; with the CPU the server and
//                the load generator (which shares the cores) each used per request. The load is
//                sent by wrk when it is installed (Debian package `wrk`), else by autocannon; with
//                wrk the Node server is also run under autocannon, for the generator's cost
// It writes every figure to a JSON report; --compare prints each figure beside an older report's.
// A benchmark, not a test: it prints figures and never fails on a number.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../src/eval/corpus.ts";
import { defaultFastHtmlModel, defaultHtmlModel, defaultModel } from "../src/model/index.ts";
import { positiveInt, scriptArgs, usageError } from "./args.ts";
import { seededSample } from "./bench/sample.ts";
import type { Server } from "./bench/servers.ts";
import { benchMarkdown, benchReadability, benchScaling, benchText, benchTextDetached, type TextRow } from "./bench/text.ts";
// The other sections' modules are imported when their section runs, after the text section: some
// of them (jsdom, autocannon, the HTTP app's zod-openapi under tsx) detach an ArrayBuffer as they
// load, which slows typed-array code for the rest of the process (src/dom/node-lazy.ts). The text
// section runs first in a process where nothing has; benchTextDetached then times it again after
// a detach, so both figures are printed.

// 150 pages: enough for stable percentiles, small enough that Readability on jsdom (the slow
// baseline, ~50-150 ms a page) keeps the whole run near two minutes.
const DEFAULT_PAGES = 150;
const SEED = 7;
// Seconds per concurrency level and server: 4 levels x 3-4 runs x 4 s (plus start-up and warm-up)
// keeps the whole run under 3 minutes and still gives a thousand requests or more per level.
const HTTP_SECONDS = 4;
const SECTIONS = ["text", "readability", "html", "scaling", "worker", "http"] as const;

const USAGE = `usage: npm run bench -- [--pages N | --full] [--only ${SECTIONS.join(",")}] [--http-seconds S] [--generator wrk|autocannon] [--corpus PATH] [--out reports/bench.json] [--compare old.json]`;
const args = scriptArgs({
  pages: { type: "string" }, full: { type: "boolean", default: false },
  out: { type: "string", default: path.join(REPO_ROOT, "reports", "bench.json") }, compare: { type: "string" },
  corpus: { type: "string" }, only: { type: "string" }, "http-seconds": { type: "string" }, generator: { type: "string" },
}, USAGE);
const httpSeconds = positiveInt("http-seconds", args["http-seconds"], USAGE) ?? HTTP_SECONDS;
const only = new Set(args.only ? args.only.split(",") : SECTIONS);
for (const s of only) if (!(SECTIONS as readonly string[]).includes(s)) usageError(`--only: unknown section ${s} (${SECTIONS.join(", ")})`, USAGE);

const model = defaultModel();
const t0 = performance.now();
const { pages: sample, seen } = await seededSample(args.full ? Infinity : positiveInt("pages", args.pages, USAGE) ?? DEFAULT_PAGES, { seed: SEED, corpus: args.corpus });
console.log(`${sample.length} pages (seeded sample of ${seen}), node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? "?"}, load ${os.loadavg()[0].toFixed(1)}\n`);
const report: Record<string, unknown> = { created: new Date().toISOString(), pages: sample.length, model: model.version, node: process.version, loadavg_1m: os.loadavg()[0] };

// Text mode and the fast HTML engine run before anything in this process has detached an
// ArrayBuffer, as in the server; text mode is then timed again after a detach.
const text = only.has("text") || only.has("readability") ? benchText(sample, model) : undefined;
const fastHtml = only.has("html") ? (await import("./bench/html.ts")).benchFast(sample, model, defaultFastHtmlModel()) : undefined;
if (text) {
  report.text = text;
  report.text_after_detach = benchTextDetached(sample, model, text);
  report.text_markdown = await benchMarkdown(sample, model, report.text_after_detach as Record<string, TextRow>);
  if (only.has("readability")) report.readability_jsdom = benchReadability(sample, text);
}
if (only.has("html")) report.html = (await import("./bench/html.ts")).benchHtml(sample, model, defaultHtmlModel(), fastHtml);
if (only.has("scaling")) report.scaling = benchScaling(sample, REPO_ROOT);
console.log();
if (only.has("worker")) {
  try {
    report.worker = await (await import("./bench/worker.ts")).benchWorker(REPO_ROOT, sample);
  } catch (e) {
    console.log(`worker: could not build or start (${(e as Error).message.split("\n")[0]})`);
  }
}
if (only.has("http")) {
  const { articleRequests, benchServer } = await import("./bench/serve.ts");
  const { startNode, startWrangler } = await import("./bench/servers.ts");
  const { generatorFor } = await import("./bench/http.ts");
  const reqs = articleRequests(sample);
  if (args.generator && args.generator !== "wrk" && args.generator !== "autocannon") usageError(`--generator takes wrk or autocannon, not ${args.generator}`, USAGE);
  const generator = generatorFor(reqs, { connections: 1, generator: args.generator as "wrk" | "autocannon" | undefined });
  const sizes = reqs.map((r) => Buffer.byteLength(r.body ?? "")).sort((a, b) => a - b);
  console.log(`\nHTTP: POST /v1/clean, ${reqs.length} article texts (median ${(sizes[sizes.length >> 1] / 1024).toFixed(1)} KiB) cycled per connection`);
  console.log(`load generator: ${generator}${generator === "autocannon" && !args.generator ? " (wrk is not installed: apt-get install wrk)" : ""}`);
  const http: Record<string, unknown> = { bodies: reqs.length, median_body_bytes: sizes[sizes.length >> 1], generator };
  // The Node server as `npm start` runs it (one worker process per core), and with one process.
  // Under wrk the Node server runs once more under autocannon: what a JavaScript generator's share
  // of the two cores costs it.
  type Run = [string, (root: string) => Promise<Server>, "wrk" | "autocannon"];
  const servers: Run[] = [["node", (root) => startNode(root), generator], ["node_1_worker", (root) => startNode(root, 1), generator], ["wrangler_dev", startWrangler, generator]];
  if (generator === "wrk") servers.splice(1, 0, ["node_autocannon", (root) => startNode(root), "autocannon"]);
  for (const [name, startServer, gen] of servers) {
    let server: Server | undefined;
    try {
      server = await startServer(REPO_ROOT);
      if (gen !== generator) console.log(`(load generator: ${gen})`);
      http[name] = await benchServer(server, reqs, httpSeconds, gen);
    } catch (e) {
      console.log(`${name}: failed (${(e as Error).message.split("\n")[0]})`);
    } finally {
      await server?.stop();
    }
  }
  report.http = http;
}
report.seconds = (performance.now() - t0) / 1000;

if (args.compare) compare(JSON.parse(fs.readFileSync(args.compare, "utf8")), report, args.compare);
fs.mkdirSync(path.dirname(args.out!), { recursive: true });
fs.writeFileSync(args.out!, JSON.stringify(report, null, 2) + "\n");
console.log(`\nreport: ${path.relative(process.cwd(), args.out!)} (${(report.seconds as number).toFixed(0)} s)`);

/** Every numeric figure present in both reports, old -> new, with the change. */
function compare(old: Record<string, unknown>, now: Record<string, unknown>, file: string) {
  const flat = (o: unknown, prefix = "", out = new Map<string, number>()) => {
    if (typeof o === "number") out.set(prefix, o);
    else if (Array.isArray(o)) o.forEach((x, i) => flat(x, `${prefix}[${(x as { factor?: number; connections?: number })?.factor ?? (x as { connections?: number })?.connections ?? i}]`, out));
    else if (o && typeof o === "object") for (const [k, v] of Object.entries(o)) if (k !== "all" && k !== "statuses") flat(v, prefix ? `${prefix}.${k}` : k, out);
    return out;
  };
  const a = flat(old), b = flat(now);
  console.log(`\ncompared with ${file} (${old.created}):`);
  for (const [k, v] of b) {
    const u = a.get(k);
    if (u === undefined || k === "pages" || k === "loadavg_1m") continue;
    const change = u !== 0 ? ` (${v >= u ? "+" : ""}${(((v - u) / u) * 100).toFixed(0)} %)` : "";
    console.log(`  ${k.padEnd(44)} ${String(+u.toFixed(3)).padStart(10)} -> ${String(+v.toFixed(3)).padEnd(10)}${change}`);
  }
}
