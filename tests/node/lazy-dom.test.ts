// The Node server's own thread never loads jsdom and Readability (src/dom/node-lazy.ts): start-up,
// text and the fast HTML engine leave them unloaded, and the Readability engine's page is read on
// the page-reading thread (src/node/read-thread.ts), which loads them there on its first page.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { REPO_ROOT } from "../../src/eval/corpus.ts";

it("jsdom and Readability never load on the server's thread, the Readability engine's pages included", () => {
  const probe = path.join(REPO_ROOT, "tests", "node", "lazy-dom-probe.ts");
  const out = execFileSync(process.execPath, ["--import", "tsx", probe], { cwd: REPO_ROOT, encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
  const steps = JSON.parse(out.trim().split("\n").pop()!) as { name: string; status?: number; text?: string; jsdom: boolean; readability: boolean }[];
  const at = (name: string) => steps.find((s) => s.name === name)!;
  for (const name of ["start", "text", "html, fast engine"]) expect(at(name), name).toMatchObject({ jsdom: false, readability: false });
  expect(at("text")).toMatchObject({ status: 200, text: expect.stringContaining("library open on Sundays") });
  expect(at("html, fast engine")).toMatchObject({ status: 200, text: expect.stringContaining("mobile library") });
  expect(at("html, Readability engine")).toMatchObject({ status: 200, text: expect.stringContaining("mobile library"), jsdom: false, readability: false });
}, 60_000);
