// linkedom behind the DomImpl interface: runs in workerd (and in Node: src/dom/node.ts).
// linkedom has no script engine and no loader, so nothing runs and nothing is fetched.
// Readability comes from the host: the Worker bundles it, Node loads it on first use.
import type { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom/worker";
import type { DomImpl, ParsedPage } from "../html/dom.ts";

// linkedom's parser (htmlparser2) reads "<![CDATA[" as a CDATA section up to "]]>" anywhere; in
// HTML content a browser (and jsdom) reads it as a bogus comment up to the next ">". A page with
// "<![CDATA[" after <body> and no "]]>" then lost its whole body under linkedom (3 forum pages of
// the corpus: no blocks, where jsdom found 189-320). Written "<?[CDATA[", htmlparser2 reads it as
// the browser does, to the next ">" (as the streaming segmenter does: stream-blocks.ts). Scripts
// and styles are gone before parsing (prepare.ts); in <svg> and <math>, where CDATA is a real
// section, its text is lost, which is not article text.
const CDATA = "<![CDATA[";
const CDATA_AS_READ = "<?[CDATA[";

export function linkedomDom(readability: () => typeof Readability): DomImpl {
  return {
    name: "linkedom",
    readability,
    parse(html: string): ParsedPage {
      const { document } = parseHTML(html.includes(CDATA) ? html.replaceAll(CDATA, CDATA_AS_READ) : html) as unknown as { document: Document };
      return { document, dispose() {} };
    },
  };
}
