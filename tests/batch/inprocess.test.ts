// Batch cases in-process, and what needs a small size limit: an NDJSON line over it.
import { nodeDeps } from "../../src/node/deps.ts";
import { describe, expect, it } from "vitest";
import sample from "../../samples/001_be03bee398530b61.txt?raw";
import { createApp, DEFAULT_MAX_BODY_BYTES } from "../../src/http/app.ts";
import { defaultModel } from "../../src/model/index.ts";
import { BATCH_CASES } from "./cases.ts";

const app = createApp({ ...nodeDeps(), maxBodyBytes: DEFAULT_MAX_BODY_BYTES });

describe("batch in-process", () => {
  for (const c of BATCH_CASES) it(c.name, () => c.run(async (path, init) => app.request(path, init)));

  it("NDJSON: a line over the size limit is reported on its own line and the stream goes on", async () => {
    const small = createApp({ model: defaultModel, maxBodyBytes: 4000 });
    const big = JSON.stringify({ text: "word ".repeat(5000) });
    const ok = JSON.stringify({ text: sample.slice(0, 2000) });
    // Sent in small chunks, so the long line arrives over many reads.
    const body = new TextEncoder().encode([ok, big, ok, big].join("\n"));
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (at >= body.length) return c.close();
        c.enqueue(body.subarray(at, (at += 700)));
      },
    });
    const res = await small.request("/v1/clean/batch", { method: "POST", headers: { "content-type": "application/x-ndjson" }, body: stream, duplex: "half" } as RequestInit);
    const out = (await res.text()).trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(out.map((o) => o.error?.code ?? "ok")).toEqual(["ok", "payload_too_large", "ok", "payload_too_large"]);
    expect(out[2].text).toBe(out[0].text);
  });

  it("JSON batch bodies are bounded too (413, counted on bytes read)", async () => {
    // 1000 bytes a page: the batch may hold 4x that, and two samples are 5.7 KB.
    const small = createApp({ model: defaultModel, maxBodyBytes: 1000 });
    const res = await small.request("/v1/clean/batch", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify([{ text: sample }, { text: sample }]) });
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    expect(res.status).toBe(413);
  });
});
