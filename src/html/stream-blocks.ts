// HTML -> blocks in one pass over the markup, without a DOM (the fast HTML engine, issue 6).
//
// htmlparser2's tokenizer reads the markup; this file builds just enough of the tree to know, at
// every piece of text, which elements are open: the same Ctx the DOM walker (blocks.ts) derives,
// through the same BlockSink, so the blocks are the same where the tree is the same. The tree
// rules are a subset of the HTML standard's tree construction that decides where blocks begin and
// end: <p>, <li>, <dd>/<dt>, headings, table cells and rows close implicitly as a browser closes
// them; an end tag closes only an element it finds in scope; cells outside a table are ignored.
// (Not done: foster parenting of text misplaced in tables, the adoption agency's re-opening of
// formatting elements; both rarely move text across a block boundary.)
//
// Beside the blocks it keeps the element table (each element's parent and tag) and each block's
// element, so a region can be chosen from them (src/core/region.ts), and it reads the page's
// metadata (<title>, <meta>, <html lang>, <link rel=canonical>, JSON-LD) in the same pass.
//
// Linear in the page: the stack of open elements is capped (elements nested deeper lose their tags,
// not their text or the block breaks they make, as prepare.ts bounds the DOM's input), so every
// stack search is bounded.
import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";
import { BLOCK_TAGS, BlockSink, CELL_TAGS, enter, isHidden, ROOT_CTX, SKIP_TAGS, type AttrOf, type Block, type Ctx } from "./blocks.ts";
import { EntityDecoder } from "./decode-entities.ts";
import { MAX_JSON_LD_CHARS, withJsonLd, type JsonLdMeta } from "./json-ld.ts";
import { mergeMeta, metaPair, pageMetaFrom, type PageMeta } from "./metadata.ts";

// Open elements nested deeper than this are read as if their tags were absent. 512 is ~3x the
// corpus's deepest page (179 levels without <p>/<li>) and keeps a stray end tag's search of the
// stack (bounded by it) cheap on hostile input (100,000-deep nesting: tests/hostile).
const MAX_OPEN = 512;
// The <title> text kept; a title is a line.
const MAX_TITLE_CHARS = 4096;

// The attributes anything reads of an element (openTag, enter and isHidden in blocks.ts, metaPair
// in metadata.ts); the others are skipped as the tokenizer reports them, not copied.
const READ_ATTRS = new Set([
  "lang", "rel", "href", "type", "role", "aria-level", "class", "id", "hidden", "style", "property", "name",
  "itemprop", "content",
]);
// The elements whose content the tokenizer reads as text up to their end tag, outside <svg>/<math>
// (htmlparser2's "special" tags): raw text, character references and all, or RCDATA, whose
// references are decoded. Elsewhere text is decoded too.
const SPECIAL_TEXT = new Map<string, "raw" | "rcdata">([
  ["script", "raw"], ["style", "raw"], ["xmp", "raw"], ["iframe", "raw"], ["noembed", "raw"], ["noframes", "raw"],
  ["plaintext", "raw"], ["title", "rcdata"], ["textarea", "rcdata"],
]);
// The tokenizer runs without decoding references (decode-entities.ts: it then skips through text
// and attribute values); this decodes what is read. One for all calls: a call uses it to the end.
const DECODER = new EntityDecoder();

/** An attribute the element lacks: null, and a loud error for one not in READ_ATTRS (never kept, so always "absent"). */
function unread(name: string): null {
  if (!READ_ATTRS.has(name)) throw new Error(`stream-blocks reads attribute "${name}": add it to READ_ATTRS`);
  return null;
}

const VOID = new Set([
  "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "image", "input", "keygen",
  "link", "meta", "param", "source", "track", "wbr",
]);
// Elements whose start closes an open <p> (HTML standard, "in body" insertion mode).
const CLOSES_P = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
  "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
  "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "table", "hr", "xmp", "li",
  "dd", "dt", "plaintext",
]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
// "Special" elements: a search for an <li>/<dd>/<dt> to close, or for the element an unknown end
// tag names, stops at them.
const SPECIAL = new Set([
  "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
  "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset",
  "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
  "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta",
  "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search",
  "section", "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th",
  "thead", "title", "tr", "track", "ul", "wbr", "xmp",
]);
// Scope boundaries of "has an element in scope".
const SCOPE = new Set(["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"]);
const TABLE_CONTEXT = new Set(["table", "tbody", "thead", "tfoot", "tr"]);
const SECTIONS = new Set(["tbody", "thead", "tfoot"]);
// The scopes and element sets the tree-construction steps below look through, built once.
const BUTTON_SCOPE = new Set([...SCOPE, "button"]);
const TABLE_SCOPE = new Set(["html", "template"]);
const ROW_CONTEXT = new Set(["table", ...SECTIONS]);
const TABLE_ONLY = new Set(["table"]);
const LI = new Set(["li"]);
const DD_DT = new Set(["dd", "dt"]);
const FOREIGN = new Set(["svg", "math"]);
// HTML start tags that end open <svg>/<math> content (the standard's "breakout" list): an unclosed
// icon <svg> does not swallow the page.
const BREAKOUT = new Set([
  "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3",
  "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
  "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
]);

/** The elements of a page as the streaming segmenter saw them: parent index (-1: the page) and tag. */
export interface ElementTable {
  parent: Int32Array;
  tag: string[];
}

export interface StreamPage {
  blocks: Block[];
  /** Each block's element: the innermost open element where its text began (-1: none). */
  blockEl: Int32Array;
  elements: ElementTable;
  meta: PageMeta;
  /** The JSON-LD article's `articleBody` (json-ld.ts). */
  articleBody?: string;
}

interface Open {
  tag: string;
  /** Context inside the element. */
  ctx: Ctx;
  /** Context outside it (restored when it closes). */
  outer: Ctx;
  block: boolean;
  cell: boolean;
  /** Inside a skipped or hidden element: nothing under it is text. */
  skip: boolean;
}

// htmlparser2 reads <![CDATA[ as CDATA up to ]]> everywhere; in HTML content the standard reads it
// as a bogus comment ending at the next ">", as it reads <?...>: so a page is read with it written
// so (same length: offsets hold). Not by searching every page for it first (2 % of the fast
// engine's CPU: the corpus's pages are 270,000 characters on average, and a quarter hold it, nearly
// always inside scripts that are not read): a page is read as it is, and read again rewritten when
// the reading came upon it where it changes what is read.
const CDATA = "<![CDATA[";
const CDATA_AS_READ = "<?[CDATA[";

/** Reads `html` in one pass: blocks, element table and metadata. `url` resolves the canonical link. */
export function streamPage(html: string, url?: string): StreamPage {
  return readStream(html, url, true) ?? readStream(html.replaceAll(CDATA, CDATA_AS_READ), url, false)!; // unwatched: never null
}

/**
 * streamPage's pass. With `watch`, null when `html` holds CDATA where it changes what is read: a
 * CDATA section (open or closed), or the text of a raw-text or RCDATA element, a read attribute value or a tag name
 * holding "<![CDATA[" (body text cannot: the tokenizer would have begun a section there).
 */
function readStream(html: string, url: string | undefined, watch: boolean): StreamPage | null {
  let rewrite = false;
  /** Whether CDATA was found where it is to be rewritten (the pass then stops). */
  const found = (yes: boolean): boolean => {
    if (!watch || !yes) return false;
    rewrite = true;
    tokenizer.pause();
    return true;
  };
  const holdsCdata = (s: string): boolean => found(s.includes(CDATA));
  const sink = new BlockSink();
  const parents: number[] = [];
  const tags: string[] = [];
  const stack: Open[] = [];
  let ctx: Ctx = ROOT_CTX;
  let skip = false;
  let overflow = 0; // start tags past MAX_OPEN not pushed, awaiting their end tags

  // Metadata read on the way.
  const metas: [string, string | null][] = [];
  let htmlLang: string | null | undefined;
  let canonicalHref: string | null | undefined;
  let titleText: string | undefined;
  let jsonLd: JsonLdMeta = {};
  let raw: { kind: "title" | "json-ld"; text: string } | null = null;

  // The tag being read: its name and the attributes of it that are read (READ_ATTRS), in one map
  // cleared at every tag (openTag reads them before the next tag starts).
  let tagName = "";
  let inTag = false;
  const attrs = new Map<string, string>();
  let attrName = ""; // "" while an attribute that is not read is skipped
  let attrValue = "";
  // The content of the special element open now, as the tokenizer reads it (SPECIAL_TEXT).
  let special: "raw" | "rcdata" | undefined;
  // Values are kept as written and decoded when read (most never are: links' href, for one).
  const attr: AttrOf = (n) => {
    const v = attrs.get(n);
    if (v === undefined) return unread(n);
    return holdsCdata(v) ? null : DECODER.attribute(v);
  };

  const top = () => stack[stack.length - 1];
  const pop = (): void => {
    const o = stack.pop()!;
    if (FOREIGN.has(o.tag)) foreignOpen--;
    ctx = o.outer;
    skip = stack.length > 0 && top().skip;
    if (raw && (o.tag === "title" || o.tag === "script")) finishRaw();
    if (o.skip) return;
    if (o.block) sink.flush();
    else if (o.cell) sink.append(" ", o.outer);
  };
  const popTo = (i: number): void => { while (stack.length > i) pop(); };
  /** Index of the innermost open `names` element, searching down to a `stop` element; -1 if none. */
  const find = (names: ReadonlySet<string> | string, stop: ReadonlySet<string> | null): number => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const t = stack[i].tag;
      if (typeof names === "string" ? t === names : names.has(t)) return i;
      if (stop?.has(t)) return -1;
    }
    return -1;
  };
  let foreignOpen = 0; // open <svg>/<math> elements
  const inForeign = (): boolean => foreignOpen > 0;

  function finishRaw(): void {
    const r = raw!;
    raw = null;
    if (r.kind === "title") titleText ??= r.text;
    else jsonLd = withJsonLd(jsonLd, r.text);
  }

  /** Closes what a start tag `tag` closes implicitly. Returns false when the tag is to be ignored. */
  function implyEnds(tag: string): boolean {
    if (CLOSES_P.has(tag)) {
      const p = find("p", BUTTON_SCOPE);
      if (p >= 0) popTo(p);
    }
    if (HEADINGS.has(tag) && stack.length && HEADINGS.has(top().tag)) pop();
    if (tag === "li" || tag === "dd" || tag === "dt") {
      const want = tag === "li" ? LI : DD_DT;
      for (let i = stack.length - 1; i >= 0; i--) {
        const t = stack[i].tag;
        if (want.has(t)) { popTo(i); break; }
        if (SPECIAL.has(t) && t !== "address" && t !== "div" && t !== "p") break;
      }
    }
    if (tag === "a") {
      const a = find("a", SCOPE);
      if (a >= 0) popTo(a);
    }
    if (tag === "option" && stack.length && top().tag === "option") pop();
    if (tag === "td" || tag === "th" || tag === "tr" || SECTIONS.has(tag) || tag === "caption") {
      const t = find(TABLE_CONTEXT, TABLE_SCOPE);
      if (t < 0) return false; // a cell or row outside any table: the standard ignores the tag
      const keep = tag === "td" || tag === "th" ? TABLE_CONTEXT : tag === "tr" ? ROW_CONTEXT : TABLE_ONLY;
      // Close back to the table context the new element belongs in (an open cell, row, ...).
      let i = stack.length - 1;
      while (i >= 0 && !keep.has(stack[i].tag)) i--;
      if (i >= 0) popTo(i + 1);
    }
    return true;
  }

  /** What an element's start or end tag does to the text around it: a block's ends a block, a cell's is a space. */
  function separate(tag: string): void {
    if (BLOCK_TAGS.has(tag)) sink.flush();
    else if (CELL_TAGS.has(tag)) sink.append(" ", ctx);
  }

  /**
   * Whether a start tag past MAX_OPEN is left out of the tree (read as if absent: its text goes on
   * in the open element's context, while its start and end tags still end a block). A hidden one
   * (a <script>, a hidden <div>) is pushed, one at most, since under it all is hidden, so what it
   * holds stays out of the text; inside it start tags are not counted and only its own end tag closes it.
   */
  function pastCap(hidden: boolean): boolean {
    if (stack.length > MAX_OPEN) return true;
    if (hidden) return false;
    overflow++;
    return true;
  }

  function openTag(tag: string, selfClosing: boolean): void {
    if (tag === "html") { htmlLang ??= attr("lang"); sink.flush(); return; }
    if (tag === "head") return;
    if (tag === "body") { sink.flush(); return; }
    if (tag === "meta") metas.push(metaPair(attr));
    else if (tag === "link" && canonicalHref === undefined && (attr("rel") ?? "").toLowerCase() === "canonical") canonicalHref = attr("href");
    if (inForeign() && BREAKOUT.has(tag)) while (foreignOpen > 0) pop();
    const foreign = inForeign();
    if (!foreign && !implyEnds(tag)) return;
    if (tag === "br") { if (!skip) sink.flush(); return; }
    if (VOID.has(tag) && tag !== "hr") return;
    const hidden = skip || SKIP_TAGS.has(tag) || isHidden(attr);
    if (!hidden) separate(tag);
    if (stack.length >= MAX_OPEN && pastCap(hidden)) return;
    const block = !hidden && BLOCK_TAGS.has(tag);
    const cell = !hidden && CELL_TAGS.has(tag);
    const el = parents.length;
    parents.push(stack.length ? top().ctx.el : -1);
    tags.push(tag);
    const inner = hidden ? ctx : enter(attr, tag, ctx, el);
    stack.push({ tag, ctx: inner, outer: ctx, block, cell, skip: hidden });
    if (FOREIGN.has(tag)) foreignOpen++;
    ctx = inner;
    skip = hidden;
    // An <svg>'s or <math>'s <title> names a drawing, not the page.
    if (tag === "title" && titleText === undefined && !foreign) raw = { kind: "title", text: "" };
    else if (tag === "script" && (attr("type") ?? "").toLowerCase().includes("ld+json")) raw = { kind: "json-ld", text: "" };
    if (tag === "hr" || (selfClosing && foreign)) pop();
  }

  function closeTag(tag: string): void {
    if (tag === "html" || tag === "head" || tag === "body") return;
    if (tag === "br") { if (!skip) sink.flush(); return; }
    if (stack.length > MAX_OPEN) { if (tag === top().tag) pop(); return; } // the hidden element past the cap (pastCap)
    if (overflow > 0 && !VOID.has(tag)) {
      overflow--;
      if (!skip) separate(tag);
      return;
    }
    if (tag === "p" && find("p", BUTTON_SCOPE) < 0) {
      if (!skip) sink.flush(); // </p> without <p>: the standard inserts an empty <p>
      return;
    }
    if (VOID.has(tag)) return;
    const i = SPECIAL.has(tag) || inForeign() ? find(tag, SCOPE) : find(tag, SPECIAL);
    if (i >= 0) popTo(i);
  }

  const text = (t: string): void => {
    if (special !== undefined && (raw || !skip) && holdsCdata(t)) return;
    if (raw) { if (raw.text.length < MAX_JSON_LD_CHARS + 1) raw.text += t; return; }
    if (!skip) sink.text(t.includes("\0") ? t.replace(/\0/g, "") : t, ctx); // the standard drops NULs in body text
  };

  const cbs: TokenizerCallbacks = {
    ontext: (s, e) => {
      const t = html.slice(s, e);
      if (special === "raw") text(t);
      else if (special === "rcdata") text(DECODER.rcdata(t));
      else DECODER.text(t, text);
    },
    ontextentity: () => {}, // not called: the tokenizer does not decode
    onopentagname: (s, e) => {
      const name = html.slice(s, e);
      if (holdsCdata(name)) return;
      tagName = name.toLowerCase();
      attrs.clear();
      inTag = true;
      special = inForeign() ? undefined : SPECIAL_TEXT.get(tagName);
    },
    onattribname: (s, e) => {
      const name = html.slice(s, e).toLowerCase();
      attrName = READ_ATTRS.has(name) ? name : "";
      attrValue = "";
    },
    onattribdata: (s, e) => { if (attrName) attrValue += html.slice(s, e); },
    onattribentity: () => {}, // not called: the tokenizer does not decode
    onattribend: () => { if (attrName && !attrs.has(attrName)) attrs.set(attrName, attrValue); },
    onopentagend: () => { if (inTag) openTag(tagName, false); inTag = false; },
    onselfclosingtag: () => { if (inTag) openTag(tagName, true); inTag = false; },
    onclosetag: (s, e) => {
      special = undefined;
      const name = html.slice(s, e);
      if (!holdsCdata(name)) closeTag(name.toLowerCase());
    },
    oncdata: (s, e) => { if (!found(true)) text(html.slice(s, e)); },
    // A section left open at the end is reported as a comment from its "[CDATA[" (a comment
    // beginning so is read again too: harmless).
    oncomment: (s) => { found(html.startsWith("[CDATA[", s)); },
    ondeclaration: () => {},
    onprocessinginstruction: () => {},
    onend: () => {},
    isInForeignContext: inForeign,
  };
  const tokenizer = new Tokenizer({ decodeEntities: false }, cbs);
  tokenizer.write(html);
  if (!rewrite) tokenizer.end(); // which reports what was left open at the end
  if (rewrite) return null;
  popTo(0);
  if (raw) finishRaw();
  sink.flush();

  // JSON-LD first, as Readability reads it (its metadata prefers JSON-LD over <meta>).
  const meta = mergeMeta(pageMetaFrom({ metas, htmlLang, canonicalHref, titleText: titleText?.slice(0, MAX_TITLE_CHARS) }, url), jsonLd);
  return {
    blocks: sink.blocks,
    blockEl: Int32Array.from(sink.starts, (c) => c.el),
    elements: { parent: Int32Array.from(parents), tag: tags },
    meta,
    ...(jsonLd.articleBody ? { articleBody: jsonLd.articleBody } : {}),
  };
}
