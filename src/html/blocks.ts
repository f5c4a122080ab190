// DOM -> blocks. A block is one line of text the way a scraper sees the page: the text of a block
// element (p, li, h2, div, ...) with its inline descendants, whitespace collapsed. We walk the DOM
// ourselves because textContent glues blocks together ("end.</p><p>Next" -> "end.Next"), and
// linkedom and jsdom glue differently.
//
// The walk is iterative (an explicit stack), so 10,000-deep nesting cannot overflow the call
// stack, and each node is visited once: linear in the page.
//
// Every block carries what the DOM knows about it (DESIGN.md §1): its tag and heading level, how
// much of its text is link text, the landmarks it sits in, its list and table membership, and the
// class/id tokens of its element and nearest ancestors.

import { LANDMARKS } from "../core/html-features.ts";

export const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
  "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
  "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main", "menu",
  "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
  "option", "html",
]);
export const SKIP_TAGS = new Set([
  "script", "style", "noscript", "template", "title", "svg", "math", "iframe", "object",
  "embed", "canvas", "video", "audio", "select", "textarea",
]);
export const CELL_TAGS = new Set(["td", "th"]);
const PAGE_ROOTS = new Set(["html", "head", "body"]);
const HEADING_LEVEL = new Map([1, 2, 3, 4, 5, 6].map((level) => [`h${level}`, level]));

/** Landmarks and containers a block can sit in; one bit each in Block.flags. */
// The bit order is the core's LANDMARKS list, which the HTML features read.
export const FLAG = Object.fromEntries(LANDMARKS.map((name, i) => [name, 1 << i])) as Record<(typeof LANDMARKS)[number], number>;

const TAG_FLAGS: Record<string, number> = {
  nav: FLAG.nav, header: FLAG.header, footer: FLAG.footer, aside: FLAG.aside,
  figure: FLAG.figure, figcaption: FLAG.figure, form: FLAG.form, button: FLAG.button,
  label: FLAG.form, ul: FLAG.list, ol: FLAG.list, li: FLAG.list, dl: FLAG.list, menu: FLAG.list,
  table: FLAG.table, article: FLAG.article, main: FLAG.main, blockquote: FLAG.quote, pre: FLAG.pre,
};
const ROLE_FLAGS: Record<string, number> = {
  navigation: FLAG.nav, banner: FLAG.header, contentinfo: FLAG.footer, complementary: FLAG.aside,
  main: FLAG.main, article: FLAG.article, button: FLAG.button, form: FLAG.form, search: FLAG.form,
  list: FLAG.list, listitem: FLAG.list, menu: FLAG.nav, menubar: FLAG.nav, dialog: FLAG.aside,
  comment: FLAG.comment,
};

// Class and id tokens kept per block: its element's and its nearest ancestors', newest first.
// Twelve covers the element and two or three wrappers on the corpus's pages (most carry 1-4).
const MAX_CLASS_TOKENS = 12;
// A class/id token shorter than this or longer than that is noise (hashes, single letters).
// Set by hand, not tuned: 2 keeps "ad"; tokens are letter/digit runs, and 24 is past any word.
const CLASS_TOKEN_MIN = 2;
const CLASS_TOKEN_MAX = 24;
// Longest attribute value read for class/id/style: a hostile 2 MB attribute costs nothing more.
const MAX_ATTR_CHARS = 512;

export interface Block {
  text: string;
  /** Tag of the nearest block element holding the text (the line's own element). */
  tag: string;
  /** 1-6 when that element is a heading (h1-h6 or role=heading), else 0. */
  heading: number;
  /** Characters of the text that sit inside links. */
  linkChars: number;
  /** FLAG bits of the landmarks and containers around the text. */
  flags: number;
  /** Class and id tokens of the element and its nearest ancestors, lower-cased. */
  classTokens: readonly string[];
}

/** What a block inherits from the elements around it. */
export interface Ctx {
  tag: string;
  heading: number;
  flags: number;
  tokens: readonly string[];
  link: boolean;
  pre: boolean;
  /** Index of the innermost element in the streaming segmenter's element table; -1 otherwise. */
  el: number;
}

/** An element's attribute by name, null when absent (Element.getAttribute, or a parser's map). */
export type AttrOf = (name: string) => string | null;

function classTokensOf(attr: AttrOf, inherited: readonly string[]): readonly string[] {
  const cls = (attr("class") ?? "").slice(0, MAX_ATTR_CHARS);
  const id = (attr("id") ?? "").slice(0, MAX_ATTR_CHARS);
  if (!cls && !id) return inherited;
  const own: string[] = [];
  const all = `${cls} ${id}`;
  if (!asciiTokens(all, own)) {
    // Lower-casing may turn a non-ASCII letter into ASCII ones (the Kelvin sign into "k"): the
    // general way, the same tokens as asciiTokens where both apply.
    for (const raw of all.toLowerCase().split(/[^a-z0-9]+/)) {
      if (raw.length < CLASS_TOKEN_MIN || raw.length > CLASS_TOKEN_MAX || /^\d+$/.test(raw)) continue;
      if (!own.includes(raw)) own.push(raw);
    }
  }
  if (own.length === 0) return inherited;
  if (own.length > MAX_CLASS_TOKENS) own.length = MAX_CLASS_TOKENS;
  for (let i = 0; own.length < MAX_CLASS_TOKENS && i < inherited.length; i++) own.push(inherited[i]);
  return own;
}

/**
 * The class/id tokens of an ASCII `s` into `own` (lower-cased runs of letters and digits, kept as
 * classTokensOf keeps them), without the lower-cased copy and the regular expressions; false,
 * with `own` untouched, when `s` is not ASCII.
 */
function asciiTokens(s: string, own: string[]): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  let start = 0, upper = false, digits = true;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0;
    const digit = c >= 0x30 && c <= 0x39, lower = c >= 0x61 && c <= 0x7a, up = c >= 0x41 && c <= 0x5a;
    if (digit || lower || up) {
      upper ||= up;
      digits &&= digit;
      continue;
    }
    const len = i - start;
    if (len >= CLASS_TOKEN_MIN && len <= CLASS_TOKEN_MAX && !digits) {
      const raw = upper ? s.slice(start, i).toLowerCase() : s.slice(start, i);
      if (!own.includes(raw)) own.push(raw);
    }
    start = i + 1;
    upper = false;
    digits = true;
  }
  return true;
}

const HIDDEN_STYLE_RE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export function isHidden(attr: AttrOf): boolean {
  if (attr("hidden") !== null) return true;
  const style = attr("style");
  return style !== null && HIDDEN_STYLE_RE.test(style.slice(0, MAX_ATTR_CHARS));
}

/** The context inside element `tag` (lower-case) with these attributes, within `outer`. */
export function enter(attr: AttrOf, tag: string, outer: Ctx, el = -1): Ctx {
  let flags = outer.flags | (TAG_FLAGS[tag] ?? 0);
  const role = attr("role");
  if (role) flags |= ROLE_FLAGS[role.toLowerCase()] ?? 0;
  const block = BLOCK_TAGS.has(tag);
  const h = HEADING_LEVEL.get(tag) ?? (role === "heading" ? Number(attr("aria-level")) || 2 : 0);
  return {
    tag: block ? tag : outer.tag,
    heading: h || (block ? 0 : outer.heading),
    flags,
    // <html>, <head> and <body> carry page-wide classes (page type, template), not the block's.
    tokens: PAGE_ROOTS.has(tag) ? outer.tokens : classTokensOf(attr, outer.tokens),
    link: outer.link || tag === "a",
    pre: outer.pre || tag === "pre",
    el,
  };
}

export const ROOT_CTX: Ctx = Object.freeze({ tag: "body", heading: 0, flags: 0, tokens: [], link: false, pre: false, el: -1 });

/** JavaScript's \s: what the regular expressions above match as white space. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** t.replace(/\s+/g, " ").length, without making the string. */
function collapsedLength(t: string): number {
  let n = 0, space = false;
  for (let i = 0; i < t.length; i++) {
    const sp = isSpace(t.charCodeAt(i));
    if (!sp || !space) n++;
    space = sp;
  }
  return n;
}

/** Whether t.replace(/\s+/g, " ").trim() is t: no white space but single spaces between words. */
function collapsed(t: string): boolean {
  let space = true; // a space first is one to trim
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
    } else if (isSpace(c)) return false;
    else space = false;
  }
  return !space || t.length === 0;
}

/**
 * Collects text into blocks: `text` appends what a text node holds (a <pre>'s line breaks end
 * blocks), `flush` ends the pending block. Shared by the DOM walker and the streaming segmenter,
 * so both normalise alike. `starts` holds each block's starting context.
 */
export class BlockSink {
  readonly blocks: Block[] = [];
  readonly starts: Ctx[] = [];
  private buf = "";
  private linkChars = 0;
  private start: Ctx | null = null; // the context where the pending block's text began

  flush(): void {
    const start = this.start;
    if (start) {
      const text = collapsed(this.buf) ? this.buf : this.buf.replace(/\s+/g, " ").trim();
      if (text) {
        this.blocks.push({ text, tag: start.tag, heading: start.heading, linkChars: Math.min(this.linkChars, text.length), flags: start.flags, classTokens: start.tokens });
        this.starts.push(start);
      }
    }
    this.buf = "";
    this.linkChars = 0;
    this.start = null;
  }

  append(t: string, ctx: Ctx): void {
    if (!t) return;
    if (!this.start) {
      if (!/\S/.test(t)) return;
      this.start = ctx;
    }
    this.buf += t;
    if (ctx.link) this.linkChars += collapsedLength(t);
  }

  text(t: string, ctx: Ctx): void {
    if (ctx.pre && t.includes("\n")) {
      const parts = t.split("\n");
      for (let i = 0; i < parts.length - 1; i++) {
        this.append(parts[i], ctx);
        this.flush();
      }
      this.append(parts[parts.length - 1], ctx);
    } else {
      this.append(t, ctx);
    }
  }
}

/** The blocks under `root` in document order. */
export function extractBlocks(root: Node): Block[] {
  const sink = new BlockSink();
  const stack: { node: Node; ctx: Ctx; block: boolean; cell: boolean }[] = [];
  let ctx = ROOT_CTX;
  let cur: Node | null = root.nodeType === 1 || root.nodeType === 9 || root.nodeType === 11 ? root.firstChild : null;
  if (root.nodeType === 3) sink.append(root.nodeValue ?? "", ctx);

  for (;;) {
    if (cur) {
      const type = cur.nodeType;
      if (type === 3 || type === 4) {
        sink.text(cur.nodeValue ?? "", ctx);
      } else if (type === 1) {
        const el = cur as Element;
        const tag = el.localName.toLowerCase();
        const attr: AttrOf = (name) => el.getAttribute(name);
        if (tag === "br") {
          sink.flush();
        } else if (!SKIP_TAGS.has(tag) && !isHidden(attr)) {
          const block = BLOCK_TAGS.has(tag);
          const cell = CELL_TAGS.has(tag);
          if (block) sink.flush();
          else if (cell) sink.append(" ", ctx);
          stack.push({ node: cur, ctx, block, cell });
          ctx = enter(attr, tag, ctx);
          cur = cur.firstChild;
          continue;
        }
      }
      cur = cur.nextSibling;
      continue;
    }
    const f = stack.pop();
    if (!f) break;
    if (f.block) sink.flush();
    else if (f.cell) sink.append(" ", f.ctx);
    ctx = f.ctx;
    cur = f.node.nextSibling;
  }
  sink.flush();
  return sink.blocks;
}

/** The text under `root`, one block per line (what `page_text` is for the whole body). */
export function blockText(root: Node): string {
  return extractBlocks(root).map((b) => b.text).join("\n");
}
