// The corpus's pages as a Markdown scraper hands them over, for `npm run eval`'s markdown column:
// turndown (the HTML-to-Markdown converter Jina Reader and many crawlers build on) over the
// page's <body>, with what no reader sees (scripts, styles, templates, inline SVG, frames) left
// out, ATX headings, "-" bullets and fenced code. No main-content step: like page_text, the whole
// page, its menus and footers too.
import TurndownService from "turndown";
import { looksLikeMarkdown } from "../core/markdown.ts";

const converter = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", codeBlockStyle: "fenced" });
converter.remove(["script", "style", "noscript", "template", "svg", "iframe", "head"] as unknown as TurndownService.Filter);

const BODY_RE = /<body[^>]*>([\s\S]*)<\/body>/i;

/** The page as Markdown; "" when turndown fails on it. */
export function pageMarkdown(html: string): string {
  const body = BODY_RE.exec(html)?.[1] ?? html;
  try {
    return converter.turndown(body);
  } catch {
    return "";
  }
}

/** How often format "auto" reads an input as Markdown: every Markdown page should be; no scraped text. */
export class MarkdownSniffTally {
  markdown = 0;
  markdownRead = 0;
  text = 0;
  textRead: string[] = [];

  add(markdown: string, texts: Record<string, string>, id: string): void {
    this.markdown++;
    if (looksLikeMarkdown(markdown)) this.markdownRead++;
    for (const [kind, t] of Object.entries(texts)) {
      this.text++;
      if (looksLikeMarkdown(t)) this.textRead.push(`${id}:${kind}`);
    }
  }

  line(): string {
    const pct = (a: number, b: number) => `${((100 * a) / (b || 1)).toFixed(1)} %`;
    return `markdown sniffing (format "auto"): ${this.markdownRead} of ${this.markdown} Markdown pages read as Markdown (${pct(this.markdownRead, this.markdown)}); ` +
      `${this.textRead.length} of ${this.text} page_text/loose_text inputs taken for Markdown${this.textRead.length ? ` (${this.textRead.slice(0, 6).join(", ")})` : ""}`;
  }
}
