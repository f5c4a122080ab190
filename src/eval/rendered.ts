// The corpus's pages as a rendering scraper hands them over: the visible text of the whole page,
// one block per line as page_text has it, but with a blank line around each paragraph and heading
// as a browser's layout leaves a margin there, and none between the items of a list, the cells of
// a table or the <div>s of a card (inscriptis, html2text and a browser's "copy all" give text of
// this shape; so do the samples). The corpus's page_text has no blank lines at all, so without
// this view the model could not learn what they say: that a run of lines with no blank line
// between them is a list or a card, not the article's paragraphs. Used as a training view and
// as `npm run eval`'s rendered column; read by the same streaming segmenter as the fast engine.
import { streamPage } from "../html/stream-blocks.ts";

// The blocks a layout sets apart with a margin: paragraphs, headings, quotes, preformatted text.
const SET_APART: ReadonlySet<string> = new Set(["p", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6"]);

/** The page's visible text with blank lines around its paragraphs and headings; "" when it has none. */
export function pageRenderedText(html: string): string {
  const { blocks } = streamPage(html);
  const out: string[] = [];
  let apart = false;
  for (const b of blocks) {
    const text = b.text.trim();
    if (!text) continue;
    const own = b.heading > 0 || SET_APART.has(b.tag);
    if (out.length && (own || apart)) out.push("");
    out.push(text);
    apart = own;
  }
  return out.join("\n");
}
