// The one DOM interface HTML mode needs. jsdom implements it under Node (src/dom/jsdom.ts),
// linkedom in the Worker (src/dom/linkedom.ts); everything in src/html/ sees only this.
//
// A parsed page never runs a script and never fetches anything: both implementations are used
// without a window that executes code or loads resources.
import type { Readability } from "@mozilla/readability";

export interface ParsedPage {
  document: Document;
  /** Frees what the implementation holds (jsdom's window); safe to call twice. */
  dispose(): void;
}

export interface DomImpl {
  readonly name: "jsdom" | "linkedom";
  /** Parses a whole HTML page. `url` is the page's address, when known (base for relative links). */
  parse(html: string, url?: string): ParsedPage;
  /** Readability's class, which this runtime may load on first use (Node: src/dom/node-lazy.ts). */
  readability(): typeof Readability;
}
