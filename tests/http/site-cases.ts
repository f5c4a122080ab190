// Site templates over HTTP, one list of cases run in-process, against the Node server and inside
// workerd: pages sent with siteTemplate "learn" teach the service a site's template, and a kept
// line that most of them hold is then removed from the site's next pages, with its reason. Each
// case uses sites of its own: the service keeps what it learned between cases.
import { expect } from "vitest";
import type { HttpCase, Send } from "./cases.ts";

// An appeal the model keeps as body on a page of its own (tests/core/site-template.test.ts checks it).
export const APPEAL = "Independent journalism needs readers like you: a monthly gift of any size keeps our reporters in the field, and every reader who gives helps us stay free for everyone.";
export const ARTICLES = [
  ["The river authority opened the new flood gates on Tuesday after two years of building work, and the town's lower streets stayed dry through the first spring tide.", "Engineers said the gates can be closed in under ten minutes, against an hour for the old boards, and that the pumps behind them were tested at twice their expected load."],
  ["A family of otters has returned to the canal for the first time in forty years, volunteers counting wildlife along the towpath reported at the weekend.", "The canal trust credits a decade of cleaner water and the new reed beds below the lock, where the otters were filmed catching eels just after dawn."],
  ["The school board voted to keep the old library building and turn its reading room into a study space open to the whole town in the evenings.", "Parents had collected two thousand signatures against the sale, and the board's chair said the building would cost less to repair than to replace."],
  ["Bakers across the county report that the price of flour has risen by a third since the summer, and several small shops have shortened their opening hours.", "One baker said she now buys directly from a mill in the valley, which saves on delivery and lets her plan a month ahead for the first time."],
];
export const sitePage = (k: number) => [...ARTICLES[k], APPEAL].join("\n");

interface Body { text: string; removed: { text: string; reason: string }[] }

const json = (doc: Record<string, unknown>, headers: Record<string, string> = {}): RequestInit =>
  ({ method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(doc) });

/**
 * Sends the first three pages to be learned under `where` ({url} or {site}). A page is cleaned
 * before it is learned and a template is used from two pages on: the first two keep the appeal,
 * the third loses it.
 */
export async function learnThree(send: Send, where: Record<string, string>, headers: Record<string, string> = {}): Promise<void> {
  for (let k = 0; k < 3; k++) {
    const res = await send("/v1/clean", json({ text: sitePage(k), ...where, options: { siteTemplate: "learn" } }, headers));
    expect(res.status).toBe(200);
    expect(((await res.json()) as Body).text.includes(APPEAL)).toBe(k < 2);
  }
}

export async function cleanFourth(send: Send, doc: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Body> {
  const res = await send("/v1/clean", json({ text: sitePage(3), ...doc }, headers));
  expect(res.status).toBe(200);
  return (await res.json()) as Body;
}

export const SITE_CASES: HttpCase[] = [
  {
    name: "site template: three pages learned, the fourth loses the appeal they share, with its reason",
    async run(send) {
      await learnThree(send, { url: "https://www.harbour-gazette.example/news/1" });
      const body = await cleanFourth(send, { url: "https://harbour-gazette.example/news/4" });
      expect(body.text).toBe(ARTICLES[3].join("\n"));
      const appeal = body.removed.find((r) => r.text === APPEAL);
      expect(appeal?.reason).toMatch(/^on 3 of the last 3 pages learned from this site: part of its template/);
    },
  },
  {
    name: "site template: not applied with siteTemplate off, nor to another site",
    async run(send) {
      await learnThree(send, { url: "https://valley-times.example/a" });
      expect((await cleanFourth(send, { url: "https://valley-times.example/d", options: { siteTemplate: "off" } })).text).toContain(APPEAL);
      expect((await cleanFourth(send, { url: "https://other-paper.example/d" })).text).toContain(APPEAL);
      expect((await cleanFourth(send, {})).text).toContain(APPEAL);
    },
  },
  {
    name: "site template: `site` names the template whatever the URL's host, and the query can ask to learn",
    async run(send) {
      for (let k = 0; k < 2; k++) {
        const res = await send(`/v1/clean?siteTemplate=learn&site=County%20Group&url=${encodeURIComponent(`https://paper${k}.example/x`)}`, { method: "POST", headers: { "content-type": "text/plain" }, body: sitePage(k) });
        expect(res.status).toBe(200);
      }
      expect((await cleanFourth(send, { site: "county group" })).text).toBe(ARTICLES[3].join("\n"));
      expect((await cleanFourth(send, { url: "https://paper0.example/y" })).text).toContain(APPEAL);
    },
  },
  {
    name: "site template: a JSON batch learns page by page, so its pages after the second are cut",
    async run(send) {
      const docs = [0, 1, 2, 3].map((k) => ({ id: k, text: sitePage(k), url: `https://batch-news.example/${k}`, options: { siteTemplate: "learn" } }));
      const res = await send("/v1/clean/batch", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(docs) });
      expect(res.status).toBe(200);
      const items = (await res.json()) as Body[];
      expect(items.map((i) => i.text.includes(APPEAL))).toEqual([true, true, false, false]);
    },
  },
  {
    name: "/v1/sites/{site}: learn pages, read the template's counts, clean with it, forget it",
    async run(send) {
      const site = "Sites-Route.example";
      expect((await send(`/v1/sites/${site}`)).status).toBe(404);
      for (let k = 0; k < 3; k++) {
        const res = await send(`/v1/sites/${site}/learn`, { method: "POST", headers: { "content-type": "text/plain" }, body: sitePage(k) });
        expect(res.status).toBe(200);
        const t = (await res.json()) as { site: string; pages: number; window: number; lines: number; templateLines: number; needed: number | null };
        // Each page holds three lines of 4+ words; only the appeal is on every page.
        expect(t).toEqual({ site: "sites-route.example", pages: k + 1, window: k + 1, lines: 2 * (k + 1) + 1, templateLines: k === 0 ? 0 : 1, needed: [null, 2, 3][k] });
      }
      const got = (await (await send(`/v1/sites/${encodeURIComponent("SITES-ROUTE.example")}`)).json()) as { pages: number };
      expect(got.pages).toBe(3);
      expect((await cleanFourth(send, { site })).text).toBe(ARTICLES[3].join("\n"));
      const del = await send(`/v1/sites/${site}`, { method: "DELETE" });
      expect(await del.json()).toEqual({ site: "sites-route.example", deleted: true });
      expect((await send(`/v1/sites/${site}`)).status).toBe(404);
      expect(await (await send(`/v1/sites/${site}`, { method: "DELETE" })).json()).toEqual({ site: "sites-route.example", deleted: false });
      expect((await cleanFourth(send, { site })).text).toContain(APPEAL);
    },
  },
  {
    name: "site template: pages learned at the same time all count, by /v1/sites/{site}/learn and by /v1/clean",
    async run(send) {
      // Sent together, each learn reads the template while the others are still being cleaned: a
      // store that wrote back the whole template it read kept one page of each race.
      const site = "concurrent-learns.example";
      const viaSites = [0, 1, 2, 3, 0, 1].map((k) => send(`/v1/sites/${site}/learn`, { method: "POST", headers: { "content-type": "text/plain" }, body: sitePage(k) }));
      const viaClean = [2, 3, 0, 1, 2, 3].map((k) => send("/v1/clean", json({ text: sitePage(k), site, options: { siteTemplate: "learn" } })));
      for (const res of await Promise.all([...viaSites, ...viaClean])) expect(res.status).toBe(200);
      const t = (await (await send(`/v1/sites/${site}`)).json()) as { pages: number; window: number };
      expect(t).toMatchObject({ pages: 12, window: 12 });
    },
  },
  {
    name: "/v1/sites/{site}: wrong methods are 405, a blank or oversized site 400, a bad body the /v1/clean error",
    async run(send) {
      const err = async (res: Response, status: number, code: string) => {
        expect(res.status).toBe(status);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
      };
      await err(await send("/v1/sites/a.example", { method: "POST", body: "x" }), 405, "method_not_allowed");
      await err(await send("/v1/sites/a.example/learn"), 405, "method_not_allowed");
      await err(await send("/v1/sites/%20%20"), 400, "invalid_site");
      await err(await send(`/v1/sites/${"x".repeat(1001)}`), 400, "invalid_site");
      await err(await send("/v1/sites/a.example/learn", { method: "POST", headers: { "content-type": "text/plain" }, body: "   " }), 400, "no_text");
      await err(await send("/v1/sites/a.example/learn", { method: "POST", headers: { "content-type": "application/json" }, body: "{" }), 400, "invalid_json");
      expect((await send("/v1/sites/a.example")).status).toBe(404); // nothing was learned
    },
  },
  {
    name: "site template: a siteTemplate value that is not one of use, learn, off is a 400",
    async run(send) {
      const res = await send("/v1/clean", json({ text: sitePage(0), url: "https://x.example/", options: { siteTemplate: "always" } }));
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.message).toMatch(/siteTemplate/);
    },
  },
];
