// How well the service finds the page's title (issue 3: title and metadata returned apart from the
// body). Per input kind, on articles whose input holds a line that is the page's title (the
// corpus' page title, matched as the trainer matches it; for HTML, a line of the page's visible
// text): how many got a title back, how many of those are that title, and how many are it word for
// word (the same tokens in the same order: no site name left on, no word missing).
import { tokenize } from "./score.ts";
import { isTitleLine, titleTokens } from "../train/dataset.ts";

export interface TitleCounts { pages: number; returned: number; right: number; exact: number; otherReturned: number }

export class TitleTally {
  readonly byKind = new Map<string, TitleCounts>();

  /** One article's input and the title the system returned for it. */
  add(kind: string, input: string, pageTitle: string | undefined, returned: string | undefined): void {
    const want = titleTokens(pageTitle);
    if (!want.size) return;
    const c = this.byKind.get(kind) ?? { pages: 0, returned: 0, right: 0, exact: 0, otherReturned: 0 };
    this.byKind.set(kind, c);
    const present = input.split("\n").some((line) => isTitleLine(line, want));
    if (!present) { if (returned) c.otherReturned++; return; }
    c.pages++;
    if (!returned) return;
    c.returned++;
    if (isTitleLine(returned, want)) c.right++;
    if (tokenize(returned).join(" ") === tokenize(pageTitle!).join(" ")) c.exact++;
  }

  lines(): string {
    const out = ["title, articles whose input holds the page title (precision = right / returned, recall = right / pages; exact: word for word):"];
    for (const [kind, c] of this.byKind) {
      const p = c.returned ? c.right / c.returned : 0, r = c.pages ? c.right / c.pages : 0;
      out.push(`  ${kind.padEnd(19)} pages ${c.pages}, returned ${c.returned}, right ${c.right} (exact ${c.exact}): precision ${p.toFixed(3)}, recall ${r.toFixed(3)}; a title returned on ${c.otherReturned} articles without one`);
    }
    return out.join("\n");
  }
}
