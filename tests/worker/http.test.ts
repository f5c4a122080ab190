/// <reference types="@cloudflare/vitest-pool-workers/types" />
// The shared HTTP cases against the Worker, running inside workerd.
import { SELF } from "cloudflare:test";
import { describe, it } from "vitest";
import { HTML_CASES, HTTP_CASES } from "../http/cases.ts";

describe("HTTP in workerd", () => {
  for (const c of [...HTTP_CASES, ...HTML_CASES]) it(c.name, () => c.run((path, init) => SELF.fetch("http://boilerstrip.test" + path, init)));
});
