// linkedom behind the DomImpl interface: runs in workerd (and in Node, for the parity tests).
// linkedom has no script engine and no loader, so nothing runs and nothing is fetched.
import { parseHTML } from "linkedom/worker";
import type { DomImpl, ParsedPage } from "../html/dom.ts";

export const linkedomImpl: DomImpl = {
  name: "linkedom",
  parse(html: string): ParsedPage {
    const { document } = parseHTML(html) as unknown as { document: Document };
    return { document, dispose() {} };
  },
};
