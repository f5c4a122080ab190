// The Readability engine's page-reading thread: the same answer as readPage on this thread, pages
// read one at a time, and a page (running or waiting) past its budget refused with the budget's
// error while the thread is ended and replaced.
import { afterAll, describe, expect, it } from "vitest";
import { BudgetExceededError } from "../../src/core/budget.ts";
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

  it("ends a page past its budget, refuses the one waiting behind it once its own budget is spent, and reads the next on a new thread", async () => {
    const slow = expect(t.read(SLOW, undefined, 800)).rejects.toBeInstanceOf(BudgetExceededError);
    const waiting = expect(t.read(PAGE, undefined, 400)).rejects.toThrow(/time budget of 400 ms \(stopped after waiting for the page-reading thread\)/);
    await Promise.all([slow, waiting]);
    const next = await t.read(PAGE, undefined, 10_000);
    expect(next.readability).toBe("ok");
    expect(next.blocks.map((b) => b.text)).toContain("Its budget for next year adds two librarians and a mobile library for the villages to the north.");
  });

  it("refuses what it holds when closed", async () => {
    const own = new ReadThread("linkedom");
    const held = expect(own.read(SLOW, undefined, 0)).rejects.toThrow(/closing/);
    await own.close();
    await held;
  });
});
