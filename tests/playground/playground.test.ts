// The playground at / in a real headless Chromium (Debian's, driven by playwright-core) against
// the real Node server: pick a sample, check what the page shows against the API's answer, and
// save a screenshot to reports/playground.png. Also /docs: its "Try it" sends a real request.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import samples from "../../src/http/playground-samples.json" with { type: "json" };
import { clean } from "../../src/index.ts";
import { startServer, type NodeServer } from "../../src/node/server.ts";

const CHROMIUM = process.env.BOILERSTRIP_CHROMIUM ?? "/usr/bin/chromium";
const SHOT = path.join(REPO_ROOT, "reports", "playground.png");

let server: NodeServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ port: 0, host: "127.0.0.1", env: {} });
  // --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("playground", () => {
  it("the bundled samples are the repository's samples, unchanged", () => {
    const dir = path.join(REPO_ROOT, "samples");
    const files = fs.readdirSync(dir).filter((f) => /^\d+_[0-9a-f]+\.txt$/.test(f)).sort();
    expect(samples.map((s) => s.name + ".txt")).toEqual(files);
    for (const s of samples) expect(s.text).toBe(fs.readFileSync(path.join(dir, s.name + ".txt"), "utf8"));
  });

  it("pick a sample: removed lines highlighted beside the kept ones with category and reason, confidence shown", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const external: string[] = [];
    page.on("request", (r) => void (new URL(r.url()).origin !== server.url && external.push(r.url())));
    await page.goto(server.url + "/");
    const sample = samples[1];
    await page.selectOption("#sample", sample.name);
    await page.waitForSelector("#lines:not([hidden]) tbody tr");
    const expected = clean(sample.text, { explain: true });

    expect(await page.inputValue("#input")).toBe(sample.text);
    expect(await page.textContent("#confidence")).toBe(`confidence ${expected.confidence.toFixed(2)}`);
    const removed = await page.$$eval("tr.removed", (rows) =>
      rows.map((r) => ({
        kept: r.querySelector("td.kp")!.textContent,
        category: r.querySelector(".cat")!.textContent,
        reason: r.querySelector(".reason")!.textContent,
        background: getComputedStyle(r.querySelector("td.rm")!).backgroundColor,
      })),
    );
    expect(removed.length).toBe(expected.removed.length);
    expect(removed.length).toBeGreaterThan(0);
    for (const [i, r] of removed.entries()) {
      expect(r.kept).toBe("");
      expect(r.category).toBe(expected.removed[i].category);
      expect(r.reason).toBe(expected.removed[i].reason);
      expect(r.background).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/); // highlighted
    }
    const keptBody = await page.$$eval("tr.body td.kp", (tds) => tds.map((t) => t.textContent));
    expect(keptBody.join("\n")).toBe(expected.text);
    expect(await page.textContent("#body")).toBe(expected.text);

    // Paste text by hand and clean it with another preference.
    await page.fill("#input", samples[3].text);
    await page.selectOption("#preference", "recall");
    await page.click("#run");
    await page.waitForFunction((n) => document.querySelectorAll("#lines tbody tr").length === n, clean(samples[3].text, { explain: true }).lines!.length);
    expect(await page.textContent("#body")).toBe(clean(samples[3].text, { preference: "recall" }).text);

    await page.selectOption("#preference", "balanced");
    await page.selectOption("#sample", sample.name);
    await page.waitForFunction((t) => document.getElementById("body")!.textContent === t, expected.text);
    fs.mkdirSync(path.dirname(SHOT), { recursive: true });
    await page.screenshot({ path: SHOT, fullPage: true });
    expect(fs.statSync(SHOT).size).toBeGreaterThan(10_000);
    expect(external).toEqual([]);
    await page.close();
  });

  it("/docs lists the operations and its Try it sends a real request", async () => {
    const page = await browser.newPage();
    await page.goto(server.url + "/docs");
    await page.waitForSelector(".op");
    const titles = await page.$$eval(".op h2", (hs) => hs.map((h) => h.textContent));
    expect(titles.some((t) => t!.includes("/v1/clean/batch"))).toBe(true);
    const form = page.locator("form").first();
    await form.locator("select[name=type]").selectOption("text/plain");
    await form.locator("button").click();
    await expect.poll(() => form.locator(".out").textContent()).toMatch(/^200 /);
    expect(JSON.parse((await form.locator(".out").textContent())!.replace(/^.*\n/, "")).confidence).toBeGreaterThanOrEqual(0);
    await page.close();
  });
});
