// What cleaning needs under Node (the server, the CLI and its batch workers): the bundled models
// and a DOM for HTML mode — jsdom by default, linkedom with BOILERSTRIP_DOM=linkedom, which
// parses ~5x faster and agrees with jsdom within 0.01 F1 on the corpus (npm run eval).
import type { CleanDeps } from "../http/document.ts";
import { jsdomImpl } from "../dom/jsdom.ts";
import { linkedomImpl } from "../dom/linkedom.ts";
import { defaultHtmlModel, defaultModel } from "../model/index.ts";

export function nodeDeps(env: NodeJS.ProcessEnv = process.env): CleanDeps {
  return { model: defaultModel, html: { dom: env.BOILERSTRIP_DOM === "linkedom" ? linkedomImpl : jsdomImpl, model: defaultHtmlModel } };
}
