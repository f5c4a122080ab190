// The fast engine writes the context pass's rows side by side (htmlContextMatrix); training makes
// them one array per row (htmlContextRows over contextFeatures). Both must be the same rows.
import { describe, expect, it } from "vitest";
import { blockFeatures } from "../../src/core/clean-html.ts";
import { contextFeatures } from "../../src/core/context.ts";
import { HTML_CONTEXT_SIZE, htmlContextMatrix, htmlContextRows } from "../../src/core/html-features.ts";
import { dot, hashedScore, sigmoid } from "../../src/core/model.ts";
import { ROW_GROUP } from "../../src/core/trees.ts";
import { streamedBlocks } from "../../src/html/clean-page.ts";
import { defaultFastHtmlModel, defaultModel } from "../../src/model/index.ts";
import page from "./fixtures/article.html?raw";

// A page of more blocks than contextRows hands over at once (64), and not a multiple of ROW_GROUP.
const LONG = `<html><body><nav><a href="/">Home</a> <a href="/a">About</a></nav><main>${Array.from({ length: 150 }, (_, i) =>
  i % 7 === 0 ? `<h2 class="sub">Part ${i}</h2>` : `<p class="para p${i % 3}">Sentence ${i} of the story, with words enough to read as prose.</p>`).join("")}</main><footer>Footer text</footer></body></html>`;

describe("context-pass rows", () => {
  for (const [name, html] of [["the article fixture", page], ["a page of 170 blocks", LONG]] as const) {
    it(`side by side equal the rows one by one: ${name}`, () => {
      const model = defaultModel(), htmlModel = defaultFastHtmlModel();
      const read = streamedBlocks(html);
      const { a, f, nWords, markers, signals } = blockFeatures(read, model, htmlModel.hashBits, undefined, undefined, htmlModel.region);
      const n = f.dense.length;
      const pBlock = Float64Array.from(f.dense, (x, i) => sigmoid(dot(htmlModel.dense, x) + hashedScore(htmlModel.hashed, f.hashed[i])));
      const flat = htmlContextMatrix(pBlock, a.doc.denseFlat, nWords, markers, f.dense, signals, ROW_GROUP);
      const rows = htmlContextRows(contextFeatures(pBlock, a.doc.dense, nWords, markers), f.dense, signals, pBlock, nWords);
      expect(n).toBeGreaterThan(10);
      expect(flat.length).toBe(Math.ceil(n / ROW_GROUP) * ROW_GROUP * HTML_CONTEXT_SIZE);
      for (let i = 0; i < n; i++) expect(flat.subarray(i * HTML_CONTEXT_SIZE, (i + 1) * HTML_CONTEXT_SIZE)).toEqual(rows[i]);
      expect(flat.subarray(n * HTML_CONTEXT_SIZE).every((x) => x === 0)).toBe(true);
    });
  }
});
