// Is this text really HTML? And which charset does a page declare for its own bytes?

// An HTML page or a page's body contents (document.body.innerHTML) shows structural tags before
// much text: a doctype or <html>/<head>/<body> first, or several block or inline tags. What a page
// often opens with before them is passed over (HTML_SKIPPED): comments, and whole <script>,
// <style>, <noscript> (a tag manager's <iframe>), <svg> (an icon sprite), <template> and
// <textarea> elements, their contents unread; a <title>'s text is not read either. Whitespace and
// what is inside a tag (attributes) are not text. Before, only the first 1,024 characters were
// read, as browsers' MIME sniffing does (WHATWG, "rules for identifying an unknown MIME type"): a
// long <style>, an inline <script> or a tag manager's snippet, or <div>s with long attributes and
// whitespace filled them, and 102 of the corpus's 1,260 pages' body contents sent as text were read
// as text; now 3 (one opens with a stray letter, one with a hidden <div> of 1,000+ characters of
// JSON, one is cut inside an attribute). A tag must come before any text, so Markdown or prose
// under a comment is not HTML; text that opens with a tag but is prose meets SNIFF_TEXT_CHARS of
// text before its third tag.
//
// SNIFF_SCAN_CHARS bounds the work: what lies past it is not read, so a text is sniffed in one
// linear pass over at most that many characters (an element to pass over that does not end within
// it ends the sniff: not HTML). The scan stops at the third structural tag, and passing over an
// element is one native search for its end tag, so a page costs little however far it goes. 1 Mi:
// the corpus's longest openings passed over are icon sprites of 450 and 590 Ki characters and a
// <style> of 94 Ki; with 64 Ki, 6 of its pages' body contents were still read as text.
const SNIFF_SCAN_CHARS = 1024 * 1024;
// Characters of text (not whitespace, not inside a tag) allowed before the structure is seen: the
// 1,024 of MIME sniffing, now counted in text rather than in markup.
const SNIFF_TEXT_CHARS = 1024;
const HTML_START_RE = /<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/iy;
// XHTML may open with an XML declaration ("<?xml version="1.0"?>") and comments: then a doctype or
// <html> must follow (an RSS feed or an SVG opens the same way).
const XML_DECLARATION_RE = /^\s*<\?xml\s/i;
const XHTML_START_RE = /^\s*<\?xml\s[^>]{0,200}\?>\s*(<!--[\s\S]{0,500}?-->\s*)*(<!doctype\s+html|<html[\s>])/i;
// A feed opening without an XML declaration is not HTML either, whatever <title>s it holds.
const FEED_ROOTS = new Set(["rss", "feed", "rdf:rdf"]);
// Scraped text can quote a tag or two; a page has several structural tags. Set by hand, not
// tuned: the least count that is more than "a tag or two".
const STRUCTURAL = new Set(["p", "div", "span", "a", "table", "ul", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "br", "meta", "title", "script"]);
// The closing tags of block elements count too: a fragment of two paragraphs ("<p>…</p><p>…</p>")
// is HTML. Not </title> or </a>: an RSS or Atom feed closes many of those.
const BLOCK_CLOSE = new Set(["p", "div", "table", "ul", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section"]);
const MIN_STRUCTURAL_TAGS = 3;
// Elements whose contents are not read (see above); <script> and <title> still count as structure.
const HTML_SKIPPED = new Set(["script", "style", "noscript", "svg", "template", "textarea", "title"]);
// Their end tags. [^<>]* cannot run past the next "<", so a search is linear.
const SKIPPED_END_RE = /<\/(script|style|noscript|svg|template|textarea|title)(?=[\s/>])[^<>]*>/gi;
const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]{0,63})/y;

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, SNIFF_SCAN_CHARS);
  const start = head.search(/\S/); // \s takes a byte-order mark too
  if (start < 0 || head[start] !== "<") return false;
  // XML (a feed, an SVG) is HTML only as XHTML.
  if (XML_DECLARATION_RE.test(head)) return XHTML_START_RE.test(head);
  return structureBeforeText(head, start);
}

/** Whether `s` shows HTML's structure from `i` on, before SNIFF_TEXT_CHARS of text. */
function structureBeforeText(s: string, i: number): boolean {
  let tags = 0;
  let text = 0;
  let sawTag = false;
  while (i < s.length) {
    const lt = s.indexOf("<", i);
    text += nonSpace(s, i, lt < 0 ? s.length : lt);
    // Text before any tag (Markdown or prose under a comment), too much text, or the end: not HTML.
    if ((text > 0 && !sawTag) || text > SNIFF_TEXT_CHARS || lt < 0) return false;
    if (s.startsWith("<!--", lt)) {
      i = past(s, s.indexOf("-->", lt + 4), 3);
      continue;
    }
    if (text === 0 && matchAt(HTML_START_RE, s, lt)) return true;
    if (s[lt + 1] === "!" || s[lt + 1] === "?") {
      i = past(s, s.indexOf(">", lt), 1); // a doctype, "<![CDATA[", "<?...>": markup to the next ">", as HTML reads them
      continue;
    }
    const tag = matchAt(TAG_RE, s, lt);
    if (!tag) {
      text++; // a "<" that opens no tag is text
      i = lt + 1;
      continue;
    }
    sawTag = true;
    const closing = tag[1] === "/";
    const name = tag[2].toLowerCase();
    if (!closing && text === 0 && FEED_ROOTS.has(name)) return false;
    if (closing ? BLOCK_CLOSE.has(name) : STRUCTURAL.has(name)) tags++;
    if (tags >= MIN_STRUCTURAL_TAGS) return true;
    i = past(s, s.indexOf(">", lt), 1);
    if (!closing && s[i - 2] !== "/" && HTML_SKIPPED.has(name)) i = pastEndTag(s, name, i);
  }
  return false;
}

/** Just past the end tag of the element `name` from `from` on; past the end of `s` when there is none. */
function pastEndTag(s: string, name: string, from: number): number {
  SKIPPED_END_RE.lastIndex = from;
  for (let m = SKIPPED_END_RE.exec(s); m; m = SKIPPED_END_RE.exec(s)) if (m[1].toLowerCase() === name) return SKIPPED_END_RE.lastIndex;
  return s.length;
}

/** The position `n` characters past `at`; past the end of `s` (ending the scan) when `at` is -1 (not found). */
const past = (s: string, at: number, n: number): number => (at < 0 ? s.length : at + n);

function matchAt(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** Characters of `s` from `from` to `to` other than ASCII whitespace and no-break spaces. */
function nonSpace(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 0xa0) n++;
  }
  return n;
}

// A <meta charset> or http-equiv content-type must sit in the first 1024 bytes (HTML standard,
// "prescan a byte stream to determine its encoding").
const META_PRESCAN_BYTES = 1024;
// Past them a browser still honours a <meta> its parser reaches (the standard's "change the
// encoding": the page is read again), and pages put theirs after a long comment or inline styles
// and scripts: 96 of the corpus's 1,266 pages declare their charset past 1024 bytes, the latest at
// 258 KiB (p90 25 KiB), each inside its <head>. So headMetaCharset reads the <head> (up to </head>
// or <body>) within this bound, which holds them all.
const META_HEAD_BYTES = 512 * 1024;
const HEAD_END_RE = /<\/head[\s>]|<body[\s>]/i;
const META_CHARSET_RE = /<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})/i;

/** The charset a page declares in a <meta> within its first 1024 bytes, lower-cased. */
export function metaCharset(bytes: Uint8Array): string | undefined {
  return charsetIn(new TextDecoder("latin1").decode(bytes.subarray(0, META_PRESCAN_BYTES)));
}

/** The charset a page declares in a <meta> in its <head>, within META_HEAD_BYTES, lower-cased. */
export function headMetaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, META_HEAD_BYTES));
  const end = head.search(HEAD_END_RE);
  return charsetIn(end < 0 ? head : head.slice(0, end));
}

function charsetIn(head: string): string | undefined {
  const named = META_CHARSET_RE.exec(head)?.[1].toLowerCase();
  // A <meta> read as ASCII cannot be UTF-16: HTML's encoding sniffing takes "utf-16*" there to
  // mean UTF-8 (a UTF-16 page announces itself with its byte-order mark, which decodeText reads).
  return named?.startsWith("utf-16") ? "utf-8" : named;
}
