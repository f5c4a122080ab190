// The title model's evidence: the share of a candidate's words found in the body's opening and in
// the URL's path, hashed as the document's words are; and the title and metadata it picks.
import { describe, expect, it } from "vitest";
import { clean } from "../../src/core/clean.ts";
import { extractFeatures } from "../../src/core/features.ts";
import { TITLE_FEATURES, titleCandidates, titleEvidence, titleFeatures } from "../../src/core/title.ts";
import { tokenize } from "../../src/core/tokenize.ts";
import { defaultModel } from "../../src/model/index.ts";

const HASH_BITS = 15;
const col = (name: (typeof TITLE_FEATURES)[number]) => TITLE_FEATURES.indexOf(name);
const share = (line: string, vocab: Set<string>) => { const w = tokenize(line).words; return w.filter((x) => vocab.has(x)).length / w.length; };

const LINES = [
  "Home",
  "Subscribe",
  "Harbour town rebuilds its sea wall after winter storms",
  "By Jane Doe",
  "March 3, 2025 at 9:14 am",
  "The harbour town of Westport began rebuilding its sea wall on Monday, after the winter storms breached it in three places and flooded the lower streets.",
  "Engineers say the new wall will stand a metre higher than the old one and should hold against the kind of storms the town now sees every few winters.",
  "The harbour town rebuilds with money from the regional flood fund, and its mayor said the sea wall after this winter would be the last repair for decades.",
  "Fishing boats will use the inner harbour while the storms season lasts and the works go on.",
];
const IS_BODY = [false, false, false, false, false, true, true, true, true];
const URL = "https://harbour-news.example/2025/03/harbour-town-rebuilds-sea-wall?ref=rss";

describe("title evidence", () => {
  const doc = extractFeatures(LINES, HASH_BITS);
  const ev = titleEvidence(doc, IS_BODY, URL, HASH_BITS);
  const cands = titleCandidates(IS_BODY);
  const row = (i: number) => titleFeatures(doc, i, cands, ev, 0.1);
  // The body's first two lines are title candidates themselves: the evidence is the body after them.
  const bodyWords = new Set(LINES.slice(7).flatMap((l) => tokenize(l).words));
  const urlWords = new Set(tokenize("/2025/03/harbour-town-rebuilds-sea-wall?ref=rss").words);

  it("counts a candidate's words found in the body's opening", () => {
    for (let i = 0; i < 5; i++) expect(row(i)[col("body_overlap")]).toBeCloseTo(share(LINES[i], bodyWords), 6);
    expect(row(2)[col("body_overlap")]).toBeGreaterThan(0.5);
    expect(row(1)[col("body_overlap")]).toBe(0);
  });

  it("counts the words of the URL's path, not of its host", () => {
    for (let i = 0; i < 5; i++) expect(row(i)[col("url_overlap")]).toBeCloseTo(share(LINES[i], urlWords), 6);
    expect(row(2)[col("url_known")]).toBe(1);
    expect(row(2)[col("url_overlap")]).toBeCloseTo(5 / 9, 6);
    const hostOnly = titleEvidence(doc, IS_BODY, "https://harbour-town.example/", HASH_BITS);
    expect(titleFeatures(doc, 2, cands, hostOnly, 0.1)[col("url_overlap")]).toBe(0);
    const none = titleEvidence(doc, IS_BODY, undefined, HASH_BITS);
    expect(titleFeatures(doc, 2, cands, none, 0.1)[col("url_known")]).toBe(0);
  });

  it("makes the body's first two lines candidates, marked as kept and with no distance", () => {
    expect(cands.kept).toEqual([5, 6]);
    expect([row(2)[col("kept")], row(5)[col("kept_first")], row(6)[col("kept_second")]]).toEqual([0, 1, 1]);
    for (const d of ["dist_1", "dist_2_3", "dist_4_8", "dist_gt_8"] as const) expect(row(5)[col(d)]).toBe(0);
    expect(row(2)[col("dist_2_3")]).toBe(1);
  });

  it("gates the overlaps on the line's length: a one-word menu line gets none", () => {
    expect(row(0)[col("body_overlap_3w")]).toBe(0);
    expect(row(2)[col("body_overlap_4w")]).toBe(row(2)[col("body_overlap")]);
  });

  it("compares each candidate's gated overlaps with the best of the other candidates'", () => {
    // Evidence is valid until the next call (the tests above made more): made afresh.
    const fresh = titleEvidence(doc, IS_BODY, URL, HASH_BITS);
    const row = (i: number) => titleFeatures(doc, i, cands, fresh, 0.1);
    // Candidates: lines 0-4 above the body and the body's first two (5, 6); only lines of 3+ words count.
    const gated = [0, 1, 2, 3, 4, 5, 6].map((i) => (tokenize(LINES[i]).words.length >= 3 ? share(LINES[i], bodyWords) : 0));
    const best = Math.max(...gated);
    expect(gated.indexOf(best)).toBe(2);
    const second = Math.max(...gated.filter((_, k) => k !== 2));
    expect(row(2)[col("body_overlap_best")]).toBe(1);
    expect(row(2)[col("body_overlap_lead")]).toBeCloseTo(best - second, 6);
    for (const i of [0, 1, 3, 4, 5, 6]) {
      expect(row(i)[col("body_overlap_best")]).toBe(0);
      expect(row(i)[col("body_overlap_lead")]).toBeCloseTo(gated[i] - best, 6);
    }
    // The headline spells most of the URL's path; no other candidate spells as much of it.
    expect(row(2)[col("url_overlap_best")]).toBe(1);
    expect(row(2)[col("url_overlap_lead")]).toBeGreaterThan(0);
    expect(row(3)[col("url_overlap_lead")]).toBeLessThan(0);
  });

  it("repeats the line's and the body-overlap evidence in the nourl_* features when the URL is unknown, else 0", () => {
    const pairs = [["nourl_p_body", "p_body"], ["nourl_dist_1", "dist_1"], ["nourl_first_candidate", "first_candidate"], ["nourl_body_overlap_3w", "body_overlap_3w"],
      ["nourl_body_overlap_half_4w", "body_overlap_half_4w"], ["nourl_kept_first", "kept_first"], ["nourl_body_overlap_lead", "body_overlap_lead"], ["nourl_body_overlap_best", "body_overlap_best"]] as const;
    const withUrl = titleEvidence(doc, IS_BODY, URL, HASH_BITS);
    const rowsWith = [0, 2, 3, 5].map((i) => titleFeatures(doc, i, cands, withUrl, 0.1));
    const none = titleEvidence(doc, IS_BODY, undefined, HASH_BITS);
    const rowsWithout = [0, 2, 3, 5].map((i) => titleFeatures(doc, i, cands, none, 0.1));
    for (const [copy, base] of pairs) {
      for (const r of rowsWith) expect(r[col(copy)]).toBe(0);
      for (const r of rowsWithout) expect(r[col(copy)]).toBe(r[col(base)]);
    }
    // Lines whose copies are not all 0: the test compares values, not zeros with zeros.
    expect(rowsWithout[1][col("nourl_body_overlap_3w")]).toBeGreaterThan(0.5);
    expect(rowsWithout[3][col("nourl_kept_first")]).toBe(1);
  });

  it("the evidence of one document does not leak into the next", () => {
    const prose = "Completely unrelated prose about mountain goats grazing on steep alpine slopes all summer long.";
    const other = extractFeatures(["Harbour town rebuilds its sea wall after winter storms", prose, prose, prose], HASH_BITS);
    const kept = [false, true, true, true];
    const ev2 = titleEvidence(other, kept, undefined, HASH_BITS);
    const c2 = titleCandidates(kept);
    expect(titleFeatures(other, 0, c2, ev2, 0.1)[col("body_overlap")]).toBe(0);
    expect(titleFeatures(other, 1, c2, ev2, 0.1)[col("body_overlap")]).toBe(1);
  });
});

describe("title and metadata from text", () => {
  it("returns the headline as the title and the byline as metadata, apart from the body", () => {
    const r = clean(LINES.join("\n"), { url: URL }, defaultModel());
    expect(r.title).toBe(LINES[2]);
    expect(r.meta).toEqual([LINES[3], LINES[4]]);
    expect(r.text).not.toContain("Harbour town rebuilds its");
    expect(r.text.split("\n")).toEqual(LINES.slice(5));
  });

  it("finds the headline from the text alone, without the page's URL", () => {
    const r = clean(LINES.join("\n"), {}, defaultModel());
    expect(r.title).toBe(LINES[2]);
    expect(r.text).not.toContain("Harbour town rebuilds its");
  });
});
