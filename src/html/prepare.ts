// Before a DOM sees the page: drop <script> (except JSON-LD, which carries the metadata) and
// <style> elements. Neither is ever text, Readability removes both itself, and jsdom parses every
// stylesheet: dropping them first about halves jsdom's time on the corpus without changing a block.
//
// A single forward scan with indexOf, not a lazy regex: `<script[\s\S]*?</script>` rescans to the
// end of the page for every unclosed <script, which is quadratic on hostile input.

const OPEN_RE = /<(script|style)\b/gi;

function closeTagEnd(lower: string, name: string, from: number): number {
  const at = lower.indexOf(`</${name}`, from);
  if (at < 0) return -1;
  const gt = lower.indexOf(">", at);
  return gt < 0 ? -1 : gt + 1;
}

export function stripScriptsAndStyles(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let kept = 0;
  OPEN_RE.lastIndex = 0;
  for (let m = OPEN_RE.exec(html); m; m = OPEN_RE.exec(html)) {
    const name = m[1].toLowerCase();
    const tagEnd = lower.indexOf(">", m.index);
    if (tagEnd < 0) break;
    const end = closeTagEnd(lower, name, tagEnd);
    if (end < 0) break; // unclosed to the end of the page: leave the rest to the parser
    const isJsonLd = name === "script" && lower.slice(m.index, tagEnd).includes("ld+json");
    if (!isJsonLd) {
      out.push(html.slice(kept, m.index));
      kept = end;
    }
    OPEN_RE.lastIndex = end;
  }
  out.push(html.slice(kept));
  return out.join("");
}

// Elements that never nest (void) or whose end tag may be left out (p, li, td, ...): neither
// counts toward depth, so a page of unclosed <p> does not look deep.
const NO_DEPTH = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
  "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rt", "rp",
]);
// Greedy [^<>]* cannot backtrack across another tag, so each position is scanned a bounded number
// of times: linear on any input (tests/core/regex-safety.test.ts).
const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]{0,63})\b[^<>]*?(\/?)>/g;

export interface BoundedMarkup {
  html: string;
  /** Deepest element nesting left after bounding (void and optional-end elements not counted). */
  depth: number;
}

/**
 * Bounds what a DOM and Readability must cope with, in one linear pass over the tags:
 * - elements nested deeper than `maxDepth` lose their tags (not their text): jsdom's parse time
 *   grows with the square of the depth, Readability's faster still;
 * - a tag longer than `maxTagChars` keeps its name but loses its attributes: parsers check each
 *   new attribute against the element's others (quadratic in their number), and no attribute
 *   carries article text.
 * A page within both limits is returned as it came.
 */
export function boundMarkup(html: string, maxDepth: number, maxTagChars: number): BoundedMarkup {
  const out: string[] = [];
  let depth = 0, max = 0, kept = 0;
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(html); m; m = TAG_RE.exec(html)) {
    const closing = m[1] === "/";
    const counts = !NO_DEPTH.has(m[2].toLowerCase()) && !m[3];
    const tooDeep = counts && (closing ? depth > maxDepth : depth >= maxDepth);
    if (counts) depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (!tooDeep && depth > max) max = depth;
    if (tooDeep || m[0].length > maxTagChars) {
      out.push(html.slice(kept, m.index), tooDeep ? " " : `<${m[1]}${m[2]}${m[3]}>`);
      kept = m.index + m[0].length;
    }
  }
  if (kept === 0) return { html, depth: Math.min(max, maxDepth) };
  out.push(html.slice(kept));
  return { html: out.join(""), depth: Math.min(max, maxDepth) };
}
