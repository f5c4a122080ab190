// No regex may backtrack catastrophically: each hostile line is processed in time proportional
// to its length. The bound is generous (a linear pass over 200 KB takes a few ms); a quadratic
// regex takes seconds on these inputs.
import { describe, expect, it } from "vitest";
import { extractFeatures } from "../../src/core/features.ts";
import fs from "node:fs";
import path from "node:path";
import { clean } from "../../src/core/clean.ts";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import { defaultModel } from "../../src/model/index.ts";
import { regexLiterals, tsFiles } from "./regex-scan.ts";

const N = 200_000;
const HOSTILE: Record<string, string> = {
  "no spaces, many dots": "a.".repeat(N / 2),
  "many @ without a dot": "x@".repeat(N / 2),
  "one long word": "w".repeat(N),
  "digits and separators": "1/2-".repeat(N / 4),
  "separators": " | ".repeat(N / 3),
  "unspaced script": "漢字かな".repeat(N / 4),
  "dots after letters": "ab.".repeat(N / 3),
};

describe("feature regexes on hostile single lines", () => {
  for (const [name, line] of Object.entries(HOSTILE)) {
    it(name, () => {
      const t = performance.now();
      const f = extractFeatures([line, "A normal closing sentence of the page."], 15);
      const ms = performance.now() - t;
      expect(f.dense.length).toBe(2);
      expect(ms).toBeLessThan(2000);
    });
  }
});

// Every regex literal in src/, found by scanning the source (tests/core/regex-scan.ts), so a regex
// added later is tested without anyone listing it. Each is run on long strings of one or two
// repeated units (generic characters, the regex's own literal characters and words, alone, after a
// space and after an opening parenthesis) ending in a character that makes the match fail: the
// shape that drives a backtracking engine to quadratic or exponential time. Linear regexes take
// under 10 ms per string at this length; a quadratic one takes seconds, an exponential one never ends.

const LENGTH = 20_000;
// 250 ms: 25x the slowest linear regex measured at this length on a loaded 2-core machine, and
// below what a quadratic one needs (the caption regex fixed in categorize.ts took 135 ms at
// 20,000 characters on its quadratic alternative and minutes on its exponential one).
const MAX_MS = 250;
const GENERIC = [" ", "a", "A", "1", "漢", "é", "\t", "-", "|", ".", "/", "(", ")", "@", ":", "<", '"', "="];
const SECOND = [" ", "a", "A", "."];

function unitsFor(source: string): string[] {
  const plain = source.replace(/\\[pP]\{[^}]*\}|\\./g, " ");
  const chars = [...new Set([...GENERIC, ...plain.replace(/[\s[\](){}?*+|^$]/g, "")])];
  const words = [...new Set(plain.match(/\p{L}{2,}/gu) ?? [])];
  return [
    ...chars,
    ...chars.flatMap((a) => SECOND.map((b) => a + b)),
    ...words.flatMap((w) => [w, `${w} `, `(${w} `, w.toUpperCase(), `${w[0].toUpperCase()}${w.slice(1)} `]),
  ];
}

describe("every regex in src/ on hostile strings", () => {
  const found = tsFiles(path.join(REPO_ROOT, "src")).map((f) => ({ f: path.relative(REPO_ROOT, f), ...regexLiterals(fs.readFileSync(f, "utf8")) }));
  const all = found.flatMap(({ f, regexes }) => regexes.map((r) => ({ ...r, file: f })));

  it("finds the regexes, and no RegExp() built at run time (which this scan could not test)", () => {
    expect(all.length).toBeGreaterThan(40);
    expect(all.map((r) => r.file)).toContain("src/core/categorize.ts");
    expect(found.filter((x) => x.constructed.length).map((x) => `${x.f}:${x.constructed.join(",")}`)).toEqual([]);
  });

  for (const r of all) {
    it(`${r.file}:${r.line} /${r.source.length > 60 ? r.source.slice(0, 60) + "…" : r.source}/`, () => {
      const re = new RegExp(r.source, r.flags.replace(/[gy]/g, ""));
      const slow: string[] = [];
      for (const u of unitsFor(r.source)) {
        const s = u.repeat(Math.ceil(LENGTH / u.length)) + "\u0001";
        const t = performance.now();
        re.exec(s);
        const ms = performance.now() - t;
        if (ms > MAX_MS) slow.push(`${JSON.stringify(u)}: ${ms.toFixed(0)} ms`);
      }
      expect(slow).toEqual([]);
    });
  }

  it("a removed line of 400 capitals (13 s for 300 with the old exponential credit regex) is cleaned quickly", () => {
    const sample = fs.readFileSync(path.join(REPO_ROOT, "samples", "001_be03bee398530b61.txt"), "utf8");
    const t = performance.now();
    const r = clean(`${sample}\n${"A".repeat(400)}\n`, {}, defaultModel());
    expect(performance.now() - t).toBeLessThan(2_000);
    expect(r.removed.some((x) => x.text.startsWith("AAAA"))).toBe(true);
  });
});
