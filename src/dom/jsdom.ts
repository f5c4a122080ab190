// jsdom behind the DomImpl interface: Node only (jsdom fails at start-up in workerd).
// No runScripts and no resources option: jsdom then executes no script and fetches nothing.
import { JSDOM, VirtualConsole } from "jsdom";
import type { DomImpl, ParsedPage } from "../html/dom.ts";

function newDom(html: string, url: string | undefined, virtualConsole: VirtualConsole): JSDOM {
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
  parse(html: string, url?: string): ParsedPage {
    const virtualConsole = new VirtualConsole(); // not forwarded: CSS errors and the like stay silent
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
