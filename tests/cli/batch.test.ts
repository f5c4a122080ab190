// `boilerstrip batch` and `serve`, run as a user would: answers in order, one per document, bad
// lines failing alone; a progress bar only on a terminal; the summary at the end.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clean } from "../../src/index.ts";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import { BIN, runCli } from "./run.ts";

const SAMPLES = path.join(REPO_ROOT, "samples");
const texts = fs.readdirSync(SAMPLES).filter((f) => /^\d+_[0-9a-f]+\.txt$/.test(f)).map((f) => fs.readFileSync(path.join(SAMPLES, f), "utf8"));
const N = 40;
// Every seventh line is broken in its own way; the rest are the samples over and over.
const lines = Array.from({ length: N }, (_, i) =>
  i % 7 === 3 ? "{broken" : i % 7 === 5 ? JSON.stringify({ id: `p${i}`, text: "" }) : JSON.stringify({ id: `p${i}`, text: texts[i % texts.length] }),
);
const bad = lines.filter((_, i) => i % 7 === 3 || i % 7 === 5).length;

let dir: string;
let input: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-batch-"));
  input = path.join(dir, "in.jsonl");
  fs.writeFileSync(input, lines.join("\n") + "\n\n");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("boilerstrip batch", () => {
  it("writes one answer per document in input order on 2 workers, errors inline, summary on stderr, no progress bar off a terminal", async () => {
    const r = await runCli(["batch", "--jobs", "2", input]);
    expect(r.code).toBe(1); // some documents failed
    const out = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(out.length).toBe(N);
    for (const [i, o] of out.entries()) {
      expect(o.index).toBe(i);
      if (i % 7 === 3) expect(o.error.code).toBe("invalid_json");
      else if (i % 7 === 5) expect(o).toMatchObject({ id: `p${i}`, error: { code: "no_text" } });
      else expect(o).toMatchObject({ id: `p${i}`, text: clean(texts[i % texts.length]).text });
    }
    expect(r.stderr).not.toContain("\r");
    const m = r.stderr.match(/pages (\d+), failed (\d+), mean confidence (\d\.\d+), below 0.5: (\d+);.*2 workers/);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(N);
    expect(Number(m![2])).toBe(bad);
    const ok = out.filter((o) => !o.error);
    expect(Number(m![3])).toBeCloseTo(ok.reduce((s, o) => s + o.confidence, 0) / ok.length, 3);
    expect(Number(m![4])).toBe(ok.filter((o) => o.confidence < 0.5).length);
  });

  it("reads stdin, writes -o FILE, exits 0 when every document is cleaned", async () => {
    const good = lines.filter((_, i) => i % 7 !== 3 && i % 7 !== 5).join("\n");
    const outFile = path.join(dir, "out.jsonl");
    const r = await runCli(["batch", "-o", outFile, "--preference", "recall", "-"], { input: good });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const out = fs.readFileSync(outFile, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(out.map((o) => o.text)).toEqual(good.split("\n").map((l) => clean(JSON.parse(l).text, { preference: "recall" }).text));
  });

  it("draws a progress bar on stderr when it is a terminal (a pseudo-terminal from util-linux script)", async () => {
    const outFile = path.join(dir, "tty.jsonl");
    const cmd = [process.execPath, BIN, "batch", "-o", outFile, input].map((a) => `'${a}'`).join(" ");
    const r = spawnSync("script", ["-qec", cmd, "/dev/null"], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toMatch(new RegExp(`\\r\\[#+\\]\\s+100% ${N} pages, ${bad} failed`));
    expect(r.stdout).toContain(`pages ${N}, failed ${bad}`);
    expect(fs.readFileSync(outFile, "utf8").trimEnd().split("\n").length).toBe(N);
  });
});

describe("boilerstrip serve", () => {
  it("serves the API on the port given", async () => {
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--host", "127.0.0.1"], { cwd: REPO_ROOT });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = "";
        child.stderr.setEncoding("utf8").on("data", (d: string) => {
          err += d;
          const m = err.match(/listening on (http:\/\/\S+) /);
          if (m) resolve(m[1]);
        });
        child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
      });
      const health = (await (await fetch(url + "/healthz")).json()) as { status: string };
      expect(health.status).toBe("ok");
    } finally {
      child.kill("SIGTERM");
    }
  });
});
