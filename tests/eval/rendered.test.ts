// The rendered-text view (src/eval/rendered.ts): the page's blocks one a line, a blank line around
// each paragraph and heading, none between list items or the <div>s of a card.
import { describe, expect, it } from "vitest";
import { pageRenderedText } from "../../src/eval/rendered.ts";

describe("pageRenderedText", () => {
  it("sets paragraphs and headings apart and runs lists and cards together", () => {
    const html = `<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
      <article><h1>Sea wall to be rebuilt</h1><p>The council voted on Tuesday.</p><p>Work starts in March.</p>
      <h2>Most read</h2><ol><li>Ferry fares rise</li><li>Library opens on Sundays</li></ol>
      <div class="card"><div>Bus route to the hospital</div><div>3 days ago</div></div>
      <script>var hidden = "not text";</script></article></body></html>`;
    expect(pageRenderedText(html)).toBe([
      "Home", "News", "", "Sea wall to be rebuilt", "", "The council voted on Tuesday.", "", "Work starts in March.", "",
      "Most read", "", "Ferry fares rise", "Library opens on Sundays", "Bus route to the hospital", "3 days ago",
    ].join("\n"));
  });
  it("is empty for a page without text", () => {
    expect(pageRenderedText("<html><body><img src=x><script>x()</script></body></html>")).toBe("");
  });
});
