// `boilerstrip clean [files|dirs|-]`: each input sniffed as text or HTML and cleaned with the
// same call the HTTP API makes; the body, the JSON result or an annotated listing written out.
import fs from "node:fs";
import path from "node:path";
import type { CleanResult } from "../core/types.ts";
import { toErrorBody } from "../http/batch-item.ts";
import { decodeText } from "../http/body.ts";
import { HttpError } from "../http/errors.ts";
import { cleanOnSite, kindOf } from "../http/document.ts";
import { cliDeps } from "../node/deps.ts";

export interface CleanArgs {
  inputs: string[];
  json: boolean;
  explain: boolean;
  out?: string;
  options: Record<string, unknown>;
}

/** Input files: "-" is stdin, a directory gives its .txt/.md/.markdown/.html/.htm files (recursively). */
export interface InputFile {
  path: string; // "-" for stdin
  /** Where the output goes under --out: the path relative to the directory given, or the name. */
  name: string;
}

const INPUT_EXT = /\.(txt|md|markdown|html?)$/i;
const MARKDOWN_EXT = /\.(md|markdown)$/i;

export function listInputs(inputs: string[]): InputFile[] {
  const files: InputFile[] = [];
  for (const input of inputs.length ? inputs : ["-"]) {
    if (input === "-") files.push({ path: "-", name: "stdin" });
    else if (fs.statSync(input).isDirectory()) {
      for (const rel of (fs.readdirSync(input, { recursive: true }) as string[]).sort()) {
        const p = path.join(input, rel);
        if (INPUT_EXT.test(rel) && !rel.endsWith(".gold.txt") && fs.statSync(p).isFile()) files.push({ path: p, name: rel });
      }
    } else files.push({ path: input, name: path.basename(input) });
  }
  return files;
}

/** The explain listing: one line per input line, kept or removed with category and reason. */
export function explainText(r: CleanResult): string {
  const mark = { body: "+", title: "T", meta: "M", boilerplate: "-" } as const;
  return (r.lines ?? [])
    .map((l) => `${mark[l.label]} ${l.text}${l.label === "boilerplate" ? `    # ${l.category}: ${l.reason}` : ""}`)
    .join("\n");
}

function render(r: CleanResult, args: CleanArgs, name: string): string {
  if (args.json) return JSON.stringify({ file: name, ...r });
  if (args.explain) return `${explainText(r)}\n# confidence ${r.confidence.toFixed(3)}${r.lowConfidence ? " (low)" : ""}, ${r.stats.removedLines} of ${r.stats.lines} lines removed`;
  return r.markdown ?? r.text;
}

/**
 * Clean every input, in order; returns how many failed. Errors go to stderr, output to stdout or
 * --out. Site templates are kept in memory for the run: with siteTemplate "learn", each input is
 * learned into its site's template after it is cleaned, and the inputs after it are cleaned with it.
 */
export async function runClean(args: CleanArgs, stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): Promise<number> {
  const files = listInputs(args.inputs);
  if (args.out) fs.mkdirSync(args.out, { recursive: true });
  const deps = cliDeps();
  let failed = 0;
  for (const f of files) {
    try {
      // Read as the API reads a text body: a byte-order mark or UTF-16's NULs say, else UTF-8; not
      // text at all, it fails.
      const content = decodeText(fs.readFileSync(f.path === "-" ? 0 : f.path), undefined, { what: "the input", how: "files are read as UTF-8 unless they start with a byte-order mark or are UTF-16" });
      // As the API answers 400 no_text: an empty input is a failed one, not an empty body.
      if (!/\S/.test(content)) throw new HttpError(400, "no_text", "no text to clean: the input is empty or only white space");
      // A .md file is Markdown unless --format says otherwise.
      const options = { ...(MARKDOWN_EXT.test(f.path) && { format: "markdown" }), ...args.options, ...(args.explain && { explain: true }) };
      const r = await cleanOnSite({ kind: kindOf(content, options), content, options }, deps);
      const text = render(r, args, f.name) + "\n";
      if (args.out) {
        const target = path.join(args.out, f.name.replace(INPUT_EXT, "") + (args.json ? ".json" : r.markdown !== undefined ? ".md" : ".txt"));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, text);
      } else {
        if (files.length > 1 && !args.json) stdout.write(`==> ${f.name} <==\n`);
        stdout.write(text);
      }
    } catch (err) {
      failed++;
      const message = (err as NodeJS.ErrnoException).code ? (err as Error).message : toErrorBody(err).error.message;
      stderr.write(`boilerstrip: ${f.path === "-" ? "stdin" : f.path}: ${message}\n`);
    }
  }
  return failed;
}
