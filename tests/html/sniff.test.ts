// Text that is really HTML (src/html/sniff.ts): what a page or a fragment starts with.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import { looksLikeHtml } from "../../src/html/sniff.ts";

describe("looksLikeHtml", () => {
  it("takes pages, XHTML with an XML declaration, and fragments of a few tags", () => {
    expect(looksLikeHtml("<!doctype html><html><body><p>One.</p></body></html>")).toBe(true);
    expect(looksLikeHtml('<?xml version="1.0" encoding="utf-8"?>\n<!-- generated -->\n<HTML><BODY><P>Hello there.</P></BODY></HTML>')).toBe(true);
    expect(looksLikeHtml('<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>')).toBe(true);
    expect(looksLikeHtml("<p>The council voted on Tuesday.</p><p>Work starts in March.</p>")).toBe(true);
  });
  it("does not take an XML feed, text quoting a tag, or the samples", () => {
    expect(looksLikeHtml('<?xml version="1.0"?><rss version="2.0"><channel><item>Feed</item></channel></rss>')).toBe(false);
    const rss = '<?xml version="1.0"?>\n<!-- generator -->\n<rss version="2.0"><channel><title>Harbour Times</title><link>https://x.example/</link><item><title>Sea wall vote</title><link>https://x.example/1</link></item><item><title>Ferry fares</title></item></channel></rss>';
    expect(looksLikeHtml(rss)).toBe(false);
    expect(looksLikeHtml('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>B</title></entry><entry><title>C</title></entry></feed>')).toBe(false);
    expect(looksLikeHtml('<?xml version="1.0"?><!-- Created with Inkscape --><svg xmlns="http://www.w3.org/2000/svg"><title>Logo</title><a href="#"><text>x</text></a></svg>')).toBe(false);
    expect(looksLikeHtml("<br> is the line-break tag; the council voted on Tuesday.")).toBe(false);
    expect(looksLikeHtml("The council voted <p> on Tuesday.")).toBe(false);
    const dir = path.join(REPO_ROOT, "samples");
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".txt"))) expect(looksLikeHtml(fs.readFileSync(path.join(dir, f), "utf8")), f).toBe(false);
  });

  // A page's body contents (document.body.innerHTML) as scrapers save it: what opens it before
  // the structure filled the 1,024 characters sniffing read.
  const BODY = '<header><nav><ul><li><a href="/">Home</a></li></ul></nav></header>\n<main><article><h1>Flood defences approved</h1><p>The council voted on Tuesday.</p></article></main>';
  const CSS = ".site-header{display:flex;align-items:center}\n".repeat(60);
  it("takes body contents opening with a long <style>, <script>, tag manager <noscript>, icon sprite, comments, or long attributes and whitespace", () => {
    expect(looksLikeHtml(`<style>${CSS}</style>\n${BODY}`)).toBe(true);
    expect(looksLikeHtml(`<div class="page-wrapper"><div class="global-styles"><style>${CSS}</style></div>${BODY}</div>`)).toBe(true);
    expect(looksLikeHtml(`<script>window.__CFG = ${JSON.stringify({ flags: "a".repeat(3000) })};</script>\n<!DOCTYPE html><html><body>${BODY}</body></html>`)).toBe(true);
    expect(looksLikeHtml(`<noscript><iframe src="https://tags.example/ns.html?id=GTM-1" height="0" width="0" style="display:none"></iframe></noscript>\n${BODY}`)).toBe(true);
    expect(looksLikeHtml(`<svg style="display:none">${'<symbol id="i"><path d="M21,12c-.1-4.9-4.1-8.9-9-8.9"/></symbol>'.repeat(40)}</svg>${BODY}`)).toBe(true);
    expect(looksLikeHtml(`<!-- ${"build info ".repeat(150)} -->\n${BODY}`)).toBe(true);
    const attr = JSON.stringify({ locator: "x".repeat(2000) }).replaceAll('"', "&quot;");
    expect(looksLikeHtml(`${" ".repeat(500)}<div id="app">${" ".repeat(600)}<section id="main">${" ".repeat(600)}<app-config :config="${attr}"></app-config>\n${" ".repeat(300)}<div class="row">`)).toBe(true);
  });

  it("still does not take prose, Markdown, a feed or an SVG that open with a tag or comment, and stops within its bound", () => {
    expect(looksLikeHtml(`<!-- converted by crawler v2 -->\n# Flood defences approved\n\nUse <div> and <p> for blocks, <span> inline.`)).toBe(false);
    expect(looksLikeHtml(`<b>Note:</b> ${"The council voted on Tuesday to spend money on flood defences. ".repeat(20)} Quote <p>, <div> and <br> as you like.`)).toBe(false);
    expect(looksLikeHtml('<rss version="2.0"><channel><title>Harbour Times</title><item><title>Sea wall vote</title></item><item><title>Ferry fares</title></item></channel></rss>')).toBe(false);
    expect(looksLikeHtml('<svg xmlns="http://www.w3.org/2000/svg"><title>Logo</title><a href="#"><text>x</text></a><a href="#"><text>y</text></a></svg>')).toBe(false);
    // A <style> that does not end within the bound, and a page whose structure lies past it.
    expect(looksLikeHtml(`<style>${CSS.repeat(500)}`)).toBe(false);
    expect(looksLikeHtml(`<style>${CSS.repeat(500)}</style>${BODY}`)).toBe(false);
  });
});
