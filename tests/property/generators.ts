// Generated inputs for the property tests: realistic documents built from the hand-labelled
// samples (their body, title and boilerplate lines), mixed with unicode noise, blank and
// whitespace-only lines, stray control characters and every kind of line break; and arbitrary
// strings. Seeded (PROPERTY_SEED) so a failure is reproduced by its seed and path.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { REPO_ROOT } from "../../src/eval/corpus.ts";

/** How many cases each property runs: a few thousand in `npm test`, more with PROPERTY_RUNS. */
export const RUNS = Number(process.env.PROPERTY_RUNS ?? 0) || 0;
export const SEED = Number(process.env.PROPERTY_SEED ?? 20261123);
/** A long opt-in run is not bound by vitest's per-test timeout. */
export const TIMEOUT_MS = RUNS ? 24 * 3_600_000 : undefined;

/** fast-check parameters for a property with `defaultRuns` cases in `npm test`. */
export const params = (defaultRuns: number): fc.Parameters<unknown> => ({ numRuns: RUNS || defaultRuns, seed: SEED, endOnFailure: false });

function sampleLines(): { body: string[]; title: string[]; boiler: string[] } {
  const dir = path.join(REPO_ROOT, "samples");
  const body: string[] = [], title: string[] = [], boiler: string[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".labels.tsv"))) {
    for (const row of fs.readFileSync(path.join(dir, f), "utf8").split("\n")) {
      const [label, text] = [row.slice(0, 1), row.slice(2)];
      if (!text?.trim()) continue;
      if (label === "B") body.push(text);
      else if (label === "T" || label === "M") title.push(text);
      else if (label === "X") boiler.push(text);
    }
  }
  return { body, title, boiler };
}

const POOL = sampleLines();
// Boilerplate seen across the corpus, in several languages, beside the samples' own.
const COMMON_BOILER = [
  "Sign up for our newsletter", "Read more", "Most read", "Share this article", "Advertisement",
  "© 2024 All rights reserved", "Accept cookies", "Follow us on Twitter", "Related stories",
  "Comments (12)", "Home | News | Sport | Weather", "Lesen Sie auch", "Abonnez-vous", "相关新闻", "اقرأ أيضا",
];

const prose = fc.constantFrom(...POOL.body);
const title = fc.constantFrom(...POOL.title);
const boiler = fc.constantFrom(...POOL.boiler, ...COMMON_BOILER);
const noise = fc.oneof(
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 40 }),
  fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 40 }),
);
const blank = fc.constantFrom("", " ", "\t", "   \t ", "\u00a0", "\u3000");

/** A line as a scraper might deliver it: sometimes padded, sometimes with a control character. */
const dirty = (line: fc.Arbitrary<string>) =>
  fc.tuple(line, fc.constantFrom("", "", "", " ", "  ", "\t"), fc.constantFrom("", "", "", " ", "\u0000", "\u200b", "\ufeff")).map(([l, pad, tail]) => pad + l + tail);

const BREAKS = ["\n", "\n", "\n", "\r\n", "\n\n", "\r", "\r\n\r\n"];

/** Lines joined with a mix of line breaks (LF, CRLF, CR, blank lines). */
const joined = (lines: fc.Arbitrary<string[]>) =>
  lines.chain((ls) => fc.array(fc.constantFrom(...BREAKS), { minLength: ls.length, maxLength: ls.length }).map((bs) => ls.map((l, i) => l + (i < ls.length - 1 ? bs[i] : "")).join("")));

/** A page: navigation, maybe a title, body prose with boilerplate and noise mixed in, a footer. */
export const realisticDoc: fc.Arbitrary<string> = joined(
  fc
    .tuple(
      fc.array(dirty(boiler), { maxLength: 6 }),
      fc.option(title, { nil: undefined }),
      fc.array(fc.oneof({ weight: 8, arbitrary: dirty(prose) }, { weight: 2, arbitrary: dirty(boiler) }, { weight: 1, arbitrary: blank }, { weight: 1, arbitrary: noise }), { minLength: 1, maxLength: 20 }),
      fc.array(fc.oneof(dirty(boiler), blank), { maxLength: 8 }),
    )
    .map(([head, t, body, foot]) => [...head, ...(t ? [t] : []), ...body, ...foot]),
);

/** Anything: any code points (lone surrogates too), control characters and line breaks. */
export const arbitraryDoc: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.string({ unit: fc.constantFrom("a", " ", "\n", "\r", ".", "\u0000", "\ud800", "é", "漢", "👍", "\t", "|"), maxLength: 300 }),
  joined(fc.array(noise, { maxLength: 30 })),
);

// Markdown as scrapers write it: the same lines as links, list items of links, headings, images,
// quotes, tables and code, with stray brackets and markup noise.
const url = fc.constantFrom("https://news.example/a", "/relative/path", "#top", "https://x.example/wiki/Foo_(bar)", "mailto:desk@news.example");
const markdownLine = fc.oneof(
  { weight: 6, arbitrary: prose },
  { weight: 2, arbitrary: fc.tuple(prose, url).map(([p, u]) => p.replace(/^(\S+ \S+)/, `[$1](${u})`)) },
  { weight: 3, arbitrary: fc.tuple(boiler, url).map(([b, u]) => `- [${b}](${u})`) },
  { weight: 1, arbitrary: title.map((t) => `# ${t}`) },
  { weight: 1, arbitrary: boiler.map((b) => `## ${b}`) },
  { weight: 1, arbitrary: url.map((u) => `[![logo](${u}.png)](${u})`) },
  { weight: 1, arbitrary: prose.map((p) => `> **${p}**`) },
  { weight: 1, arbitrary: fc.constantFrom("---", "* * *", "|---|:-:|", "| a | [b](c) |", "```", "~~~", "[", "](https://x.example/login)", "[1]: https://example.com") },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("[", "]", "(", ")", "!", "<", ">", "*", "_", "`", "\\", "#", "a", " "), maxLength: 60 }) },
  { weight: 1, arbitrary: blank },
);
export const markdownDoc: fc.Arbitrary<string> = joined(fc.array(markdownLine, { minLength: 1, maxLength: 40 }));

/** Prose and boilerplate broken at one width (40-120), as text dumpers write it, paragraphs apart or not. */
export const wrappedDoc: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.oneof({ weight: 4, arbitrary: prose }, { weight: 1, arbitrary: boiler }), { minLength: 1, maxLength: 25 }), fc.integer({ min: 40, max: 120 }), fc.constantFrom("\n", "\n\n", "\r\n\r\n"))
  .map(([paragraphs, width, between]) => paragraphs.map((p) => {
    const out: string[] = [];
    let cur = "";
    for (const w of p.split(/\s+/).filter(Boolean)) {
      if (cur && cur.length + 1 + w.length > width) { out.push(cur); cur = w; } else cur = cur ? `${cur} ${w}` : w;
    }
    if (cur) out.push(cur);
    return out.join("\n");
  }).join(between));
