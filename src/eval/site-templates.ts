// What a site's template (src/core/site-template.ts) adds, measured on the corpus's sites with
// several pages: each page is cleaned once as it is and once with the template learned from its
// site's other pages (never from itself), by the fold model that never saw the site. Text inputs
// learn and are cleaned line by line; the fast HTML engine learns its blocks' texts.
import { clean } from "../core/clean.ts";
import { cleanHtmlBlocks } from "../core/clean-html.ts";
import { resolveOptions } from "../core/options.ts";
import { emptyTemplate, learnPage, TEMPLATE_MIN_PAGES, type SiteTemplate } from "../core/site-template.ts";
import { streamedBlocks } from "../html/clean-page.ts";
import { pageSite, readCorpus, type CorpusPage } from "./corpus.ts";
import type { HtmlModelChoice, ModelChoice } from "./models.ts";
import { macro, scoreDoc, type MacroScore } from "./score.ts";

// A site is measured when each of its pages has TEMPLATE_MIN_PAGES others to learn from.
export const SITE_EVAL_MIN_PAGES = TEMPLATE_MIN_PAGES + 1;

export interface SiteTemplateRow {
  kind: string;
  sites: number;
  pages: number;
  articles: number;
  without: { all: MacroScore; articles: MacroScore };
  with: { all: MacroScore; articles: MacroScore };
  /** Lines the template removed, on how many pages. */
  linesCut: number;
  pagesCut: number;
}

type Kind = "page_text" | "loose_text" | "html-fast";

/** Reads the corpus again and keeps the pages of sites with SITE_EVAL_MIN_PAGES+ pages. */
export async function evalSiteTemplates(corpus: string, models: ModelChoice, fast: HtmlModelChoice | null, limit?: number): Promise<SiteTemplateRow[]> {
  const bySite = new Map<string, CorpusPage[]>();
  for await (const page of readCorpus({ path: corpus, limit })) {
    const site = pageSite(page);
    const pages = bySite.get(site) ?? [];
    pages.push(page);
    bySite.set(site, pages);
  }
  const sites = [...bySite].filter(([, pages]) => pages.length >= SITE_EVAL_MIN_PAGES);
  const kinds: Kind[] = ["page_text", "loose_text", ...(fast ? ["html-fast" as const] : [])];
  return kinds.map((kind) => {
    const base: { all: ReturnType<typeof scoreDoc>[]; articles: ReturnType<typeof scoreDoc>[] } = { all: [], articles: [] };
    const withT: typeof base = { all: [], articles: [] };
    let linesCut = 0, pagesCut = 0, pages = 0, articles = 0;
    for (const [site, sitePages] of sites) {
      const read = kind === "html-fast" ? sitePages.map((p) => streamedBlocks(p.html, p.url ?? undefined)) : null;
      const lines = sitePages.map((p, k) => (read ? read[k].blocks.map((b) => b.text) : p[kind as "page_text" | "loose_text"].split("\n")));
      const run = (k: number, template?: SiteTemplate) => {
        const p = sitePages[k];
        if (!read) return clean(p[kind as "page_text" | "loose_text"], p.url ? { url: p.url } : {}, models.forSite(site), undefined, template ? { template } : undefined);
        const { model, htmlModel } = fast!.forSite(site);
        const opts = resolveOptions(p.url ? { url: p.url, htmlEngine: "fast" } : { htmlEngine: "fast" });
        return cleanHtmlBlocks({ ...read[k], inputChars: p.html.length }, opts, model, htmlModel, undefined, template ? { template } : undefined);
      };
      sitePages.forEach((p, k) => {
        let template = emptyTemplate();
        lines.forEach((l, j) => { if (j !== k) template = learnPage(template, l); });
        const r0 = run(k), r1 = run(k, template);
        const s0 = scoreDoc(p.gold, r0.text), s1 = scoreDoc(p.gold, r1.text);
        base.all.push(s0); withT.all.push(s1);
        pages++;
        if (p.meta.page_type === "article") { base.articles.push(s0); withT.articles.push(s1); articles++; }
        const cut = r1.stats.removedLines - r0.stats.removedLines;
        linesCut += cut;
        if (cut > 0) pagesCut++;
      });
    }
    return {
      kind, sites: sites.length, pages, articles,
      without: { all: macro(base.all), articles: macro(base.articles) },
      with: { all: macro(withT.all), articles: macro(withT.articles) },
      linesCut, pagesCut,
    };
  });
}

export function formatSiteTemplates(rows: SiteTemplateRow[]): string {
  if (!rows.length || !rows[0].pages) return "site templates: no site with enough pages";
  const f = (m: MacroScore) => `P ${m.p.toFixed(4)} R ${m.r.toFixed(4)} F1 ${m.f1.toFixed(4)}`;
  return [
    `site templates (${rows[0].sites} sites with ${SITE_EVAL_MIN_PAGES}+ pages, ${rows[0].pages} pages, ${rows[0].articles} articles; each page without, then with the template of its site's other pages):`,
    ...rows.map((r) => `  ${r.kind.padEnd(11)} all: ${f(r.without.all)} -> ${f(r.with.all)} | articles: F1 ${r.without.articles.f1.toFixed(4)} -> ${r.with.articles.f1.toFixed(4)} | ${r.linesCut} lines cut on ${r.pagesCut} pages`),
  ].join("\n");
}
