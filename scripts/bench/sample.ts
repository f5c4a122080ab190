// A fixed, seeded sample of corpus pages: reservoir sampling over the stream, so every run of the
// bench or the load test sees the same pages, and only the sample is held in memory.
import { readCorpus, type CorpusPage } from "../../src/eval/corpus.ts";
import { mulberry32 } from "../../src/train/logreg.ts";

export async function seededSample(size: number, opts: { seed: number; corpus?: string }): Promise<{ pages: CorpusPage[]; seen: number }> {
  const rand = mulberry32(opts.seed);
  const pages: CorpusPage[] = [];
  let seen = 0;
  for await (const page of readCorpus({ path: opts.corpus })) {
    seen++;
    if (pages.length < size) pages.push(page);
    else {
      const j = Math.floor(rand() * seen);
      if (j < size) pages[j] = page;
    }
  }
  return { pages, seen };
}
