// linkedom behind the DomImpl interface: runs in workerd (and in Node: src/dom/node.ts).
// linkedom has no script engine and no loader, so nothing runs and nothing is fetched.
// Readability comes from the host: the Worker bundles it, Node loads it on first use.
import type { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom/worker";
import type { DomImpl, ParsedPage } from "../html/dom.ts";

export function linkedomDom(readability: () => typeof Readability): DomImpl {
  return {
    name: "linkedom",
    readability,
    parse(html: string): ParsedPage {
      const { document } = parseHTML(html) as unknown as { document: Document };
      return { document, dispose() {} };
    },
  };
}
