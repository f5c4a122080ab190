// The shipped HTML models' context passes were grown with the training code's settings: the fast
// engine's with FAST_CONTEXT_TREES trees (its fold models too, which the eval reads), the
// Readability engine's with CONTEXT_PARAMS' 100. A model trained with other settings than the code
// says fails here, so the numbers in html-train.ts stay the shipped ones.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { HtmlModelFile } from "../../src/core/html-model.ts";
import { defaultFastHtmlModel, defaultHtmlModel } from "../../src/model/index.ts";
import { FAST_CONTEXT_TREES } from "../../src/train/html-train.ts";
import { FOLDS } from "../../src/train/train.ts";

const CV = path.join(import.meta.dirname, "../../src/model/cv");

describe("HTML context pass trees", () => {
  it("the fast engine's model and its fold models have FAST_CONTEXT_TREES trees", () => {
    expect(defaultFastHtmlModel().file.context.trees.length).toBe(FAST_CONTEXT_TREES);
    for (let k = 0; k < FOLDS; k++) {
      const f = JSON.parse(fs.readFileSync(path.join(CV, `html-fast-fold-${k}.json`), "utf8")) as HtmlModelFile;
      expect(f.context.trees.length).toBe(FAST_CONTEXT_TREES);
    }
  });

  it("the Readability engine's model keeps 100", () => {
    expect(defaultHtmlModel().file.context.trees.length).toBe(100);
  });
});
