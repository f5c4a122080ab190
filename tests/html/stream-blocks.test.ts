// The fast engine's streaming segmenter against the DOM walker: the same blocks on the fixture
// page, the same metadata, an element table a region can be chosen from, hostile markup read in
// bounded work. (That it runs no script and fetches nothing: tests/html/dom-contract.test.ts.)
import { describe, expect, it } from "vitest";
import { chooseRegion } from "../../src/core/region.ts";
import { jsdomImpl } from "../../src/dom/jsdom.ts";
import { extractBlocks } from "../../src/html/blocks.ts";
import { readPage } from "../../src/html/read-page.ts";
import { streamPage } from "../../src/html/stream-blocks.ts";
import page from "./fixtures/article.html?raw";

const URL_ = "https://courier.example/news/2025/03/14/story";

describe("streaming segmenter", () => {
  it("gives the DOM walker's blocks on the fixture page: texts, tags, headings, links, landmarks, class tokens", () => {
    const p = jsdomImpl.parse(page, URL_);
    const dom = extractBlocks(p.document.documentElement);
    p.dispose();
    const s = streamPage(page, URL_);
    expect(dom.length).toBeGreaterThan(20);
    expect(s.blocks).toEqual(dom);
  });

  it("reads the metadata Readability and the page give (JSON-LD, meta tags, lang, canonical)", () => {
    const viaDom = readPage(page, jsdomImpl, URL_).meta;
    const s = streamPage(page, URL_).meta;
    for (const k of ["title", "byline", "siteName", "lang", "canonicalUrl"] as const) expect(s[k]).toBe(viaDom[k]);
    expect(s.published).toMatch(/^2025-03-14/);
  });

  it("keeps each block's element so that a subtree holds exactly its blocks", () => {
    const s = streamPage(page, URL_);
    const { parent, tag } = s.elements;
    for (let e = 0; e < parent.length; e++) expect(parent[e]).toBeLessThan(e);
    const article = tag.indexOf("article");
    expect(article).toBeGreaterThanOrEqual(0);
    // Every block scored body inside <article>, boilerplate elsewhere: the region is <article>'s blocks.
    const inside = (el: number) => { for (let e = el; e >= 0; e = parent[e]) if (e === article) return true; return false; };
    const truth = Array.from(s.blockEl, inside);
    const region = chooseRegion({ parent, blockEl: s.blockEl }, s.blocks.map(() => 10), truth.map((x) => (x ? 0.9 : 0.1)));
    expect(Array.from(region, (x) => x === 1)).toEqual(truth);
    expect(truth.filter(Boolean).length).toBeGreaterThan(5);
  });

  it("survives hostile markup in bounded work: deep nesting, stray end tags, unclosed svg, CDATA, NULs", () => {
    const para = "A paragraph that must come through whatever surrounds it on the page.";
    expect(streamPage("<div>".repeat(100_000) + `<p>${para}</p>`).blocks.map((b) => b.text)).toEqual([para]);
    expect(streamPage("<b>".repeat(50_000) + "</i>".repeat(100_000) + `<p>${para}`).blocks.map((b) => b.text)).toEqual([para]);
    expect(streamPage(`<div><svg><path d="M0"><p>${para}</p></div>`).blocks.map((b) => b.text)).toEqual([para]);
    expect(streamPage(`<body><![CDATA[ x ]]><p>${para}</p>`).blocks.map((b) => b.text)).toEqual([para]); // a bogus comment to the first ">", as a browser reads it
    expect(streamPage(`<p>${para}\u0000</p>`).blocks[0].text).toBe(para);
  });

  it("passes over a byline that is a URL, an email or an ID for the next source", () => {
    const byline = (head: string) => streamPage(`<html><head>${head}</head><body><p>Text.</p></body></html>`).meta.byline;
    expect(byline('<meta property="article:author" content="https://www.facebook.com/courier/">')).toBeUndefined();
    for (const bad of ["https://www.facebook.com/courier/", "maria@courier.example", "262588213843476", "3d23d65-ddc6-4ce5"]) {
      expect(byline(`<meta name="author" content="${bad}"><meta name="parsely-author" content="Maria Jensen">`), bad).toBe("Maria Jensen");
      const jsonLd = `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Maria Jensen"}}</script>`;
      expect(byline(`<meta property="article:author" content="${bad}">${jsonLd}`), bad).toBe("Maria Jensen");
      expect(byline(`<meta name="author" content="Maria Jensen"><script type="application/ld+json">{"@type":"NewsArticle","author":"${bad}"}</script>`), bad).toBe("Maria Jensen");
    }
    expect(byline('<meta name="author" content="By Maria Jensen, staff writer">')).toBe("By Maria Jensen, staff writer");
  });

  it("takes no <svg>'s or <math>'s <title> for the page's title", () => {
    expect(streamPage('<body><svg><title>02-smile</title></svg><math><title>x</title></math><h1>Headline</h1><p>Text.</p></body>').meta.title).toBeUndefined();
    expect(streamPage('<svg><title>Logo</title></svg><title>The page</title><p>Text.</p>').meta.title).toBe("The page");
  });

  it("past 512 open elements still ends a block at each block tag and <br>, and keeps scripts out of the text", () => {
    const paras = ["The council voted on Tuesday.", "Work starts in March.", "Residents applauded.", "A line", "after a break."];
    const rest = `<p>${paras[0]}</p><div>${paras[1]}<script>var hidden = 1;</script></div><h2>${paras[2]}</h2>${paras[3]}<br>${paras[4]}`;
    // Unclosed <font> (a legacy page's habit) and <b> nested deeper than the cap.
    for (const open of ["<font>".repeat(520), "<b>".repeat(600)]) {
      expect(streamPage(`<body>${open}${rest}`).blocks.map((b) => b.text)).toEqual(paras);
    }
    // After a hidden element past the cap closes, the text goes on.
    expect(streamPage(`${"<i>".repeat(520)}<noscript><p>x</p></noscript><p>${paras[0]}</p>`).blocks.map((b) => b.text)).toEqual([paras[0]]);
  });
});
