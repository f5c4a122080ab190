// A page of boilerplate lines sent over and over (a scraper looping on a "load more" rail) is
// boilerplate however long it is: the bundled model removes it at every length. The repeat and
// list-run counts are read up to 100 (REPEAT_LOG_CAP, LIST_RUN_LOG_CAP in src/core/features.ts);
// with only the repeats bounded, the context pass kept about half the lines from 200 copies on.
import { describe, expect, it } from "vitest";
import { clean } from "../../src/core/clean.ts";
import { defaultModel } from "../../src/model/index.ts";

describe("repeated boilerplate", () => {
  const model = defaultModel();
  for (const copies of [10, 150, 1_000]) {
    it(`"Read more" / "Share this article" x ${copies}: all removed`, () => {
      const r = clean("Read more\nShare this article\n".repeat(copies), {}, model);
      expect(r.stats.lines).toBe(2 * copies);
      expect(r.stats.removedLines).toBe(2 * copies);
      expect(r.text).toBe("");
    });
  }
});
