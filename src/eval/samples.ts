// The hand-labelled samples (samples/), scored line by line against their labels: how many
// boilerplate (X) lines are left in the body and how many body (B) lines are removed. The samples
// test does this with the bundled model, which was trained on them; `npm run eval` does it with
// each sample's fold model, which never saw it, so its figures say how the filters do on articles
// like the seeds when they have not learned them.
import { clean } from "../core/clean.ts";
import { listSamples, readSample } from "../train/dataset.ts";
import type { SystemModel } from "./system.ts";

export interface SampleCounts {
  name: string;
  /** Boilerplate lines left in the body, of all the sample's boilerplate lines. */
  xKept: number;
  x: number;
  /** Body lines removed, of all its body lines. */
  bLost: number;
  b: number;
}

/** Each sample in `dir` cleaned by `modelFor(site)` (its site as the trainer names it: "sample:NAME"). */
export function scoreSamples(dir: string, modelFor: (site: string) => SystemModel): SampleCounts[] {
  return listSamples(dir).map((name) => {
    const s = readSample(dir, name);
    const r = clean(s.input, { explain: true }, modelFor(`sample:${name}`));
    const kept = new Set((r.lines ?? []).filter((l) => l.label === "body").map((l) => l.line));
    const count = (label: string, want: boolean) => s.labels.filter((l, i) => l === label && kept.has(i) === want).length;
    return {
      name,
      xKept: count("X", true), x: s.labels.filter((l) => l === "X").length,
      bLost: count("B", false), b: s.labels.filter((l) => l === "B").length,
    };
  });
}

export function formatSamples(rows: SampleCounts[], how: string): string {
  const sum = (f: (r: SampleCounts) => number) => rows.reduce((a, r) => a + f(r), 0);
  return [
    `samples (${how}): boilerplate lines left in the body, body lines removed`,
    ...rows.map((r) => `  ${r.name.padEnd(22)} X left ${r.xKept}/${r.x}, B removed ${r.bLost}/${r.b}`),
    `  all ${rows.length}                  X left ${sum((r) => r.xKept)}/${sum((r) => r.x)}, B removed ${sum((r) => r.bLost)}/${sum((r) => r.b)}`,
  ].join("\n");
}
