// Every bundled model gives each preference a threshold of its own: "recall" below "balanced" (so
// asking for recall keeps more), "precision" at or above it. On the fast HTML engine "recall" once
// equalled "balanced" and did nothing (src/train/html-train.ts, RECALL_TARGET).
import { describe, expect, it } from "vitest";
import { defaultFastHtmlModel, defaultHtmlModel, defaultModel } from "../../src/model/index.ts";

describe("the bundled models' thresholds per preference", () => {
  const models = { text: defaultModel().file.thresholds, "html (Readability engine)": defaultHtmlModel().file.thresholds, "html (fast engine)": defaultFastHtmlModel().file.thresholds };
  for (const [name, t] of Object.entries(models)) {
    it(`${name}: recall < balanced <= precision, all in (0, 1)`, () => {
      expect(t.recall).toBeLessThan(t.balanced);
      expect(t.balanced).toBeLessThanOrEqual(t.precision);
      for (const x of [t.recall, t.precision]) expect(x > 0 && x < 1).toBe(true);
    });
  }
});
