// /v1/sites/{site}: a site's template as a resource. POST …/learn cleans one page (the bodies
// /v1/clean takes) and learns it into the template; GET says what the template holds (counts:
// it has no text); DELETE forgets it (after a redesign, or to start again). /v1/clean with
// siteTemplate "learn" learns too, and returns the cleaned page instead of the template.
import type { Context, Hono } from "hono";
import { MAX_SITE_CHARS } from "../core/options.ts";
import { summarizeTemplate, type SiteTemplate } from "../core/site-template.ts";
import { cleanWithTemplate, type CleanDeps } from "./document.ts";
import { errorResponse, HttpError, methodNotAllowed } from "./errors.ts";
import { parseCleanRequest } from "./request.ts";
import { SiteLimitError, siteKeyOf, type SiteStore } from "./site-store.ts";

function siteOf(c: Context): string {
  const raw = c.req.param("site") ?? "";
  const key = raw.length <= MAX_SITE_CHARS ? siteKeyOf({ site: raw }) : null;
  if (!key) throw new HttpError(400, "invalid_site", `the site in the path must be 1 to ${MAX_SITE_CHARS} characters, not blank`);
  return key;
}

function storeOf(deps: CleanDeps): SiteStore {
  if (!deps.sites) throw new HttpError(501, "not_implemented", "site templates are not kept by this server");
  return deps.sites;
}

/** A store call's failure, when it is the request's: these routes exist to read and write it. */
function storeUnavailable(err: unknown): never {
  if (err instanceof SiteLimitError) throw new HttpError(507, "site_limit_reached", err.message);
  console.error(`site store failed: ${err instanceof Error ? err.message : String(err)}`);
  throw new HttpError(503, "site_store_unavailable", "the site template store failed; try again");
}
const stored = <T>(what: Promise<T>): Promise<T> => what.catch(storeUnavailable);

const summary = (site: string, t: SiteTemplate) => ({ site, ...summarizeTemplate(t) });

export function registerSiteRoutes(app: Hono, deps: CleanDeps & { maxBodyBytes: number }): void {
  app.post("/v1/sites/:site/learn", async (c) => {
    const site = siteOf(c);
    const store = storeOf(deps);
    const input = await parseCleanRequest(c.req.raw, deps.maxBodyBytes);
    // Learned whatever the options' siteTemplate says: learning is what this route is for.
    const { learned } = await cleanWithTemplate(input, deps, store, site, true, storeUnavailable);
    return c.json(summary(site, learned!));
  });
  app.get("/v1/sites/:site", async (c) => {
    const site = siteOf(c);
    const t = await stored(storeOf(deps).get(site));
    if (!t) return errorResponse(c, 404, "no_template", `no page of site "${site}" has been learned`);
    return c.json(summary(site, t));
  });
  app.delete("/v1/sites/:site", async (c) => {
    const site = siteOf(c);
    return c.json({ site, deleted: await stored(storeOf(deps).delete(site)) });
  });
  app.all("/v1/sites/:site/learn", (c) => methodNotAllowed(c, "POST"));
  app.all("/v1/sites/:site", (c) => methodNotAllowed(c, "GET", "HEAD", "DELETE"));
}
