// The benchmark's own checks beside the token scores: each corpus page lists snippets its body
// must hold (meta.with: sentences of the article) and snippets it must not (meta.without: menu
// items, sign-up prompts, author boxes). Per system and input kind: the share of `with` snippets
// the output keeps ("never drops real article text") and of `without` snippets it leaves in
// ("leaves no junk"), on articles and on all pages.
//
// A snippet is matched on the scorer's tokens (score.ts: lower-cased letter and digit runs), as a
// run of whole tokens. One of fewer than SNIPPET_MIN_RUN_TOKENS tokens ("Home", "Join now") is
// matched only as a whole line: such words occur in prose too. Only snippets a system could get
// right count: a `with` snippet that the gold holds and the input holds (7 % of them are not in
// the page's visible text, and two thirds of those not in the gold either: the benchmark took them
// from other text), a `without` snippet that the input holds. HTML kinds' input is the page's
// visible text (page_text).
import { tokenize } from "./score.ts";

// Set by hand, not tuned: a three-word run ("Order Now today") is rarely prose's by chance.
const SNIPPET_MIN_RUN_TOKENS = 3;

export interface SnippetCounts { with: number; withKept: number; without: number; withoutLeft: number }

const empty = (): SnippetCounts => ({ with: 0, withKept: 0, without: 0, withoutLeft: 0 });
const norm = (t: string) => tokenize(t).join(" ");

/** A text's lines and whole text as token runs, for `holds`. */
interface Tokens { lines: Set<string>; joined: string }

function tokensOf(text: string): Tokens {
  const keys = text.split("\n").map(norm);
  return { lines: new Set(keys), joined: ` ${keys.filter((l) => l).join(" ")} ` };
}

function holds(t: Tokens, snippet: string): boolean {
  const toks = tokenize(snippet);
  if (!toks.length) return false;
  const s = toks.join(" ");
  return toks.length < SNIPPET_MIN_RUN_TOKENS ? t.lines.has(s) : t.joined.includes(` ${s} `);
}

export class SnippetTally {
  /** Keyed "system kind", then "article" or "all". */
  readonly counts = new Map<string, { article: SnippetCounts; all: SnippetCounts }>();
  private page: { type: string; byInput: Map<string, { with: string[]; without: string[] }>; inputs: Record<string, string>; snippets: { with?: string[]; without?: string[] }; gold: Tokens } | null = null;

  /** The page whose outputs `add` counts next: its snippets, gold and inputs (by kind; HTML kinds read page_text). */
  startPage(pageType: string, snippets: { with?: string[]; without?: string[] }, gold: string, inputs: Record<string, string>): void {
    this.page = snippets.with?.length || snippets.without?.length ? { type: pageType, byInput: new Map(), inputs, snippets, gold: tokensOf(gold) } : null;
  }

  /** The snippets that count for outputs made from `kind`'s input (made once per page and input). */
  private applicable(kind: string): { with: string[]; without: string[] } {
    const pg = this.page!;
    const inputKind = kind in pg.inputs ? kind : "page_text";
    let a = pg.byInput.get(inputKind);
    if (!a) {
      const input = tokensOf(pg.inputs[inputKind]);
      a = { with: (pg.snippets.with ?? []).filter((s) => holds(input, s) && holds(pg.gold, s)), without: (pg.snippets.without ?? []).filter((s) => holds(input, s)) };
      pg.byInput.set(inputKind, a);
    }
    return a;
  }

  add(system: string, kind: string, output: string): void {
    if (!this.page) return;
    const { with: must, without: mustNot } = this.applicable(kind);
    if (!must.length && !mustNot.length) return;
    const key = `${system} ${kind}`;
    let c = this.counts.get(key);
    if (!c) this.counts.set(key, (c = { article: empty(), all: empty() }));
    const out = tokensOf(output);
    const kept = must.filter((s) => holds(out, s)).length, left = mustNot.filter((s) => holds(out, s)).length;
    for (const t of this.page.type === "article" ? [c.article, c.all] : [c.all]) {
      t.with += must.length; t.withKept += kept;
      t.without += mustNot.length; t.withoutLeft += left;
    }
  }

  lines(): string {
    const pct = (a: number, b: number) => `${b ? ((100 * a) / b).toFixed(1).padStart(5) : "    -"} of ${String(b).padEnd(5)}`;
    const out = [
      "the corpus's must-include (with) and must-exclude (without) snippets that the input holds: % of `with` kept, % of `without` left in",
      `${"system".padEnd(22)}${"input".padEnd(14)}| articles: with kept    without left  | all pages: with kept   without left`,
    ];
    for (const [key, c] of this.counts) {
      const [system, kind] = key.split(" ");
      out.push(`${system.padEnd(22)}${kind.padEnd(14)}| ${pct(c.article.withKept, c.article.with)}  ${pct(c.article.withoutLeft, c.article.without)}  | ${pct(c.all.withKept, c.all.with)}  ${pct(c.all.withoutLeft, c.all.without)}`);
    }
    return out.join("\n");
  }
}
