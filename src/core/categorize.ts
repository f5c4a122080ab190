// Categories and reasons for removed lines. The decision to remove is the model's; this module
// only explains it: which kind of boilerplate the line is (DESIGN.md §2) and a sentence a person
// can read. Cues are short multilingual word lists (English, French, German, Spanish, Italian,
// Portuguese, Dutch); a line with no cue is categorised by its shape and place.
// A cue is no reason to remove a line the model keeps. Measured on the out-of-fold output of the
// corpus's articles: of the kept lines of 8 words or fewer with a cue, the share the gold counts
// as body (loose_text / page_text) is 100 / 100 % with a cookie cue, 99 / 96 % donation ("Don't
// ..."), 90 / 76 % share ("Market share: 12 %"), 83 / 76 % subscription, 81 / 77 % navigation,
// 65 / 57 % ad, 57 / 50 % related, 56 / 36 % legal, 44 / 42 % newsletter, 39 / 37 % credit and
// 40 / 24 % comments (25 and 37 lines): no cue marks junk the model missed well enough to cut it.
import { LIST_RUN_MIN } from "./features.ts";
import type { Category } from "./types.ts";

export interface Cue {
  category: Category;
  re: RegExp;
  what: string;
}

// "Name Name / Agency": up to four capitalised words, a slash, up to four more. Written with one
// way to match each string: as (\p{Lu}[\p{L}.]*\s?){1,4} it could split an all-capitals word at any
// capital, and a 400-letter line took 15 s (tests/core/categorize.test.ts checks it is the same set).
export const CREDIT_RE = /\b(photo|image|picture|video|illustration|graphic|foto|bild|imagen|crédit|credit|courtesy|getty|reuters|afp|ap photo|shutterstock|istock|epa)\b\s*[:/|)]|\((\w+\s){0,4}(via|photo|getty|ap|afp|reuters)\b[^()]*\)$|^\s*\p{Lu}[\p{L}.]*(\s\p{Lu}[\p{L}.]*){0,3}\s?\/\s?\p{Lu}[\p{L}.]*(\s\p{Lu}[\p{L}.]*){0,3}\s?$/u;

// Ordered: the first matching cue wins, most specific first.
export const CUES: Cue[] = [
  { category: "cookie", what: "cookie or consent notice", re: /\b(cookies?|consent|gdpr|datenschutz\w*|rgpd|privacy (settings|preferences|choices))\b/iu },
  { category: "newsletter", what: "newsletter sign-up", re: /\b(newsletters?|inbox|mailing list|e-?mail updates?|sign up for (our|the)|bolet[ií]n|infolettre|lettre d'information|nieuwsbrief)\b/iu },
  { category: "donation", what: "donation appeal", re: /\b(donat(e|ion|ions|ing)|support (us|our (work|journalism|newsroom))|contribut(e|ion) (today|now)|chip in|patreon|dons?(?!['’])|spenden?|donar|donazione|doe agora|make a gift)\b/iu },
  { category: "subscription", what: "subscription or paywall prompt", re: /\b(subscri(be|bers?|ption|bing)|already a (member|subscriber)|sign in|log ?in|register|paywall|premium|abonn(ez|ement|ieren|e)|suscr[ií]b|suscripci[oó]n|abbonati|assine|unlimited access|free trial|per (month|week))\b/iu },
  { category: "share", what: "share prompt", re: /\b(share (this|on|via)?|shares?|tweet|facebook|twitter|whatsapp|linkedin|pinterest|telegram|reddit|copy link|e-?mail this|teilen|partager|compartir|condividi|compartilhar|follow us)\b/iu },
  { category: "comments", what: "comments prompt", re: /\b(comments?|commenting|reply|replies|join the (conversation|discussion)|kommentar\w*|commentaires?|comentarios?|commenti)\b/iu },
  { category: "related", what: "related or most-read list", re: /\b(read (more|next|also)|more (from|stories|news|on)|most (read|popular|viewed)|related|recommended|you (may|might) (also )?like|trending|popular|top stories|others also read|see also|weitere|lesen sie auch|à lire aussi|lire aussi|tambi[eé]n te puede|leia tamb[eé]m|leggi anche|ranking|latest (news|videos|stories))\b/iu },
  { category: "ad", what: "advertisement", re: /\b(advertisements?|advertising|sponsored|promoted|ad choices|anzeige|publicit[eé]|publicidad|pubblicit[aà])\b/iu },
  { category: "legal", what: "legal or copyright notice", re: /©|\b(copyright|all rights reserved|terms (of (use|service)|and conditions)|privacy policy|impressum|mentions l[eé]gales|aviso legal)\b/iu },
  { category: "credit", what: "photo or media credit", re: CREDIT_RE },
  { category: "navigation", what: "navigation", re: /\b(home|menu|skip to|back to top|next|previous|sitemap|search|categories|sections|contact us|about us|startseite|accueil|inicio)\b/iu },
];

// Most removed lines (about 9 in 10 on the corpus) have no cue at all. This pattern matches exactly
// where some cue other than the credit one matches: it is the alternation of their word lists
// between the same word boundaries, plus "©" (tests/core/categorize.test.ts checks that it is
// built from CUES so). One scan with it, and one with CREDIT_RE, rules out a line with no cue
// instead of eleven; only a line one of them matches is then tried cue by cue, in order. (It has
// the i flag but not u: see FOLDS_ONLY_WITH_U.) Written for speed, with the same matches: the
// alternatives that share a first letter in one group after it (in their order in CUES), and no
// capture group (only whether it matches is asked); 31 -> 21 us per text on the bench's removed
// lines (.tmp microbenchmark, best of 30).
export const ANY_WORD_CUE = /©|\b(?:c(?:ookies?|onsent|ontribut(?:e|ion) (?:today|now)|hip in|opy link|ompartir|ondividi|ompartilhar|omments?|ommenting|ommentaires?|omentarios?|ommenti|opyright|ategories|ontact us)|gdpr|d(?:atenschutz\w*|onat(?:e|ion|ions|ing)|ons?(?!['’])|onar|onazione|oe agora)|r(?:gpd|egister|eddit|eply|eplies|ead (?:more|next|also)|elated|ecommended|anking)|p(?:rivacy (?:settings|preferences|choices)|atreon|aywall|remium|er (?:month|week)|interest|artager|opular|romoted|ublicit[eé]|ublicidad|ubblicit[aà]|rivacy policy|revious)|n(?:ewsletters?|ieuwsbrief|ext)|i(?:nbox|nfolettre|mpressum|nicio)|m(?:ailing list|ake a gift|ore (?:from|stories|news|on)|ost (?:read|popular|viewed)|entions l[eé]gales|enu)|e(?:-?mail updates?|-?mail this)|s(?:ign up for (?:our|the)|upport (?:us|our (?:work|journalism|newsroom))|penden?|ubscri(?:be|bers?|ption|bing)|ign in|uscr[ií]b|uscripci[oó]n|hare (?:this|on|via)?|hares?|ee also|ponsored|kip to|itemap|earch|ections|tartseite)|b(?:olet[ií]n|ack to top)|l(?:ettre d'information|og ?in|inkedin|esen sie auch|ire aussi|eia tamb[eé]m|eggi anche|atest (?:news|videos|stories))|a(?:lready a (?:member|subscriber)|bonn(?:ez|ement|ieren|e)|bbonati|ssine|dvertisements?|dvertising|d choices|nzeige|ll rights reserved|viso legal|bout us|ccueil)|unlimited access|f(?:ree trial|acebook|ollow us)|t(?:weet|witter|elegram|eilen|rending|op stories|ambi[eé]n te puede|erms (?:of (?:use|service)|and conditions))|w(?:hatsapp|eitere)|join the (?:conversation|discussion)|kommentar\w*|you (?:may|might) (?:also )?like|others also read|à lire aussi|home)\b/i;

// Each alternative of CREDIT_RE needs one of these: the mark after "Photo", the closing parenthesis
// of "(... via Agency)", the slash of "Name / Agency". A line without any cannot be a credit.
const MAY_CREDIT = /[:/|)]/;

// Lines holding "ſ" (U+017F) or "K" (U+212A): only under the u flag (which every cue has) do they
// fold to s and k and count as word characters for \b and \w. ANY_WORD_CUE has no u flag, which
// makes it 2.5x faster and changes what it matches on these alone (a sweep of the BMP finds no
// other code unit that differs), so such a line is tried cue by cue.
// (By indexOf rather than /[\u017f\u212a]/: it answers at once on a line stored one byte per character.)
const FOLDS_ONLY_WITH_U = (text: string) => text.indexOf("\u017f") >= 0 || text.indexOf("\u212a") >= 0;

// A line with none of MAY_CREDIT's marks and neither of FOLDS_ONLY_WITH_U's letters (most lines)
// is known so by one scan for all of them, before the two looks that each need.
const CREDIT_MARK_OR_FOLD = /[:/|)\u017f\u212a]/;

/** Whether some cue matches `text` (exactly when one does), in two or three scans. */
export const mayHaveCue = (text: string) =>
  FOLDS_ONLY_WITH_U(text) ? CUES.some((cue) => cue.re.test(text)) : ANY_WORD_CUE.test(text) || (MAY_CREDIT.test(text) && CREDIT_RE.test(text));

// Which cue a line that has one holds first in CUES's order, in one or two scans instead of up to
// eleven. WHICH_WORD_CUE is ANY_WORD_CUE with each word cue's alternatives in a group of its own,
// in CUES's order: where some word cues match at a position, the first of them in that order is the
// alternative that matches there (a failed trailing \b backtracks into the next alternative, as in
// each cue's own regex), and "©" is the legal cue's. Scanned from every position one of them
// matches at (lastIndex one past each match's start, so no match hides another), the least cue
// found is the first cue in order that matches anywhere; the credit cue, which is not in it, is
// tried when that least cue comes after it. Not for lines FOLDS_ONLY_WITH_U holds.
const CREDIT_AT = CUES.findIndex((c) => c.re === CREDIT_RE);
// Written out (no RegExp is built at run time: tests/core/regex-safety.test.ts scans the literals);
// tests/core/categorize.test.ts checks it is ANY_WORD_CUE's alternation with a group per cue.
export const WHICH_WORD_CUE = /©|\b(?:(cookies?|consent|gdpr|datenschutz\w*|rgpd|privacy (?:settings|preferences|choices))|(newsletters?|inbox|mailing list|e-?mail updates?|sign up for (?:our|the)|bolet[ií]n|infolettre|lettre d'information|nieuwsbrief)|(donat(?:e|ion|ions|ing)|support (?:us|our (?:work|journalism|newsroom))|contribut(?:e|ion) (?:today|now)|chip in|patreon|dons?(?!['’])|spenden?|donar|donazione|doe agora|make a gift)|(subscri(?:be|bers?|ption|bing)|already a (?:member|subscriber)|sign in|log ?in|register|paywall|premium|abonn(?:ez|ement|ieren|e)|suscr[ií]b|suscripci[oó]n|abbonati|assine|unlimited access|free trial|per (?:month|week))|(share (?:this|on|via)?|shares?|tweet|facebook|twitter|whatsapp|linkedin|pinterest|telegram|reddit|copy link|e-?mail this|teilen|partager|compartir|condividi|compartilhar|follow us)|(comments?|commenting|reply|replies|join the (?:conversation|discussion)|kommentar\w*|commentaires?|comentarios?|commenti)|(read (?:more|next|also)|more (?:from|stories|news|on)|most (?:read|popular|viewed)|related|recommended|you (?:may|might) (?:also )?like|trending|popular|top stories|others also read|see also|weitere|lesen sie auch|à lire aussi|lire aussi|tambi[eé]n te puede|leia tamb[eé]m|leggi anche|ranking|latest (?:news|videos|stories))|(advertisements?|advertising|sponsored|promoted|ad choices|anzeige|publicit[eé]|publicidad|pubblicit[aà])|(copyright|all rights reserved|terms (?:of (?:use|service)|and conditions)|privacy policy|impressum|mentions l[eé]gales|aviso legal)|(home|menu|skip to|back to top|next|previous|sitemap|search|categories|sections|contact us|about us|startseite|accueil|inicio))\b/gi;
// The capture group of each word cue's alternatives in WHICH_WORD_CUE: the word cues' groups in
// CUES's order, 1 to 10. The groups inside each are non-capturing, so a match (one per position a
// cue matches at, on a line with a cue) is an array of 11 entries, not the 32 of the cues' own groups.
const CUE_GROUP = CUES.map((_, k) => k).filter((k) => k !== CREDIT_AT).map((k, j) => ({ k, group: j + 1 }));
const LEGAL_AT = CUES.findIndex((c) => c.re.source.startsWith("©|"));

// The text of the first match of the cue firstCue last returned, when its scan of WHICH_WORD_CUE
// found it (else undefined: the credit cue, a line FOLDS_ONLY_WITH_U holds). The least cue is first
// found at its own first match (no cue before it in order matches anywhere), where WHICH_WORD_CUE's
// group for it tries its alternatives in the same order as the cue's own regex: the same words,
// which categorize's reason quotes without matching the cue's regex (u flag, slower) again.
let firstCueWords: string | undefined;

/** The index in CUES of the first cue that matches `text`, -1 if none: what trying them in order finds. */
export function firstCue(text: string): number {
  firstCueWords = undefined;
  const markOrFold = CREDIT_MARK_OR_FOLD.test(text);
  if (markOrFold && FOLDS_ONLY_WITH_U(text)) return CUES.findIndex((cue) => cue.re.test(text));
  let best = CUES.length, words: string | undefined;
  if (ANY_WORD_CUE.test(text)) {
    WHICH_WORD_CUE.lastIndex = 0;
    for (let m = WHICH_WORD_CUE.exec(text); m; m = WHICH_WORD_CUE.exec(text)) {
      let k = LEGAL_AT;
      for (const { k: cue, group } of CUE_GROUP) if (m[group] !== undefined) { k = cue; break; }
      if (k < best) { best = k; words = m[0]; }
      if (best === 0) break;
      WHICH_WORD_CUE.lastIndex = m.index + 1;
    }
  }
  if (best > CREDIT_AT && markOrFold && MAY_CREDIT.test(text) && CREDIT_RE.test(text)) return CREDIT_AT;
  firstCueWords = words;
  return best === CUES.length ? -1 : best;
}

export interface LineShape {
  nWords: number;
  terminal: boolean;
  listRun: number;
  beforeBody: boolean;
  afterBody: boolean;
  nextIsBody: boolean;
}

/**
 * p * 100 rounded as p.toFixed(2) rounds it (0..100), without toFixed (which was a tenth of
 * categorising a line): p * 100 rounded to the nearest integer is toFixed's digits unless p * 100
 * is within rounding error of a half, where only toFixed decides (-1, as outside [0, 1]).
 */
function noteIndex(p: number): number {
  if (!(p >= 0 && p <= 1)) return -1;
  const y = p * 100, whole = Math.floor(y), frac = y - whole;
  // The product's error is below 1e-13 on [0, 100]: a margin of 1e-9 leaves no doubt either way.
  if (Math.abs(frac - 0.5) < 1e-9) return -1;
  return frac > 0.5 ? whole + 1 : whole;
}

const NOTES = Array.from({ length: 101 }, (_, n) => (n === 100 ? "P(body)=1.00" : n < 10 ? `P(body)=0.0${n}` : `P(body)=0.${n}`));

/** `P(body)=` and p.toFixed(2), the note every reason ends with. */
export function pBodyNote(p: number): string {
  const n = noteIndex(p);
  return n >= 0 ? NOTES[n] : `P(body)=${p.toFixed(2)}`;
}

/**
 * A reason that depends only on P(body)'s note, `before` + note + ")", made once per note
 * and then shared: a removed line's reason was a chain of concatenated strings made for it, which
 * a long document's result keeps alive through every collection while it is assembled (the bench's
 * 1.5 MB document: 26,000 removed lines, nine in ten with a reason of this kind).
 */
class NoteReasons {
  readonly #made: string[] = [];
  constructor(private readonly before: string) {}
  of(p: number): string {
    const n = noteIndex(p);
    return n < 0 ? flatReason(this.before, pBodyNote(p)) : (this.#made[n] ??= flatReason(this.before, NOTES[n]));
  }
}

/**
 * before + note + ")" as one flat string, by join: a template literal or + makes a chain
 * of concatenated strings (some five objects for a reason), and a result keeps every one of them
 * alive (on the 1.5 MB document, 50,000 such objects were live after each call).
 */
const flatReason = (before: string, note: string) => [before, note, ")"].join("");

// The reasons of a list run or a cue differ from line to line only in the note once their
// beginning is known (the run's length and place; the cue and the words it matched): made once
// per beginning and shared, across lines and documents. The 1.5 MB scaling document has 1,043
// list runs with 127 beginnings, whose 19,000 lines had 5,978 reasons made for them, and 2,234
// cue lines with 209 beginnings, each with a reason of its own: all alive in the result while
// the rest was assembled. Keyed by the flat beginning (a cue's matched words are a slice of the
// input and would keep all of it alive).
// How many beginnings are kept before the cache starts over: each holds up to 101 short strings
// (some 10 KB), so at most some 5 MB; half again the 336 of the scaling document's 100 pages.
const REASONS_KEPT_MAX = 512;
const reasonsMade = new Map<string, NoteReasons>();
function reasonsFrom(before: string): NoteReasons {
  let reasons = reasonsMade.get(before);
  if (!reasons) {
    if (reasonsMade.size >= REASONS_KEPT_MAX) reasonsMade.clear();
    reasons = new NoteReasons(before);
    reasonsMade.set(before, reasons);
  }
  return reasons;
}

// A list run's lines are categorised one after another: the run last seen is looked at first.
const WHERE = ["above", "below", "inside"] as const;
let lastList = { run: 0, where: 0, reasons: new NoteReasons("") };
function listReasons(run: number, where: number): NoteReasons {
  if (lastList.run !== run || lastList.where !== where) {
    lastList = { run, where, reasons: reasonsFrom(`part of a list of ${run} short lines ${WHERE[where]} the article (`) };
  }
  return lastList.reasons;
}
const ABOVE = new NoteReasons("short line above the article, not body text (");
const AFTER = new NoteReasons("line after the article ends, not body text (");
const CAPTION = new NoteReasons("sentence inside the article that reads as a caption or teaser, not body (");
const OTHER = new NoteReasons("not body text by its wording and surroundings (");

// Caption shape: a full sentence right next to body text but not body itself. Set by hand, not
// tuned: 40 words is about two sentences; a longer terminal line is more likely a paragraph.
const CAPTION_MAX_WORDS = 40;
// The words a cue matched are quoted in the reason up to this many characters. Set by hand, not
// tuned: the cue phrases fit; a longer match is cut so the reason stays short.
const CUE_QUOTE_MAX_CHARS = 40;

/** What categorize says of a line. */
export interface Verdict {
  category: Category;
  reason: string;
}

/**
 * The line's category and reason, written into `out` (assemble passes one it rewrites for every
 * removed line: an object returned per line was garbage by the ten thousand on a long document).
 */
export function categorize(text: string, shape: LineShape, pBody: number, out: Verdict = { category: "other", reason: "" }): Verdict {
  const k = firstCue(text);
  if (k >= 0) {
    const cue = CUES[k], words = firstCueWords ?? cue.re.exec(text)![0];
    return said(out, cue.category, reasonsFrom([cue.what, ' (cue "', words.trim().slice(0, CUE_QUOTE_MAX_CHARS), '"; '].join("")).of(pBody));
  }
  if (shape.listRun >= LIST_RUN_MIN) {
    const where = shape.beforeBody ? 0 : shape.afterBody ? 1 : 2;
    return said(out, shape.beforeBody ? "navigation" : "related", listReasons(shape.listRun, where).of(pBody));
  }
  if (shape.beforeBody) return said(out, "navigation", ABOVE.of(pBody));
  if (shape.afterBody) return said(out, "other", AFTER.of(pBody));
  if (shape.terminal && shape.nWords <= CAPTION_MAX_WORDS) return said(out, "caption", CAPTION.of(pBody));
  return said(out, "other", OTHER.of(pBody));
}

function said(out: Verdict, category: Category, reason: string): Verdict {
  out.category = category;
  out.reason = reason;
  return out;
}
