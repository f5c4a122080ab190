// The Readability engine's page-reading thread: the same answer as readPage on this thread, pages
// read one at a time, and a page past its budget, counted from when the thread takes it, refused
// with the budget's error while the thread is ended and replaced.
import { afterAll, describe, expect, it } from "vitest";
import { jsdomImpl } from "../../src/dom/node.ts";
import { readPage } from "../../src/html/read-page.ts";
import { ReadThread } from "../../src/node/read-thread.ts";

const PAGE = `<!doctype html><html lang="en"><head><title>Library vote</title></head><body><nav><a href="/">Home</a></nav><article>
<p>The council voted on Tuesday to keep the library open on Sundays, after a year of protests by readers.</p>
<p>Its budget for next year adds two librarians and a mobile library for the villages to the north.</p></article></body></html>`;
const SLOW = '<a href="x">link text</a> '.repeat(20_000);

describe("ReadThread", () => {
  const t = new ReadThread("jsdom");
  afterAll(() => t.close());

  it("answers what readPage answers here, timings aside", async () => {
    const there = await t.read(PAGE, "https://news.example/a", 0);
    const here = readPage(PAGE, jsdomImpl, "https://news.example/a");
    expect({ ...there, timings: null }).toEqual({ ...here, timings: null });
  });

  it("ends a page past its budget; the page waiting behind it is read on a new thread, its clock started only then", async () => {
    const slow = expect(t.read(SLOW, undefined, 800)).rejects.toThrow(/time budget of 800 ms \(stopped after parse and Readability\)/);
    // 400 ms: less than the slow page's 800 plus the new thread's start-up, none of which is its own.
    const waiting = t.read(PAGE, undefined, 400);
    await slow;
    const next = await waiting;
    expect(next.readability).toBe("ok");
    expect(next.blocks.map((b) => b.text)).toContain("Its budget for next year adds two librarians and a mobile library for the villages to the north.");
  });

  it("does not charge a page for the thread's start-up (jsdom's load takes longer than this budget)", async () => {
    const fresh = new ReadThread("jsdom");
    try {
      expect((await fresh.read(PAGE, undefined, 150)).readability).toBe("ok");
    } finally {
      await fresh.close();
    }
  });

  it("refuses a page that waits for the thread longer than its wait bound: 503 server_busy, with Retry-After", async () => {
    const own = new ReadThread("jsdom", 3000); // longer than its start-up (jsdom: up to ~1.3 s on a loaded machine)
    try {
      await own.read(PAGE, undefined, 0); // the thread started and ready: its start-up counts as waiting too
      const slow = expect(own.read(SLOW, undefined, 0)).rejects.toThrow(/closing/); // holds the thread for seconds
      await expect(own.read(PAGE, undefined, 0)).rejects.toMatchObject({ status: 503, code: "server_busy", retryAfterS: 5 });
      await own.close();
      await slow;
    } finally {
      await own.close();
    }
  });

  it("refuses what it holds when closed", async () => {
    const own = new ReadThread("linkedom");
    const held = expect(own.read(SLOW, undefined, 0)).rejects.toThrow(/closing/);
    await own.close();
    await held;
    await expect(own.read(PAGE, undefined, 0)).rejects.toThrow(/closed/);
  });
});
