// Is this text really HTML? And which charset does a page declare for its own bytes?

// Within the first this-many characters (after a BOM and whitespace) an HTML page shows its
// doctype or a structural tag; 1024 is what browsers' sniffing algorithm looks at (WHATWG MIME
// sniffing, "rules for identifying an unknown MIME type").
const SNIFF_CHARS = 1024;
const HTML_START_RE = /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<!--)/i;
// XHTML may open with an XML declaration ("<?xml version="1.0"?>") and comments: then a doctype or
// <html> must follow (an RSS feed or an SVG opens the same way).
const XML_DECLARATION_RE = /^\s*<\?xml\s/i;
const XHTML_START_RE = /^\s*<\?xml\s[^>]{0,200}\?>\s*(<!--[\s\S]{0,500}?-->\s*)*(<!doctype\s+html|<html[\s>])/i;
// Scraped text can quote a tag or two; a page has several structural tags. Set by hand, not
// tuned: the least count that is more than "a tag or two".
const STRUCTURE_RE = /<(p|div|span|a|table|ul|li|h[1-6]|article|section|br|meta|title|script)[\s>/]/gi;
// The closing tags of block elements count too: a fragment of two paragraphs ("<p>…</p><p>…</p>")
// is HTML. Not </title> or </a>: an RSS or Atom feed closes many of those.
const BLOCK_CLOSE_RE = /<\/(p|div|table|ul|li|h[1-6]|article|section)>/gi;
const MIN_STRUCTURAL_TAGS = 3;

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, SNIFF_CHARS).replace(/^\uFEFF/, "");
  if (!head.trimStart().startsWith("<")) return false;
  // XML (a feed, an SVG) is HTML only as XHTML.
  if (XML_DECLARATION_RE.test(head)) return XHTML_START_RE.test(head);
  if (HTML_START_RE.test(head)) return true;
  return (head.match(STRUCTURE_RE)?.length ?? 0) + (head.match(BLOCK_CLOSE_RE)?.length ?? 0) >= MIN_STRUCTURAL_TAGS;
}

// A <meta charset> or http-equiv content-type must sit in the first 1024 bytes (HTML standard,
// "prescan a byte stream to determine its encoding").
const META_CHARSET_RE = /<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})/i;

/** The charset a page declares in a <meta> within its first 1024 bytes, lower-cased. */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, SNIFF_CHARS));
  const named = META_CHARSET_RE.exec(head)?.[1].toLowerCase();
  // A <meta> read as ASCII cannot be UTF-16: HTML's encoding sniffing takes "utf-16*" there to
  // mean UTF-8 (a UTF-16 page announces itself with its byte-order mark, which decodeText reads).
  return named?.startsWith("utf-16") ? "utf-8" : named;
}
