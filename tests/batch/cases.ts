// Batch cases, run in-process, against the Node server and inside workerd.
import { expect } from "vitest";
import sampleA from "../../samples/001_be03bee398530b61.txt?raw";
import sampleB from "../../samples/003_781ff10bc3527234.txt?raw";
import type { HttpCase, Send } from "../http/cases.ts";

interface Item {
  index: number;
  id?: string | number;
  text?: string;
  confidence?: number;
  error?: { code: string; message: string };
}

const single = async (send: Send, text: string, options: object = {}) =>
  (await (await send("/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, options }) })).json()) as Item;

const post = (send: Send, type: string, body: string) => send("/v1/clean/batch", { method: "POST", headers: { "content-type": type }, body });

export const BATCH_CASES: HttpCase[] = [
  {
    name: "JSON array: results in order, each as /v1/clean answers, bad documents fail alone",
    async run(send) {
      const docs = [{ id: "a", text: sampleA }, { id: 2, url: "https://x.org" }, { text: sampleB, options: { preference: "recall" } }, { text: sampleA, options: { preference: "most" } }, 17];
      const res = await post(send, "application/json", JSON.stringify(docs));
      expect(res.status).toBe(200);
      const items = (await res.json()) as Item[];
      expect(items.map((i) => i.index)).toEqual([0, 1, 2, 3, 4]);
      expect(items[0].id).toBe("a");
      expect(items[0].text).toBe((await single(send, sampleA)).text);
      expect(items[1]).toMatchObject({ id: 2, error: { code: "no_text" } });
      expect(items[2].text).toBe((await single(send, sampleB, { preference: "recall" })).text);
      expect(items[3].error?.code).toBe("invalid_options");
      expect(items[4].error?.code).toBe("bad_request");
    },
  },
  {
    name: "JSON array: 413 above 100 documents, 400 for a non-array or an empty one, 415 for text",
    async run(send) {
      const many = await post(send, "application/json", JSON.stringify(Array.from({ length: 101 }, () => ({ text: "a b" }))));
      expect(many.status).toBe(413);
      expect(((await many.json()) as Item).error?.code).toBe("payload_too_large");
      for (const body of ['{"text":"a"}', "[]"]) {
        const res = await post(send, "application/json", body);
        expect(res.status).toBe(400);
        expect(((await res.json()) as Item).error?.code).toBe("bad_request");
      }
      expect((await post(send, "application/json", "[{")).status).toBe(400);
      expect((await post(send, "text/plain", sampleA)).status).toBe(415);
      expect((await send("/v1/clean/batch")).status).toBe(405);
    },
  },
  {
    name: "JSON array: the documents together list at most 50,000 removed and explained lines, each saying what it left out",
    async run(send) {
      // 6 documents of 12,000 lines: each would list 10,000 (its own bound), 60,000 in all.
      const text = "Read more\nShare this article\n".repeat(6_000);
      const res = await post(send, "application/json", JSON.stringify(Array.from({ length: 6 }, () => ({ text, options: { explain: true } }))));
      expect(res.status).toBe(200);
      type Listed = Item & { removed: unknown[]; lines: unknown[]; stats: { lines: number; removedLines: number }; truncated?: { removed: number; lines: number } };
      const items = (await res.json()) as Listed[];
      expect(items.map((i) => i.lines.length)).toEqual([10_000, 10_000, 10_000, 10_000, 10_000, 0]);
      expect(items.map((i) => i.removed.length)).toEqual([10_000, 10_000, 10_000, 10_000, 10_000, 0]);
      for (const i of items) {
        expect(i.stats.lines).toBe(12_000);
        expect(i.truncated).toEqual({ removed: i.stats.removedLines - i.removed.length, lines: 12_000 - i.lines.length });
      }
      // The text is never cut: the last document's is the first's.
      expect(items[5].text).toBe(items[0].text);
    },
  },
  {
    name: "NDJSON: one line out per document in order, blank lines skipped, each its own result or error",
    async run(send) {
      const lines = [JSON.stringify({ id: 1, text: sampleA }), "{not json", "", JSON.stringify({ id: 3, text: sampleB }), JSON.stringify({ id: 4, text: "" }), JSON.stringify({ id: 5, text: sampleA, options: { explain: true } })];
      const res = await post(send, "application/x-ndjson", lines.join("\n"));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
      const out = (await res.text()).trimEnd().split("\n").map((l) => JSON.parse(l) as Item & { lines?: unknown[] });
      expect(out.map((o) => o.index)).toEqual([0, 1, 2, 3, 4]);
      expect(out.map((o) => o.id)).toEqual([1, undefined, 3, 4, 5]);
      expect(out[0].text).toBe((await single(send, sampleA)).text);
      expect(out[1].error?.code).toBe("invalid_json");
      expect(out[2].text).toBe((await single(send, sampleB)).text);
      expect(out[3].error?.code).toBe("no_text");
      expect(out[4].lines?.length).toBeGreaterThan(5);
    },
  },
];
