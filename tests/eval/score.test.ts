// Our scorer against the reference ../shared/corpus/score.mjs: same per-document numbers and
// the same macro means, on hand-made edge cases and on real corpus pages.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CORPUS, readCorpus, SHARED_DIR } from "../../src/eval/corpus.ts";
import { macro, scoreDoc } from "../../src/eval/score.ts";

const SCORER = path.join(SHARED_DIR, "corpus", "score.mjs");
const haveScorer = fs.existsSync(SCORER);
const haveCorpus = fs.existsSync(DEFAULT_CORPUS);

interface Doc { id: string; gold: string; pred: string }

function reference(docs: Doc[]): { per: { id: string; p: number; r: number; f1: number; tp: number }[]; macro: { p: number; r: number; f1: number } } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-score-"));
  try {
    fs.writeFileSync(path.join(dir, "corpus.jsonl"), docs.map((d) => JSON.stringify({ id: d.id, gold: d.gold })).join("\n") + "\n");
    fs.writeFileSync(path.join(dir, "pred.jsonl"), docs.map((d) => JSON.stringify({ id: d.id, pred: d.pred })).join("\n") + "\n");
    const out = execFileSync(process.execPath, [SCORER, path.join(dir, "corpus.jsonl"), path.join(dir, "pred.jsonl"), "--json", "--per-doc", path.join(dir, "per.jsonl")]).toString();
    const per = fs.readFileSync(path.join(dir, "per.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    return { per, macro: JSON.parse(out).macro };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function expectSame(docs: Doc[]): void {
  const ref = reference(docs);
  const ours = docs.map((d) => scoreDoc(d.gold, d.pred));
  ours.forEach((s, i) => {
    expect(s.tp, docs[i].id).toBe(ref.per[i].tp);
    expect(s.p, docs[i].id).toBeCloseTo(ref.per[i].p, 12);
    expect(s.r, docs[i].id).toBeCloseTo(ref.per[i].r, 12);
    expect(s.f1, docs[i].id).toBeCloseTo(ref.per[i].f1, 12);
  });
  const m = macro(ours);
  expect(m.p).toBeCloseTo(ref.macro.p, 12);
  expect(m.r).toBeCloseTo(ref.macro.r, 12);
  expect(m.f1).toBeCloseTo(ref.macro.f1, 12);
}

describe.skipIf(!haveScorer)("scorer matches score.mjs", () => {
  it("on edge cases: empty prediction, empty gold, both empty, repeats, case, Unicode, punctuation", () => {
    expectSame([
      { id: "empty-pred", gold: "one two three", pred: "" },
      { id: "empty-gold", gold: "", pred: "stray words" },
      { id: "both-empty", gold: "", pred: "  ...  " },
      { id: "repeats", gold: "the the the cat", pred: "the cat cat" },
      { id: "case", gold: "Straße ÉCOLE", pred: "straße école extra" },
      { id: "unicode", gold: "北京 是 中国的首都 ٣ ١٢ naïve café", pred: "北京 café naïve ١٢" },
      { id: "punct", gold: "it's 3.14 — e-mail", pred: "it s 3 14 e mail" },
    ]);
  });

  it.skipIf(!haveCorpus)("on real corpus pages, for unchanged and cut-down inputs", async () => {
    const docs: Doc[] = [];
    for await (const page of readCorpus({ limit: 12 })) {
      docs.push({ id: `${page.id}/page`, gold: page.gold, pred: page.page_text });
      docs.push({ id: `${page.id}/loose`, gold: page.gold, pred: page.loose_text });
      docs.push({ id: `${page.id}/half`, gold: page.gold, pred: page.loose_text.slice(0, page.loose_text.length >> 1) });
    }
    expect(docs.length).toBe(36);
    expectSame(docs);
  });
});
