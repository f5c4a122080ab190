/// <reference types="@cloudflare/vitest-pool-workers/types" />
// Batch, OpenAPI, docs and the playground inside workerd: the Worker serves them all.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BATCH_CASES } from "../batch/cases.ts";

const send = (path: string, init?: RequestInit) => SELF.fetch("http://boilerstrip.test" + path, init);

describe("batch in workerd", () => {
  for (const c of BATCH_CASES) it(c.name, () => c.run(send));
});

describe("pages in workerd", () => {
  it("serves /openapi.json, /docs and the playground at /", async () => {
    const doc = (await (await send("/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain("/v1/clean/batch");
    expect(await (await send("/docs")).text()).toContain("/openapi.json");
    const page = await send("/");
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toContain("boilerstrip playground");
  });
});
