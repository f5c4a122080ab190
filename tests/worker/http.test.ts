/// <reference types="@cloudflare/vitest-pool-workers/types" />
// The shared HTTP cases against the Worker, running inside workerd.
import { SELF } from "cloudflare:test";
import { describe, it } from "vitest";
import { HTML_CASES, HTTP_CASES } from "../http/cases.ts";
import { SITE_CASES } from "../http/site-cases.ts";

describe("HTTP in workerd", () => {
  // No SITES namespace is bound here: the isolate keeps site templates in its memory.
  for (const c of [...HTTP_CASES, ...HTML_CASES, ...SITE_CASES]) it(c.name, () => c.run((path, init) => SELF.fetch("http://boilerstrip.test" + path, init)));
});
