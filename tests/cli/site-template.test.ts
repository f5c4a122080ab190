// Site templates in the CLI, run as a user would: `clean DIR --site-template learn` learns each
// file into its site's template after cleaning it, and `batch --site-template learn` (or a line's
// own options) sends a site's pages, in order, to the one worker that keeps its template. The
// pages are the HTTP cases' (tests/http/site-cases.ts): an appeal the model keeps on a page of its
// own, on every page of the site, is removed from the third page on.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SiteRouter } from "../../src/cli/batch.ts";
import { APPEAL, ARTICLES, sitePage } from "../http/site-cases.ts";
import { runCli } from "./run.ts";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-site-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const REASON = /^on \d of the last \d pages learned from this site: part of its template/;

describe("boilerstrip clean --site-template", () => {
  it("learns the files of a directory in order: the appeal all of them carry leaves the third and fourth", async () => {
    const pages = path.join(dir, "pages");
    fs.mkdirSync(pages);
    for (let k = 0; k < 4; k++) fs.writeFileSync(path.join(pages, `${k}.txt`), sitePage(k));
    const learn = await runCli(["clean", "--json", "--site", "harbour-gazette.example", "--site-template", "learn", pages]);
    expect(learn.code).toBe(0);
    const out = learn.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { file: string; text: string; removed: { text: string; reason: string }[] });
    expect(out.map((o) => o.file)).toEqual(["0.txt", "1.txt", "2.txt", "3.txt"]);
    for (const [k, o] of out.entries()) {
      for (const p of ARTICLES[k]) expect(o.text).toContain(p);
      expect(o.text.includes(APPEAL)).toBe(k < 2);
      if (k >= 2) expect(o.removed.find((r) => r.text === APPEAL)?.reason).toMatch(REASON);
    }
    // Without learn (the default "use"), nothing is learned: every file keeps it.
    const use = await runCli(["clean", "--json", "--site", "harbour-gazette.example", pages]);
    for (const l of use.stdout.trimEnd().split("\n")) expect((JSON.parse(l) as { text: string }).text).toContain(APPEAL);
    const bad = await runCli(["clean", "--site-template", "always", pages]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--site-template must be use, learn or off");
  });
});

describe("boilerstrip batch --site-template", () => {
  // Two sites' pages, in runs of two (a, a, b, b, ...), and a page with no site between them.
  const order: [string | null, number][] = [["a", 0], ["a", 1], ["b", 0], ["b", 1], [null, 0], ["a", 2], ["b", 2], ["b", 3], ["a", 3]];
  const doc = ([site, k]: [string | null, number], extra: Record<string, unknown> = {}) =>
    JSON.stringify({ text: sitePage(k), ...(site && { url: `https://www.${site}-news.example/story/${k}` }), ...extra });

  const check = (stdout: string) => {
    const out = stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { index: number; text: string; removed: { text: string; reason: string }[] });
    expect(out.map((o) => o.index)).toEqual(order.map((_, i) => i));
    for (const [i, [site, k]] of order.entries()) {
      expect(out[i].text.includes(APPEAL), `line ${i}: site ${site}, page ${k}`).toBe(site === null || k < 2);
      if (site && k >= 2) expect(out[i].removed.find((r) => r.text === APPEAL)?.reason).toMatch(REASON);
    }
  };

  it("with --site-template learn, each site's pages learn in order on 3 workers", async () => {
    const input = path.join(dir, "learn.jsonl");
    fs.writeFileSync(input, order.map((o) => doc(o)).join("\n") + "\n");
    const r = await runCli(["batch", "--jobs", "3", "--site-template", "learn", input]);
    expect(r.code).toBe(0);
    check(r.stdout);
  });

  it("a line's own options.siteTemplate learn does the same", async () => {
    const r = await runCli(["batch", "--jobs", "3", "-"], { input: order.map((o) => doc(o, { options: { siteTemplate: "learn" } })).join("\n") + "\n" });
    expect(r.code).toBe(0);
    check(r.stdout);
  });
});

describe("SiteRouter", () => {
  it("parses no line until a page is to be learned, then pins every page with a site to its site", () => {
    const r = new SiteRouter({});
    expect(r.pin(JSON.stringify({ text: "x", url: "https://a.example/1" }))).toBeNull();
    expect(r.pin(JSON.stringify({ text: "x", url: "https://www.a.example/2", options: { siteTemplate: "learn" } }))).toBe("a.example");
    expect(r.pin(JSON.stringify({ text: "x", url: "https://a.example/3" }))).toBe("a.example");
    expect(r.pin(JSON.stringify({ text: "x", site: "B.example", url: "https://a.example/3" }))).toBe("b.example");
    expect(r.pin(JSON.stringify({ text: "x", url: "https://a.example/4", options: { siteTemplate: "off" } }))).toBeNull();
    expect(r.pin(JSON.stringify({ text: "x" }))).toBeNull();
    expect(r.pin("{broken")).toBeNull();
    expect(r.pin("[1, 2]")).toBe(null);
    expect(new SiteRouter({ siteTemplate: "learn", site: "c.example" }).pin(JSON.stringify({ text: "x" }))).toBe("c.example");
  });
});
