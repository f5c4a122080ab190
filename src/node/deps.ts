// What cleaning needs under Node (the server, the CLI and its batch workers): the bundled models
// and a DOM for HTML mode — jsdom by default, linkedom with BOILERSTRIP_DOM=linkedom, which
// parses ~5x faster and agrees with jsdom within 0.01 F1 on the corpus (npm run eval).
import type { CleanDeps } from "../http/document.ts";
import { jsdomImpl, linkedomImpl } from "../dom/node.ts";
import { htmlEngineFrom } from "../http/config.ts";
import { MemorySiteStore, NODE_SITES_MAX } from "../http/site-store.ts";
import { defaultFastHtmlModel, defaultHtmlModel, defaultModel } from "../model/index.ts";

export function nodeDeps(env: NodeJS.ProcessEnv = process.env): CleanDeps {
  const dom = env.BOILERSTRIP_DOM === "linkedom" ? linkedomImpl : jsdomImpl;
  return { model: defaultModel, html: { dom, model: defaultHtmlModel, fastModel: defaultFastHtmlModel, engine: htmlEngineFrom(env) } };
}

/** nodeDeps with site templates kept in this process's memory for its run (the CLI and its batch workers). */
export const cliDeps = (): CleanDeps => ({ ...nodeDeps(), sites: new MemorySiteStore(NODE_SITES_MAX) });
