// `boilerstrip clean`, `--help`, exit codes and the script commands, run as a user would.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clean } from "../../src/index.ts";
import { looksLikeHtml } from "../../src/html/sniff.ts";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import { runCli } from "./run.ts";

const SAMPLES = path.join(REPO_ROOT, "samples");
const A = path.join(SAMPLES, "001_be03bee398530b61.txt");
const textA = fs.readFileSync(A, "utf8");

describe("boilerstrip CLI", () => {
  it("--help lists the commands and exits 0; no command or an unknown one is a usage error (2)", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    for (const cmd of ["clean", "batch", "serve", "train", "eval", "bench"]) expect(help.stdout).toMatch(new RegExp(`^  (\\S+ \\| )*${cmd}\\b`, "m"));
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: boilerstrip");
    const unknown = await runCli(["scrub"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'scrub'");
  });

  it("clean FILE prints the body the library returns; --json the whole result", async () => {
    const plain = await runCli(["clean", A]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(clean(textA).text + "\n");
    const json = await runCli(["clean", "--json", "--site", "example.org", A]);
    const r = JSON.parse(json.stdout);
    expect(r.file).toBe(path.basename(A));
    expect(r.text).toBe(clean(textA).text);
    expect(r.confidence).toBeCloseTo(clean(textA).confidence, 6);
  });

  it("an empty input fails (exit 1) with its reason, as the API's no_text; the others are still cleaned", async () => {
    const r = await runCli(["clean", "-", A], { input: "  \n\t\n" });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("boilerstrip: stdin: no text to clean: the input is empty or only white space\n");
    expect(r.stdout).toContain(clean(textA).text);
  });

  it("a binary file fails (exit 1) as the API's 415, instead of being cleaned into an \"article\" of garbage; the others are still cleaned", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-cli-"));
    try {
      let x = 7;
      const bin = path.join(dir, "image.txt");
      fs.writeFileSync(bin, Uint8Array.from({ length: 8192 }, () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 16) & 0xff));
      const r = await runCli(["clean", bin, A]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^boilerstrip: .*image\.txt: the input is not text: \d+ % of its first \d+ characters .*files are read as UTF-8/);
      expect(r.stdout).toContain(clean(textA).text);
      // A UTF-16 file with its byte-order mark is text, read as the API reads it.
      const u16 = path.join(dir, "utf16.txt");
      fs.writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(textA, "utf16le")]));
      const r16 = await runCli(["clean", u16]);
      expect(r16.code).toBe(0);
      expect(r16.stdout.trimEnd()).toBe(clean(textA).text);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("clean - reads stdin; --explain lists every line with a mark, removed ones with category and reason", async () => {
    const r = await runCli(["clean", "--explain", "-"], { input: textA });
    expect(r.code).toBe(0);
    const expected = clean(textA, { explain: true });
    const listed = r.stdout.trimEnd().split("\n");
    expect(listed.length).toBe(expected.lines!.length + 1);
    const removed = listed.filter((l) => l.startsWith("- "));
    expect(removed.length).toBe(expected.removed.length);
    for (const [i, l] of removed.entries()) expect(l).toBe(`- ${expected.removed[i].text}    # ${expected.removed[i].category}: ${expected.removed[i].reason}`);
    expect(listed.at(-1)).toMatch(/^# confidence \d\.\d{3}/);
  });

  it("clean DIR --out DIR writes one file per input; a bad option value is a usage error", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "bs-cli-"));
    try {
      const r = await runCli(["clean", SAMPLES, "--out", out]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("");
      const inputs = fs.readdirSync(SAMPLES).filter((f) => /^\d+_[0-9a-f]+\.txt$/.test(f));
      expect(fs.readdirSync(out).sort()).toEqual(inputs.sort());
      for (const f of inputs) expect(fs.readFileSync(path.join(out, f), "utf8")).toBe(clean(fs.readFileSync(path.join(SAMPLES, f), "utf8")).text + "\n");
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
    const bad = await runCli(["clean", "--preference", "most", A]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--preference");
    const missing = await runCli(["clean", path.join(SAMPLES, "nope.txt")]);
    expect(missing.code).toBe(2);
  });

  it("clean reads a .md file as Markdown (its body printed as sent, NAME.md under --out); --format text reads it as it is", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-cli-md-"));
    try {
      // Sample A as Markdown: its short lines menu links, a heading on top. One link alone is not
      // enough for format "auto" to take a text for Markdown: the .md name decides.
      const md = `# ${textA.split("\n")[0]}\n\n` + textA.split("\n").slice(1).map((l) => (l.trim() && l.split(" ").length <= 4 ? `- ${l}` : l)).join("\n").replace("Sign up for our free weekly newsletter", "[Sign up for our free weekly newsletter](https://x.example/nl)");
      const file = path.join(dir, "a.md");
      fs.writeFileSync(file, md);
      const want = clean(md, { format: "markdown" });
      expect(want.markdown).toBeDefined();
      const r = await runCli(["clean", file]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(want.markdown + "\n");
      const out = path.join(dir, "out");
      expect((await runCli(["clean", dir, "--out", out])).code).toBe(0);
      expect(fs.readdirSync(out)).toEqual(["a.md"]);
      const asText = await runCli(["clean", "--json", "--format", "text", file]);
      expect(JSON.parse(asText.stdout).markdown).toBeUndefined();
      expect((await runCli(["clean", "--format", "rtf", file])).code).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("clean sniffs HTML and sends it as HTML, not as text", async () => {
    const page = "<!doctype html><html><body><p>First paragraph of the article.</p><p>Second one.</p></body></html>";
    expect(looksLikeHtml(page)).toBe(true);
    for (const f of fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".txt"))) expect(looksLikeHtml(fs.readFileSync(path.join(SAMPLES, f), "utf8"))).toBe(false);
    const r = await runCli(["clean", "--json", "-"], { input: page });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).mode).toBe("html");
  });

  it("eval, train and bench run their scripts with the options passed through: --help, and a bad option a usage error", async () => {
    for (const [command, option] of [["eval", "--limit"], ["train", "--trees"], ["bench", "--only"]]) {
      const help = await runCli([command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(option);
      const bad = await runCli([command, "--no-such-option"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/Unknown option '--no-such-option'\nusage: npm run /);
      expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });
});
