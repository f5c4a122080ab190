// The eval's title tally: which articles count, and what counts as the right title.
import { describe, expect, it } from "vitest";
import { TitleTally } from "../../src/eval/titles.ts";

describe("TitleTally", () => {
  it("counts pages holding the title, titles returned, right ones and word-for-word ones", () => {
    const t = new TitleTally();
    const input = "Menu\nHarbour town rebuilds its sea wall after winter storms | Gazette\nBody text here.";
    t.add("page_text", input, "Harbour town rebuilds its sea wall after winter storms", "Harbour town rebuilds its sea wall after winter storms | Gazette");
    t.add("page_text", input, "Harbour town rebuilds its sea wall after winter storms", "Menu");
    t.add("page_text", input, "Harbour town rebuilds its sea wall after winter storms", undefined);
    t.add("page_text", input, "Harbour town rebuilds its sea wall after winter storms", "Harbour Town rebuilds its sea-wall after winter storms");
    t.add("page_text", "Menu\nBody text here.", "Harbour town rebuilds its sea wall after winter storms", "Menu");
    t.add("page_text", input, undefined, "Menu");
    expect(t.byKind.get("page_text")).toEqual({ pages: 4, returned: 3, right: 2, exact: 1, otherReturned: 1 });
    expect(t.lines()).toContain("pages 4, returned 3, right 2 (exact 1): precision 0.667, recall 0.500");
  });
});
