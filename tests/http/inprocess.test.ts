// The shared HTTP cases against the Hono app in-process (app.request).
import { nodeDeps } from "../../src/node/deps.ts";
import { describe, it } from "vitest";
import { createApp, DEFAULT_MAX_BODY_BYTES } from "../../src/http/app.ts";
import { HTML_CASES, HTTP_CASES } from "./cases.ts";

const app = createApp({ ...nodeDeps(), maxBodyBytes: DEFAULT_MAX_BODY_BYTES });

describe("HTTP in-process", () => {
  for (const c of [...HTTP_CASES, ...HTML_CASES]) it(c.name, () => c.run(async (path, init) => app.request(path, init)));
});
