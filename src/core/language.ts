// Language detection by stopword overlap, over the maintained multi-language lists of
// stopwords-iso (58 languages). The detected language's list gives each line its stopword density,
// the strongest single sign of running prose in any language (jusText's insight).
import stopwordsIso from "stopwords-iso/stopwords-iso.json";

const LISTS = stopwordsIso as Record<string, string[]>;
export const LANGUAGES: readonly string[] = Object.keys(LISTS).sort();

/** word -> indexes (into LANGUAGES) of the languages whose list holds it. */
const INDEX = new Map<string, number[]>();
LANGUAGES.forEach((lang, i) => {
  for (const w of LISTS[lang]) {
    const key = w.toLowerCase();
    const langs = INDEX.get(key);
    if (!langs) INDEX.set(key, [i]);
    else if (langs[langs.length - 1] !== i) langs.push(i);
  }
});

const SETS = new Map<string, Set<string>>();
export function stopwordsFor(lang: string): Set<string> {
  let set = SETS.get(lang);
  if (!set) {
    set = new Set((LISTS[lang] ?? []).map((w) => w.toLowerCase()));
    SETS.set(lang, set);
  }
  return set;
}

// Detection reads at most this many words: a few thousand settle the language of any page and
// keep the cost constant on huge inputs.
const MAX_DETECT_WORDS = 4000;
// Fewer stopword hits than this for the best language and we do not claim one ("und").
const MIN_HITS = 3;

/** The language of a document from its lines' words; `hint` (e.g. <html lang>) wins when known. */
export function detectLanguage(lineWords: string[][], hint?: string): string {
  if (hint) {
    const primary = hint.toLowerCase().split(/[-_]/)[0];
    if (LISTS[primary]) return primary;
  }
  const hits = new Float64Array(LANGUAGES.length);
  let seen = 0;
  outer: for (const words of lineWords) {
    for (const w of words) {
      const langs = INDEX.get(w);
      // A word shared by many languages says little; weight it down by how many share it.
      if (langs) for (const i of langs) hits[i] += 1 / langs.length;
      if (++seen >= MAX_DETECT_WORDS) break outer;
    }
  }
  let best = -1;
  for (let i = 0; i < hits.length; i++) if (best < 0 || hits[i] > hits[best]) best = i;
  return best >= 0 && hits[best] >= MIN_HITS ? LANGUAGES[best] : "und";
}
