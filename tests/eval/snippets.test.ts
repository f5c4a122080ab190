// The eval's must-include / must-exclude snippet tally: which snippets count, how they match, and
// the shares it prints.
import { describe, expect, it } from "vitest";
import { SnippetTally } from "../../src/eval/snippets.ts";

const BODY = ["Work began on Monday to rebuild the stretch of sea wall.", "The old wall, built in the 1950s, gave way in two places."];
const INPUT = ["Home", "Sign up for our free morning newsletter", ...BODY, "Homes along the front were spared."].join("\n");
const GOLD = [...BODY, "Homes along the front were spared."].join("\n");
const SNIPPETS = {
  with: ["rebuild the stretch of sea wall", "The old wall, built in the 1950s", "a sentence the input does not hold at all", "Homes along the front"],
  without: ["Home", "Sign up for our free morning newsletter", "Cookie settings"],
};

describe("SnippetTally", () => {
  it("counts only snippets the input (and, for `with`, the gold) holds; short ones match whole lines only", () => {
    const t = new SnippetTally();
    t.startPage("article", SNIPPETS, GOLD, { page_text: INPUT, loose_text: BODY.join("\n") });
    t.add("unchanged", "page_text", INPUT);
    // Keeps the first body line only, and "Homes along the front were spared." ("Home" is not a line of it).
    t.add("boilerstrip", "page_text", [BODY[0], "Homes along the front were spared."].join("\n"));
    t.add("boilerstrip", "html-fast", ["HOME", ...BODY].join("\n")); // HTML kinds are counted against page_text
    t.add("boilerstrip", "loose_text", BODY.join("\n"));
    t.startPage("forum", SNIPPETS, GOLD, { page_text: INPUT, loose_text: INPUT });
    t.add("boilerstrip", "page_text", INPUT);
    const c = (k: string) => t.counts.get(k)!;
    expect(c("unchanged page_text").article).toEqual({ with: 3, withKept: 3, without: 2, withoutLeft: 2 });
    expect(c("boilerstrip page_text").article).toEqual({ with: 3, withKept: 2, without: 2, withoutLeft: 0 });
    expect(c("boilerstrip page_text").all).toEqual({ with: 6, withKept: 5, without: 4, withoutLeft: 2 });
    expect(c("boilerstrip html-fast").article).toEqual({ with: 3, withKept: 2, without: 2, withoutLeft: 1 });
    // loose_text's input holds two of the `with` snippets and none of the `without` ones.
    expect(c("boilerstrip loose_text").article).toEqual({ with: 2, withKept: 2, without: 0, withoutLeft: 0 });
    expect(t.lines()).toContain("boilerstrip           page_text     |  66.7 of 3        0.0 of 2      |  83.3 of 6       50.0 of 4");
  });

  it("skips a page without snippets", () => {
    const t = new SnippetTally();
    t.startPage("article", {}, GOLD, { page_text: INPUT, loose_text: INPUT });
    t.add("boilerstrip", "page_text", INPUT);
    expect(t.counts.size).toBe(0);
  });
});
