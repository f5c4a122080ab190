// The eval's sample tally: boilerplate lines left and body lines removed, counted against the
// hand labels. Checked by swapping the labels: the same cleaning then leaves as many "boilerplate"
// lines as it kept body lines, and removes as many "body" lines as it removed boilerplate ones.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import { formatSamples, scoreSamples } from "../../src/eval/samples.ts";
import { defaultModel } from "../../src/model/index.ts";
import { listSamples } from "../../src/train/dataset.ts";

const SAMPLES = path.join(REPO_ROOT, "samples");
const swapped = fs.mkdtempSync(path.join(os.tmpdir(), "boilerstrip-samples-"));
afterAll(() => fs.rmSync(swapped, { recursive: true, force: true }));

describe("scoreSamples", () => {
  const model = defaultModel();
  const rows = scoreSamples(SAMPLES, () => model);

  it("scores every sample, counts within the label totals", () => {
    expect(rows.map((r) => r.name)).toEqual(listSamples(SAMPLES));
    for (const r of rows) {
      expect(r.x).toBeGreaterThan(0);
      expect(r.b).toBeGreaterThan(0);
      expect(r.xKept).toBeLessThanOrEqual(r.x);
      expect(r.bLost).toBeLessThanOrEqual(r.b);
    }
  });

  it("counts against the labels: swapping B and X swaps what is counted", () => {
    for (const name of listSamples(SAMPLES)) {
      for (const ext of [".txt", ".gold.txt"]) fs.copyFileSync(path.join(SAMPLES, name + ext), path.join(swapped, name + ext));
      const labels = fs.readFileSync(path.join(SAMPLES, `${name}.labels.tsv`), "utf8");
      fs.writeFileSync(path.join(swapped, `${name}.labels.tsv`), labels.replace(/^([BX])(?=\t|$)/gm, (l) => (l === "B" ? "X" : "B")));
    }
    const other = scoreSamples(swapped, () => model);
    rows.forEach((r, k) => {
      expect(other[k]).toEqual({ name: r.name, x: r.b, b: r.x, xKept: r.b - r.bLost, bLost: r.x - r.xKept });
    });
  });

  it("asks for each sample's model by the site the trainer gives it", () => {
    const asked: string[] = [];
    scoreSamples(SAMPLES, (site) => { asked.push(site); return model; });
    expect(asked).toEqual(listSamples(SAMPLES).map((n) => `sample:${n}`));
  });

  it("prints a line per sample and the totals", () => {
    const text = formatSamples(rows, "bundled");
    expect(text.split("\n")).toHaveLength(rows.length + 2);
    const x = rows.reduce((a, r) => a + r.x, 0), xKept = rows.reduce((a, r) => a + r.xKept, 0);
    expect(text).toContain(`X left ${xKept}/${x}`);
  });
});
