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
});
