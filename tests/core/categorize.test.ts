// The credit cue's "Name Name / Agency" pattern was rewritten so that it cannot backtrack
// catastrophically; it must still match exactly the strings the original matched. (Its
// "(... via Agency)" part no longer lets another "(" inside the parenthesis, which made it
// quadratic on "(via " repeated; the reference below has that change too.)
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANY_WORD_CUE, categorize, CREDIT_RE, CUES } from "../../src/core/categorize.ts";

const ORIGINAL = /\b(photo|image|picture|video|illustration|graphic|foto|bild|imagen|crédit|credit|courtesy|getty|reuters|afp|ap photo|shutterstock|istock|epa)\b\s*[:/|)]|\((\w+\s){0,4}(via|photo|getty|ap|afp|reuters)\b[^()]*\)$|^\s*(\p{Lu}[\p{L}.]*\s?){1,4}\/\s?(\p{Lu}[\p{L}.]*\s?){1,4}$/u;

// Short strings only: the original takes time cubic in the length of its first words.
const piece = fc.constantFrom("A", "B", "b", "é", "É", ".", " ", "  ", "\t", "/", "1", "(", ")", "via ", "AP", "x");
const short = fc.array(piece, { maxLength: 14 }).map((a) => a.join(""));

describe("credit cue", () => {
  it("matches the same strings as the original pattern", () => {
    fc.assert(fc.property(short, (s) => { expect(CREDIT_RE.test(s)).toBe(ORIGINAL.test(s)); }), { numRuns: 20000 });
  });
  it("categorizes a 5,000-letter line of capitals at once", () => {
    const shape = { nWords: 1, terminal: false, listRun: 0, beforeBody: false, afterBody: true, nextIsBody: false };
    expect(categorize("A".repeat(5000), shape, 0.1).category).toBe("other");
    expect(categorize("AB ".repeat(2000) + "/", shape, 0.1).category).toBe("other");
    expect(categorize("Ab Cd Ef Gh / " + "X".repeat(5000), shape, 0.1).category).toBe("credit");
  });
});

// The cues as they were written before they were built from word lists: the built patterns must be
// these, and the one-scan pre-check must match exactly where one of them does.
const WRITTEN = [
  /\b(cookies?|consent|gdpr|datenschutz\w*|rgpd|privacy (settings|preferences|choices))\b/iu,
  /\b(newsletters?|inbox|mailing list|e-?mail updates?|sign up for (our|the)|bolet[ií]n|infolettre|lettre d'information|nieuwsbrief)\b/iu,
  /\b(donat(e|ion|ions|ing)|support (us|our (work|journalism|newsroom))|contribut(e|ion) (today|now)|chip in|patreon|dons?|spenden?|donar|donazione|doe agora|make a gift)\b/iu,
  /\b(subscri(be|bers?|ption|bing)|already a (member|subscriber)|sign in|log ?in|register|paywall|premium|abonn(ez|ement|ieren|e)|suscr[ií]b|suscripci[oó]n|abbonati|assine|unlimited access|free trial|per (month|week))\b/iu,
  /\b(share (this|on|via)?|shares?|tweet|facebook|twitter|whatsapp|linkedin|pinterest|telegram|reddit|copy link|e-?mail this|teilen|partager|compartir|condividi|compartilhar|follow us)\b/iu,
  /\b(comments?|commenting|reply|replies|join the (conversation|discussion)|kommentar\w*|commentaires?|comentarios?|commenti)\b/iu,
  /\b(read (more|next|also)|more (from|stories|news|on)|most (read|popular|viewed)|related|recommended|you (may|might) (also )?like|trending|popular|top stories|others also read|see also|weitere|lesen sie auch|à lire aussi|lire aussi|tambi[eé]n te puede|leia tamb[eé]m|leggi anche|ranking|latest (news|videos|stories))\b/iu,
  /\b(advertisements?|advertising|sponsored|promoted|ad choices|anzeige|publicit[eé]|publicidad|pubblicit[aà])\b/iu,
  /©|\b(copyright|all rights reserved|terms (of (use|service)|and conditions)|privacy policy|impressum|mentions l[eé]gales|aviso legal)\b/iu,
  CREDIT_RE,
  /\b(home|menu|skip to|back to top|next|previous|sitemap|search|categories|sections|contact us|about us|startseite|accueil|inicio)\b/iu,
];
const cueWords = ["cookie", "Cookies", "GDPR", "datenschutzerklärung", "privacy settings", "newsletter", "e-mail updates", "sign up for our", "boletín",
  "donate", "support our work", "chip in", "subscribe", "log in", "LOGIN", "abonnement", "share", "share this", "Shares", "tweet", "comments", "reply",
  "read more", "most read", "you might also like", "à lire aussi", "advertisement", "Anzeige", "©", "copyright", "terms of use", "photo:", "(via Reuters)",
  "Ab Cd / Xy", "home", "next", "skip to", "ſhare", "\u212Aommentar", "é", "_", "x", "1"];
const around = fc.constantFrom(" ", "", "-", "a", "É", "_", "9", ".", "(", ")", ":", "/", "\t");
const cueLine = fc.array(fc.oneof(fc.constantFrom(...cueWords), around), { maxLength: 8 }).map((a) => a.join(""));

describe("cues", () => {
  it("are the patterns they were written as, in the same order", () => {
    expect(CUES.map((c) => `${c.re.source}/${c.re.flags}`)).toEqual(WRITTEN.map((r) => `${r.source}/${r.flags}`));
  });
  it("are ruled out by the pre-check exactly when none of them matches", () => {
    fc.assert(fc.property(cueLine, (s) => { expect(ANY_WORD_CUE.test(s) || CREDIT_RE.test(s)).toBe(WRITTEN.some((r) => r.test(s))); }), { numRuns: 20000 });
  });
});
