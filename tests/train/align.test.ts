// Labels from gold: in-order token alignment of scraped lines to the gold body.
import { describe, expect, it } from "vitest";
import { labelLinesFromGold } from "../../src/train/align.ts";
import { listSamples, readSample } from "../../src/train/dataset.ts";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import path from "node:path";

const labels = (lines: string[], gold: string) => labelLinesFromGold(lines, gold).map((a) => a.label);

describe("labelLinesFromGold", () => {
  it("labels gold lines body and the rest boilerplate", () => {
    const gold = "The council voted on Tuesday to expand the bus network.\nThe plan adds four routes by next spring.";
    const lines = ["Home | News | Sport", "The council voted on Tuesday to expand the bus network.", "Sign up for our newsletter", "The plan adds four routes by next spring.", "Most read"];
    expect(labels(lines, gold)).toEqual(["boilerplate", "body", "boilerplate", "body", "boilerplate"]);
  });

  it("counts a repeated sentence once: the copy that fits the order is body", () => {
    const gold = "First paragraph of the story is here.\nSecond paragraph follows it closely.";
    const lines = ["Second paragraph follows it closely.", "First paragraph of the story is here.", "Second paragraph follows it closely."];
    const out = labelLinesFromGold(lines, gold);
    expect(out[1].label).toBe("body");
    expect(out.filter((a) => a.label === "body").length).toBe(2);
  });

  it("decides partial lines by the share of their tokens that align (at least half)", () => {
    const gold = "alpha beta gamma delta epsilon zeta eta theta";
    const lines = ["alpha beta gamma delta extra1 extra2", "epsilon zeta eta theta x1 x2 x3 x4 x5 x6"];
    const out = labelLinesFromGold(lines, gold);
    expect(out[0]).toMatchObject({ label: "body", tokens: 6, aligned: 4 });
    expect(out[1]).toMatchObject({ label: "boilerplate", tokens: 10, aligned: 4 });
  });

  it("never uses a gold token twice and leaves lines without tokens as boilerplate", () => {
    const gold = "one two three four";
    const lines = ["one two three four", "one two three four", "—", ""];
    const out = labelLinesFromGold(lines, gold);
    expect(out.reduce((s, a) => s + a.aligned, 0)).toBe(4);
    expect(out.map((a) => a.label)).toEqual(["body", "boilerplate", "boilerplate", "boilerplate"]);
  });

  it("reproduces the hand labels of every sample (B lines are body, X lines boilerplate)", () => {
    const dir = path.join(REPO_ROOT, "samples");
    for (const name of listSamples(dir)) {
      const s = readSample(dir, name);
      const lines = s.input.split("\n");
      const out = labelLinesFromGold(lines, s.gold);
      let agree = 0, total = 0;
      lines.forEach((_, i) => {
        if (s.labels[i] === "B" || s.labels[i] === "X") {
          total++;
          if ((out[i].label === "body") === (s.labels[i] === "B")) agree++;
        }
      });
      expect(agree / total, name).toBeGreaterThanOrEqual(0.98);
    }
  });
});
