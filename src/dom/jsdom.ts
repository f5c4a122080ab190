// jsdom behind the DomImpl interface: Node only (jsdom fails at start-up in workerd). jsdom and
// Readability load on the first page parsed, not with this module (src/dom/node-lazy.ts says why).
// No runScripts and no resources option: jsdom then executes no script and fetches nothing.
import type { JSDOM, VirtualConsole } from "jsdom";
import type { DomImpl, ParsedPage } from "../html/dom.ts";
import { lazyRequire, nodeReadability } from "./node-lazy.ts";

const jsdomModule = lazyRequire<typeof import("jsdom")>("jsdom");

function newDom(html: string, url: string | undefined, virtualConsole: VirtualConsole): JSDOM {
  const { JSDOM } = jsdomModule();
  if (url) {
    try {
      return new JSDOM(html, { url, virtualConsole });
    } catch (e) {
      // An unparsable URL: parse without one rather than lose the page.
      if (!(e instanceof TypeError)) throw e;
    }
  }
  return new JSDOM(html, { virtualConsole });
}

export const jsdomImpl: DomImpl = {
  name: "jsdom",
  readability: nodeReadability,
  parse(html: string, url?: string): ParsedPage {
    const virtualConsole = new (jsdomModule().VirtualConsole)(); // not forwarded: CSS errors and the like stay silent
    const dom = newDom(html, url, virtualConsole);
    let open = true;
    return {
      document: dom.window.document,
      dispose() {
        if (open) dom.window.close();
        open = false;
      },
    };
  },
};
