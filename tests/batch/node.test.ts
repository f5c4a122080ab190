// Batch cases against the Node server, and proof that NDJSON answers stream: the client sends a
// line only after it has read the answer to the previous one, which a buffering server would
// never give (the test would time out).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sample from "../../samples/001_be03bee398530b61.txt?raw";
import { startServer, type NodeServer } from "../../src/node/server.ts";
import { BATCH_CASES } from "./cases.ts";

let server: NodeServer;
beforeAll(async () => {
  server = await startServer({ port: 0, host: "127.0.0.1", env: {} });
});
afterAll(() => server?.close());

describe("batch against the Node server", () => {
  for (const c of BATCH_CASES) it(c.name, () => c.run((path, init) => fetch(server.url + path, init)));

  it("NDJSON is answered line by line while the request is still being sent", async () => {
    const encoder = new TextEncoder();
    let sent = 0;
    let answered = 0;
    let wake: (() => void) | undefined;
    const N = 5;
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        if (sent === N) return c.close();
        while (answered < sent) await new Promise<void>((r) => (wake = r));
        c.enqueue(encoder.encode(JSON.stringify({ id: sent++, text: sample }) + "\n"));
      },
    });
    const res = await fetch(server.url + "/v1/clean/batch", { method: "POST", headers: { "content-type": "application/x-ndjson" }, body, duplex: "half" } as RequestInit);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buf = "";
    const ids: number[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buf += value;
      let nl: number;
      while ((nl = buf.indexOf("\n")) >= 0) {
        ids.push(JSON.parse(buf.slice(0, nl)).id);
        buf = buf.slice(nl + 1);
        answered++;
        wake?.();
      }
    }
    expect(ids).toEqual([0, 1, 2, 3, 4]);
  });
});
