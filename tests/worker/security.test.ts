/// <reference types="@cloudflare/vitest-pool-workers/types" />
// The default-configuration access cases against the Worker inside workerd.
import { SELF } from "cloudflare:test";
import { describe, it } from "vitest";
import { OPEN_CASES } from "../http/security-cases.ts";

describe("access control in workerd, default configuration", () => {
  for (const c of OPEN_CASES) it(c.name, () => c.run((path, init) => SELF.fetch("http://boilerstrip.test" + path, init)));
});
