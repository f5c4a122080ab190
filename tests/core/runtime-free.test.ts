// The core must run unchanged in Node, workerd and a browser: no node:*, hono, jsdom or linkedom
// anywhere in what src/core imports, directly or through another file.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/eval/corpus.ts";

const FORBIDDEN = /^(node:|hono|@hono\/|jsdom|linkedom|fs$|path$|os$|crypto$|child_process$)/;
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: string): string[] {
  const src = fs.readFileSync(file, "utf8");
  return [...src.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
}

/** Every module reachable from `entry`, with the bare (package) imports found on the way. */
function closure(entry: string): { files: Set<string>; bare: Map<string, string> } {
  const files = new Set<string>();
  const bare = new Map<string, string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    for (const spec of importsOf(f)) {
      if (spec.startsWith(".")) {
        const target = path.resolve(path.dirname(f), spec);
        if (target.endsWith(".ts")) todo.push(target);
      } else bare.set(spec, path.relative(REPO_ROOT, f));
    }
  }
  return { files, bare };
}

describe("runtime-free core", () => {
  const coreDir = path.join(REPO_ROOT, "src", "core");
  const entries = fs.readdirSync(coreDir).filter((f) => f.endsWith(".ts")).map((f) => path.join(coreDir, f));

  it("finds the core's modules", () => {
    expect(entries.length).toBeGreaterThan(5);
    expect(closure(path.join(coreDir, "clean.ts")).files.size).toBeGreaterThan(5);
  });

  for (const entry of entries) {
    it(`${path.relative(REPO_ROOT, entry)} imports nothing runtime-specific`, () => {
      const { bare } = closure(entry);
      const bad = [...bare].filter(([spec]) => FORBIDDEN.test(spec));
      expect(bad, `forbidden imports: ${bad.map(([s, f]) => `${s} (in ${f})`).join(", ")}`).toEqual([]);
    });
  }

  it("the detector catches a forbidden import", () => {
    expect(FORBIDDEN.test("node:fs")).toBe(true);
    expect(FORBIDDEN.test("hono")).toBe(true);
    expect(FORBIDDEN.test("linkedom/worker")).toBe(true);
    expect(FORBIDDEN.test("stopwords-iso")).toBe(false);
  });
});
