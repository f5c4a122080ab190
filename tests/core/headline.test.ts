// The visible headline from the declared title (src/core/headline.ts), alone and through HTML mode
// on both engines and both DOMs: the title returned is the headline the page shows, and that line
// leaves the body.
import { describe, expect, it } from "vitest";
import { headlineLine, TITLE_SEARCH_LINES, withoutSiteName } from "../../src/core/headline.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { jsdomImpl, linkedomImpl } from "../../src/dom/node.ts";
import { cleanHtml } from "../../src/html/clean-page.ts";
import { readPageMeta } from "../../src/html/metadata.ts";
import { streamPage } from "../../src/html/stream-blocks.ts";
import { defaultFastHtmlModel, defaultHtmlModel, defaultModel } from "../../src/model/index.ts";

const HEADLINE = "Harbour town rebuilds its sea wall after winter storms";

describe("headlineLine", () => {
  const lines = ["Menu", "News", HEADLINE, "By Maria Lindqvist", "Work began on Monday to rebuild the wall."];
  const h = [0, 2, 1, 0, 0];

  it("finds a line equal to the declared title, case and spacing aside, heading or not", () => {
    expect(headlineLine(lines, `  ${HEADLINE.toUpperCase()} `)).toBe(2);
    expect(headlineLine(lines, "by  maria lindqvist", h)).toBe(3);
  });

  it("finds the heading most like a declared title that carries the site's name", () => {
    expect(headlineLine(lines, `${HEADLINE} | The Coastal Courier`, h)).toBe(2);
    // Without heading levels only an equal line counts.
    expect(headlineLine(lines, `${HEADLINE} | The Coastal Courier`)).toBe(-1);
  });

  it("takes an <h1> over a heading of another level that is more like the title", () => {
    const two = ["Sea wall rebuilt after winter storms: what it costs", "Sea wall rebuilt after storms", "Text."];
    const title = "Sea wall rebuilt after winter storms: what it costs, and who pays";
    expect(headlineLine(two, title, [2, 1, 0])).toBe(1);
    expect(headlineLine(two, title, [2, 3, 0])).toBe(0);
  });

  it("finds nothing when no heading is like the title, past the first lines, or in a long line", () => {
    expect(headlineLine(lines, "Quarterly earnings beat forecasts at the chip maker", h)).toBe(-1);
    const late = [...Array.from({ length: TITLE_SEARCH_LINES }, (_, i) => `Line ${i}`), HEADLINE];
    expect(headlineLine(late, HEADLINE)).toBe(-1);
    expect(headlineLine(late, `${HEADLINE} | Courier`, late.map((_, i) => (i === TITLE_SEARCH_LINES ? 2 : 0)))).toBe(-1);
    expect(headlineLine(late, HEADLINE, late.map(() => 0))).toBe(-1);
  });

  it("finds an <h1> past the first lines (a page's long header pushes it down), but no other line there", () => {
    const late = [...Array.from({ length: TITLE_SEARCH_LINES + 20 }, (_, i) => `Line ${i}`), HEADLINE];
    expect(headlineLine(late, `${HEADLINE} | Courier`, late.map((_, i) => (i === late.length - 1 ? 1 : 0)))).toBe(late.length - 1);
    const long = `${HEADLINE} ${"and then some more words ".repeat(20)}`;
    expect(headlineLine([long], `${HEADLINE} | Courier`, [1])).toBe(-1);
    expect(headlineLine(lines, "   ", h)).toBe(-1);
  });
});

const PARAGRAPHS = [
  "Work began on Monday to rebuild the stretch of sea wall that collapsed during the February storms, the council said.",
  "The old wall, built in the 1950s, gave way in two places after three nights of gales and high tides along the coast.",
  "Engineers say the new wall will be a metre higher and will be built to withstand the storms expected in coming decades.",
  "The council has agreed to cover a third of the cost, with the rest coming from a national flood defence fund.",
];

// og:title escaped twice, as some CMS themes write it; the <h1> shows the headline without the site.
const page = `<!doctype html><html lang="en"><head>
<title>${HEADLINE} &amp;#8211; The Coastal Courier</title>
<meta property="og:title" content="${HEADLINE} &amp;#8211; The Coastal Courier">
<meta name="author" content="Maria Lindqvist &amp;amp; Tom Berg">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>${HEADLINE}</h1>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}
</article>
<footer>All rights reserved.</footer>
</body></html>`;

describe("HTML mode returns the headline the page shows", () => {
  it("decodes references a page escaped twice in its metadata, under both DOMs and the streaming reader", () => {
    for (const dom of [jsdomImpl, linkedomImpl]) {
      const p = dom.parse(page, "https://courier.example/a");
      try {
        expect(readPageMeta(p.document).title).toBe(`${HEADLINE} – The Coastal Courier`);
        expect(readPageMeta(p.document).byline).toBe("Maria Lindqvist & Tom Berg");
      } finally {
        p.dispose();
      }
    }
    expect(streamPage(page).meta.title).toBe(`${HEADLINE} – The Coastal Courier`);
    // A title that only looks like a reference is left as written.
    expect(streamPage(`<title>AT&amp;T; R&amp;D &amp;c</title><p>Text</p>`).meta.title).toBe("AT&T; R&D &c");
  });

  it("a declared title the page does not show comes back without the site's name", () => {
    const noHeading = `<html><head><title>Council delays the sea wall vote | The Coastal Courier</title><meta property="og:site_name" content="The Coastal Courier"></head>
<body>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</body></html>`;
    const r = cleanHtml(noHeading, resolveOptions({ htmlEngine: "fast" }), { dom: jsdomImpl, model: defaultModel(), htmlModel: defaultHtmlModel(), fastHtmlModel: defaultFastHtmlModel() });
    expect(r.title).toBe("Council delays the sea wall vote");
  });

  const engines = [
    { name: "fast", run: () => cleanHtml(page, resolveOptions({ htmlEngine: "fast", explain: true }), { dom: jsdomImpl, model: defaultModel(), htmlModel: defaultHtmlModel(), fastHtmlModel: defaultFastHtmlModel() }) },
    ...[jsdomImpl, linkedomImpl].map((dom) => ({ name: `readability on ${dom.name}`, run: () => cleanHtml(page, resolveOptions({ htmlEngine: "readability", explain: true }), { dom, model: defaultModel(), htmlModel: defaultHtmlModel() }) })),
  ];
  for (const e of engines) {
    it(`${e.name}: the <h1> is the title, apart from the body, which keeps every paragraph`, () => {
      const r = e.run();
      expect(r.title).toBe(HEADLINE);
      expect(r.lines!.find((l) => l.text.trim() === HEADLINE)?.label).toBe("title");
      expect(r.text).not.toContain(HEADLINE);
      for (const p of PARAGRAPHS) expect(r.text).toContain(p);
    });
  }
});

describe("HTML mode: the declared titles tried in turn, and the title model's headline", () => {
  // JSON-LD's "headline" holding a cut description, as some platforms write it; og:title, <title>
  // and the <h1> agree on the headline.
  const cut = `${PARAGRAPHS[0]} ${PARAGRAPHS[1]}`.slice(0, 150);
  const jsonLd = `<!doctype html><html><head><title>${HEADLINE}</title><meta property="og:title" content="${HEADLINE}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":${JSON.stringify(cut)}}</script></head>
<body><article><h1>${HEADLINE}</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}</article></body></html>`;
  // The <h1> below a header of 80 menu items (past TITLE_SEARCH_LINES blocks); the declared title
  // carries a site's name the page does not declare.
  const menu = Array.from({ length: 80 }, (_, i) => `<li><a href="/s/${i}">Section ${i}</a></li>`).join("");
  const late = `<!doctype html><html><head><title>${HEADLINE} - Coastal Plants and Gardens</title></head>
<body><nav><ul>${menu}</ul></nav><article><h1>${HEADLINE}</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}</article></body></html>`;
  const run = (html: string, engine: "fast" | "readability", dom = jsdomImpl) =>
    cleanHtml(html, resolveOptions({ htmlEngine: engine, explain: true }), { dom, model: defaultModel(), htmlModel: defaultHtmlModel(), fastHtmlModel: defaultFastHtmlModel() });
  const paths = [["fast", jsdomImpl], ["readability", jsdomImpl], ["readability", linkedomImpl]] as const;

  it("a JSON-LD headline the page does not show gives way to og:title, which it does", () => {
    expect(streamPage(jsonLd).meta.title).toBe(cut);
    expect(streamPage(jsonLd).meta.titles).toEqual([cut, HEADLINE]);
    for (const [engine, dom] of paths) {
      const r = run(jsonLd, engine, dom);
      expect(r.title, `${engine} ${dom.name}`).toBe(HEADLINE);
      expect(r.lines!.find((l) => l.text.trim() === HEADLINE)?.label).toBe("title");
    }
  });

  it("a headline past the first blocks (a long menu above it) is the title as the page shows it", () => {
    for (const [engine, dom] of paths) {
      const r = run(late, engine, dom);
      const line = r.lines!.find((l) => l.label === "title");
      // The title returned is the line labelled title, not the declared title with its suffix.
      if (line) expect(r.title, `${engine} ${dom.name}`).toBe(line.text.trim());
      expect(r.title, `${engine} ${dom.name}`).toBe(HEADLINE);
    }
  });
});

describe("withoutSiteName", () => {
  it("drops the part after the last separator when it names the site (og:site_name or the URL's host)", () => {
    expect(withoutSiteName("Top Nine Financial Tips for Working Adults | CBC Bank", "CBC Bank")).toBe("Top Nine Financial Tips for Working Adults");
    expect(withoutSiteName("Healthy Eating Plate • The Nutrition Source", "The Nutrition Source")).toBe("Healthy Eating Plate");
    expect(withoutSiteName("51 Must-Have Electrician Tools for 2025 - FieldEdge", undefined, "https://www.fieldedge.com/blog/tools/")).toBe("51 Must-Have Electrician Tools for 2025");
    expect(withoutSiteName("What is Social Commerce - A guided introduction | Emplifi", "Emplifi")).toBe("What is Social Commerce - A guided introduction");
  });

  it("keeps the title when the last part is not the site's, when there is no separator, or nothing would be left", () => {
    expect(withoutSiteName("Getting to YES: The Anti-Sales Guide | Cynomi", "Help Net Security", "https://www.helpnetsecurity.com/x")).toBe("Getting to YES: The Anti-Sales Guide | Cynomi");
    expect(withoutSiteName("Anti-Sales Guide to Closing Deals", "Sales")).toBe("Anti-Sales Guide to Closing Deals");
    expect(withoutSiteName(" | CBC Bank", "CBC Bank")).toBe(" | CBC Bank");
    expect(withoutSiteName("Prices rise again - TV", "TV")).toBe("Prices rise again - TV");
    expect(withoutSiteName("Prices rise again | Courier", undefined, "not a url")).toBe("Prices rise again | Courier");
  });
});
