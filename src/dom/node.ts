// The DOMs HTML mode has under Node: jsdom (the default) and linkedom, each with Readability
// loaded on the first page it reads (src/dom/node-lazy.ts says why).
import { linkedomDom } from "./linkedom.ts";
import { nodeReadability } from "./node-lazy.ts";

export { jsdomImpl } from "./jsdom.ts";
export const linkedomImpl = linkedomDom(nodeReadability);
