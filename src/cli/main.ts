// The CLI: `boilerstrip <command> [options]`. Exit codes: 0 success, 1 some input failed,
// 2 usage error (as grep, diff and most Unix tools do).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { PREFERENCES, SITE_TEMPLATE_USES, TEXT_FORMATS } from "../core/options.ts";
import { defaultModel } from "../model/index.ts";
import { defaultJobs, DEFAULT_MIN_CONFIDENCE, formatSummary, runBatch } from "./batch.ts";
import { runClean } from "./clean.ts";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const HELP = `boilerstrip: the article body of scraped text, with the boilerplate removed and explained

Usage: boilerstrip <command> [options]

Commands:
  clean [FILE|DIR|-]...   clean files (text, Markdown or HTML, sniffed), directories of
                          .txt/.md/.html, or stdin
  batch [IN.jsonl|-]      clean NDJSON documents ({"text"|"html", "url"?, "site"?, "options"?, "id"?}
                          a line), one answer a line in the same order, on all cores
  serve                   serve the HTTP API in one process (npm start runs one per core)
  train | eval | bench    the model scripts (npm run train|eval|bench); options pass through

Run 'boilerstrip <command> --help' for a command's options.
Exit status: 0 success, 1 some input failed, 2 usage error.
`;

const SHARED = {
  site: { type: "string" },
  url: { type: "string" },
  preference: { type: "string" },
  "min-confidence": { type: "string" },
  "site-template": { type: "string" },
  format: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

const COMMANDS = {
  clean: {
    help: `Usage: boilerstrip clean [options] [FILE|DIR|-]...

Cleans each input (stdin when none) and prints its body.
  --json                 print the whole result as JSON, one line per input (with "file")
  --explain              list every line: "+" kept, "T" title, "M" meta, "-" removed # category: reason
  --out DIR              write NAME.txt (NAME.md for Markdown, NAME.json with --json) per input
                         into DIR instead of stdout
  --site SITE, --url URL where the text came from
  --preference P         balanced (default), recall or precision
  --min-confidence X     flag results below X as lowConfidence (default ${DEFAULT_MIN_CONFIDENCE})
  --format F             how text is read: auto (default; .md files: markdown), text or markdown
                         (a Markdown input prints its body as sent, with its markup)
  --site-template MODE   use (default), learn or off: with learn, each input is learned into its
                         site's template (--site, else --url's host) after it is cleaned, and the
                         inputs after it lose the lines most of the site's pages hold
`,
    options: { ...SHARED, json: { type: "boolean" }, explain: { type: "boolean" }, out: { type: "string", short: "o" } },
  },
  batch: {
    help: `Usage: boilerstrip batch [options] [IN.jsonl|-] > OUT.jsonl

Reads NDJSON documents, writes one answer a line in the same order: the result with its
"index" (and "id" when given), or {"index", "error": {"code", "message"}}. A bad line never
stops the batch. A progress bar goes to stderr when it is a terminal, a summary at the end.
  -o, --output FILE      write to FILE instead of stdout
  -j, --jobs N           worker threads (default: the number of cores, ${defaultJobs()} here)
  --site, --url, --preference, --min-confidence, --format   defaults for every document
  --site-template MODE   use (default), learn or off, for every document: with learn, the pages of
                         a site are cleaned in order on one worker, each learning from those
                         before it (so a batch of one site runs on one worker)
  --explain              include every line's label and reason in each answer
`,
    options: { ...SHARED, output: { type: "string", short: "o" }, jobs: { type: "string", short: "j" }, explain: { type: "boolean" } },
  },
  serve: {
    help: `Usage: boilerstrip serve [--port N] [--host H]

Serves the HTTP API, the playground (/) and the docs (/docs). PORT, HOST and
BOILERSTRIP_MAX_BODY_BYTES are read from the environment as by npm start.
`,
    options: { port: { type: "string", short: "p" }, host: { type: "string" }, help: { type: "boolean", short: "h" } },
  },
} satisfies Record<string, { help: string; options: ParseArgsConfig["options"] }>;

class UsageError extends Error {}

function documentOptions(v: Record<string, unknown>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (v.site !== undefined) o.site = v.site;
  if (v.url !== undefined) o.url = v.url;
  if (v.preference !== undefined) o.preference = v.preference;
  if (v.explain) o.explain = true;
  if (v["min-confidence"] !== undefined) o.minConfidence = Number(v["min-confidence"]);
  if (v["site-template"] !== undefined) o.siteTemplate = v["site-template"];
  if (v.format !== undefined) o.format = v.format;
  return o;
}

/** A flag's value is one of `allowed` (options.ts' own lists), or a usage error naming them. */
function oneOf(v: Record<string, unknown>, flag: string, allowed: readonly string[]): void {
  const x = v[flag];
  if (x !== undefined && !allowed.includes(x as string)) throw new UsageError(`--${flag} must be ${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)}`);
}

function positiveInt(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a positive integer, not ${v}`);
  return n;
}

export async function main(argv: string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    (command ? process.stdout : process.stderr).write(HELP);
    return command ? EXIT_OK : EXIT_USAGE;
  }
  if (command === "--version" || command === "-V") {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    process.stdout.write(`boilerstrip ${pkg.version} (model ${defaultModel().version})\n`);
    return EXIT_OK;
  }
  if (command === "train" || command === "eval" || command === "bench") return runScript(command, rest);
  if (!(command in COMMANDS)) {
    process.stderr.write(`boilerstrip: unknown command '${command}'\n\n${HELP}`);
    return EXIT_USAGE;
  }
  const spec = COMMANDS[command as keyof typeof COMMANDS];
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: spec.options, allowPositionals: true, strict: true });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const { values: v, positionals } = parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
    if (v.help) {
      process.stdout.write(spec.help);
      return EXIT_OK;
    }
    if (v["min-confidence"] !== undefined && !(Number(v["min-confidence"]) >= 0 && Number(v["min-confidence"]) <= 1)) throw new UsageError("--min-confidence must be a number in [0, 1]");
    oneOf(v, "preference", PREFERENCES);
    oneOf(v, "site-template", SITE_TEMPLATE_USES);
    oneOf(v, "format", TEXT_FORMATS);
    const options = documentOptions(v);

    if (command === "clean") {
      for (const p of positionals) if (p !== "-" && !fs.existsSync(p)) throw new UsageError(`${p}: no such file or directory`);
      const failed = await runClean({ inputs: positionals, json: !!v.json, explain: !!v.explain, out: v.out as string | undefined, options });
      return failed ? EXIT_FAILED : EXIT_OK;
    }
    if (command === "batch") {
      if (positionals.length > 1) throw new UsageError("batch takes one input (a file or -)");
      const input = positionals[0] ?? "-";
      if (input !== "-" && !fs.existsSync(input)) throw new UsageError(`${input}: no such file`);
      const jobs = v.jobs ? positiveInt(v.jobs as string, "--jobs") : defaultJobs();
      const minConfidence = (options.minConfidence as number | undefined) ?? DEFAULT_MIN_CONFIDENCE;
      const summary = await runBatch({ input, output: v.output as string | undefined, jobs, options, minConfidence });
      process.stderr.write(formatSummary(summary, minConfidence, jobs) + "\n");
      return summary.failed ? EXIT_FAILED : EXIT_OK;
    }
    // serve
    const { startServer } = await import("../node/server.ts");
    const s = await startServer({ port: v.port !== undefined ? Number(v.port) : undefined, host: v.host as string | undefined });
    process.stderr.write(`boilerstrip listening on ${s.url} (model ${defaultModel().version}); playground ${s.url}/, docs ${s.url}/docs\n`);
    const stop = () => void s.close().then(() => process.exit(EXIT_OK));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    return undefined;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`boilerstrip ${command}: ${err.message}\nRun 'boilerstrip ${command} --help' for usage.\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
}

/** train, eval and bench run their scripts under tsx, options passed through, exit code kept. */
function runScript(name: string, args: string[]): number {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const r = spawnSync(process.execPath, [tsx, path.join(ROOT, "scripts", `${name}.ts`), ...args], { stdio: "inherit", cwd: ROOT });
  return r.status ?? EXIT_FAILED;
}
