// One contract, both DOMs: jsdom (Node) and linkedom (the Worker) must give HTML mode the same
// blocks, the same Readability verdicts and the same result, run no script and fetch nothing.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveOptions } from "../../src/core/options.ts";
import { jsdomImpl, linkedomImpl } from "../../src/dom/node.ts";
import { extractBlocks, FLAG } from "../../src/html/blocks.ts";
import { cleanHtml, cleanReadPage } from "../../src/html/clean-page.ts";
import type { DomImpl } from "../../src/html/dom.ts";
import { readPage } from "../../src/html/read-page.ts";
import { defaultFastHtmlModel, defaultHtmlModel, defaultModel } from "../../src/model/index.ts";
import page from "./fixtures/article.html?raw";

const DOMS: DomImpl[] = [jsdomImpl, linkedomImpl];
const URL_ = "https://courier.example/news/2025/03/14/story";
const ARTICLE = [
  "Work began on Monday to rebuild the stretch of sea wall",
  "The old wall, built in the 1950s",
  "We were lucky that nobody was hurt",
  "The new wall will be a metre higher",
  "The council has agreed to cover a third of the cost",
  "Construction is expected to take eight months",
];
const JUNK = ["Sign up for our free morning newsletter", "Most read", "Local bakery wins national award", "We use cookies", "All rights reserved", "Share on Facebook", "Opinion"];

const clean = (html: string, dom: DomImpl, url = URL_) =>
  cleanHtml(html, resolveOptions({ url, explain: true, htmlEngine: "readability" }), { dom, model: defaultModel(), htmlModel: defaultHtmlModel() });

describe("the same blocks under jsdom and linkedom", () => {
  const byDom = DOMS.map((d) => {
    const p = d.parse(page, URL_);
    try {
      return extractBlocks(p.document.body);
    } finally {
      p.dispose();
    }
  });

  it("gives identical blocks, tags, flags and link counts", () => {
    expect(byDom[0].length).toBeGreaterThan(20);
    expect(byDom[1]).toEqual(byDom[0]);
  });

  it("splits block elements into lines and never glues paragraphs (unlike textContent)", () => {
    const texts = byDom[1].map((b) => b.text);
    expect(texts.some((t) => t.startsWith("Work began on Monday") && t.endsWith("finished."))).toBe(true);
    expect(texts.some((t) => /finished\.The old wall/.test(t))).toBe(false);
  });

  it("drops hidden elements, scripts and styles, and records landmarks and links", () => {
    const blocks = byDom[0];
    expect(blocks.some((b) => b.text.includes("hidden paragraph"))).toBe(false);
    expect(blocks.some((b) => b.text.includes("scripts must never run") || b.text.includes(".promo"))).toBe(false);
    const home = blocks.find((b) => b.text === "Home")!;
    expect(home.flags & FLAG.nav).toBeTruthy();
    expect(home.linkChars).toBe(home.text.length);
    const caption = blocks.find((b) => b.text.startsWith("Workers repair"))!;
    expect(caption.flags & FLAG.figure).toBeTruthy();
    expect(caption.tag).toBe("figcaption");
    const h1 = blocks.find((b) => b.text.startsWith("Harbour town"))!;
    expect(h1.heading).toBe(1);
    expect(blocks.find((b) => b.text.startsWith("Sign up for our free"))!.classTokens).toContain("newsletter");
  });
});

describe.each(DOMS.map((d) => [d.name, d] as const))("HTML mode on %s", (_name, dom) => {
  it("Readability (on a clone) marks the article's paragraphs and not the page around them", () => {
    const r = readPage(page, dom, URL_);
    expect(r.readability).toBe("ok");
    const marked = r.blocks.filter((_, i) => r.inArticle[i]).map((b) => b.text);
    for (const a of ARTICLE) expect(marked.some((t) => t.includes(a))).toBe(true);
    expect(marked.some((t) => t === "Home" || t.includes("All rights reserved"))).toBe(false);
    expect(r.meta).toMatchObject({
      title: "Harbour town rebuilds its sea wall after winter storms",
      byline: "Maria Lindqvist",
      siteName: "The Coastal Courier",
      lang: "en",
      canonicalUrl: "https://courier.example/news/2025/03/sea-wall-rebuilt",
    });
    expect(r.meta.published).toMatch(/^2025-03-14/);
  });

  it("keeps every article paragraph, removes the boilerplate with reasons, returns title and byline apart", () => {
    const r = clean(page, dom);
    expect(r.mode).toBe("html");
    expect(r.html).toMatchObject({ dom: dom.name, readability: "ok", path: "readability" });
    for (const a of ARTICLE) expect(r.text).toContain(a);
    for (const j of JUNK) expect(r.text).not.toContain(j);
    expect(r.title).toBe("Harbour town rebuilds its sea wall after winter storms");
    expect(r.text).not.toContain("Harbour town rebuilds");
    expect(r.meta.join(" ")).toContain("Maria Lindqvist");
    const caption = r.removed.find((x) => x.text.startsWith("Workers repair"));
    expect(caption?.category).toBe("caption");
    expect(r.removed.find((x) => x.text.startsWith("Sign up for our free"))?.category).toBe("newsletter");
    for (const x of r.removed) expect(x.reason.length).toBeGreaterThan(10);
    expect(r.confidence).toBeGreaterThan(0.5);
  });

  it("finds the content of pages built loosely: a stray element in <head>, no <html> element", () => {
    const para = `${ARTICLE.join(". ")}.`;
    const stray = `<!DOCTYPE html><html lang=en><head><title>x</title><div class="ad">Advert</div><body class="post"><p>${para}</p></body></html>`;
    const noHtml = `<!DOCTYPE html>\n<head><title>x</title></head>\n<body><div id="banner"><h1>Site</h1></div><p>${para}</p></body>`;
    for (const html of [stray, noHtml]) {
      const r = readPage(html, dom);
      expect(r.blocks.map((b) => b.text)).toContain(para);
      expect(r.blocks.find((b) => b.text === para)!.classTokens).not.toContain("post"); // page-wide classes are not the block's
    }
  });

  it('reads "<![CDATA[" in HTML content as a browser does (a bogus comment to the next ">"), not as a section swallowing the page', () => {
    const para = `${ARTICLE.join(". ")}.`;
    const html = `<!DOCTYPE html><html><head><title>x</title></head><body class="forum">\n<![CDATA[\n<div id="top"></div>\n<div><p>${para}</p><p>Second paragraph of the thread, written by another member.</p></div></body></html>`;
    const r = readPage(html, dom);
    expect(r.blocks.map((b) => b.text)).toEqual([para, "Second paragraph of the thread, written by another member."]);
    // In <svg> a CDATA section is one, and what follows it is read.
    expect(readPage(`<html><body><svg><title><![CDATA[a > b]]></title></svg><p>${para}</p></body></html>`, dom).blocks.map((b) => b.text)).toContain(para);
  });

  it("falls back to the whole body's blocks when Readability finds nothing, and still finds the article", () => {
    const read = readPage(page, dom, URL_);
    const deps = { dom: dom.name, model: defaultModel(), htmlModel: defaultHtmlModel() };
    for (const status of ["null", "error"] as const) {
      const r = cleanReadPage({ ...read, readability: status, inArticle: new Uint8Array(read.blocks.length) }, resolveOptions({ htmlEngine: "readability" }), deps, page.length);
      expect(r.html).toMatchObject({ path: "body", readability: status });
      for (const a of ARTICLE.slice(0, 4)) expect(r.text).toContain(a);
      expect(r.text).not.toContain("All rights reserved");
    }
    expect(clean("<html><body></body></html>", dom)).toMatchObject({ text: "", html: { readability: "null", path: "body" } });
  });

  it("takes no <svg>'s <title> for the page's, and takes the first <h1> for the title of a page that declares none", () => {
    const headline = "Harbour town rebuilds its sea wall after winter storms";
    const body = `<div class="logo"><a href="/"><svg viewBox="0 0 24 24"><title>02-smile</title><path d="M0 0h24v24H0z"/></svg></a></div><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article><h1>${headline}</h1>${ARTICLE.map((a) => `<p>${a}, the council said on Tuesday after a long meeting.</p>`).join("")}</article></main>`;
    expect(readPage(body, dom).meta.title).not.toBe("02-smile");
    expect(clean(body, dom).title).toBe(headline);
    // The fast engine declares none (Readability's title is its lone <h1>).
    const fast = cleanHtml(body, resolveOptions({ htmlEngine: "fast" }), { dom, model: defaultModel(), htmlModel: defaultHtmlModel(), fastHtmlModel: defaultFastHtmlModel() });
    expect(fast.title).toBe(headline);
  });

  it("survives hostile HTML: 10,000-deep nesting, unclosed tags, a 1 MB attribute, NUL bytes", () => {
    const deep = "<html><body>" + "<div>".repeat(10_000) + "<p>" + ARTICLE.join(" and then ") + " which is the deepest paragraph of this page.</p>" + "</div>".repeat(10_000) + "</body></html>";
    const r1 = clean(deep, dom);
    expect(r1.stats.lines).toBe(1);
    const unclosed = "<html><body><div><p>" + "<span><b><i>".repeat(500) + "text without end " + "<table><tr><td>cell".repeat(200);
    expect(() => clean(unclosed, dom)).not.toThrow();
    const attr = `<html><body><p class="${"x".repeat(1 << 20)}">A paragraph with a huge class attribute beside it.</p></body></html>`;
    expect(clean(attr, dom).stats.lines).toBe(1);
    const nul = "<html><body><p>Null\u0000bytes\u0001and\u0008controls in a paragraph.</p></body></html>";
    expect(() => clean(nul, dom)).not.toThrow();
  });
});

describe("no script runs and nothing is fetched", () => {
  let server: http.Server;
  let hits = 0;
  let base = "";
  beforeAll(async () => {
    server = http.createServer((_req, res) => { hits++; res.end("body{}"); });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it.each([...DOMS.map((d) => [d.name, d, "readability"] as const), ["the fast engine", jsdomImpl, "fast"] as const])("%s: subresources and scripts are inert", async (_name, dom, htmlEngine) => {
    const html = `<html><head><link rel="stylesheet" href="${base}/a.css"><script src="${base}/a.js"></script>
      <script>globalThis.__boilerstripRan = true; fetch("${base}/inline");</script></head>
      <body onload="globalThis.__boilerstripRan = true"><img src="${base}/a.png"><iframe src="${base}/frame"></iframe>
      <p>${ARTICLE.join(". ")}.</p><img src="x" onerror="globalThis.__boilerstripRan = true"></body></html>`;
    const r = cleanHtml(html, resolveOptions({ htmlEngine }), { dom, model: defaultModel(), htmlModel: defaultHtmlModel(), fastHtmlModel: defaultFastHtmlModel() });
    expect(r.html?.engine).toBe(htmlEngine);
    await new Promise((r) => setTimeout(r, 300));
    expect(hits).toBe(0);
    expect((globalThis as Record<string, unknown>).__boilerstripRan).toBeUndefined();
  });
});
