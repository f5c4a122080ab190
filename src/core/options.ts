// The one options object and the one place it is merged with the defaults.

export type Preference = "balanced" | "precision" | "recall";
/** HTML mode's reader: "readability" (a DOM + Readability's region) or "fast" (the streaming
 *  segmenter + the region chosen from the text model's view). */
export type HtmlEngine = "readability" | "fast";
export const HTML_ENGINES: readonly HtmlEngine[] = ["readability", "fast"];
/** The site's template (site-template.ts): "use" it when the host has one, also "learn" this page into it, or leave it "off". */
export type SiteTemplateUse = "use" | "learn" | "off";
export const SITE_TEMPLATE_USES: readonly SiteTemplateUse[] = ["use", "learn", "off"];
/** How text input is read: "markdown" (src/core/markdown.ts), "text" as it is, "auto" Markdown when it looks like it. */
export type TextFormat = "auto" | "text" | "markdown";
export const TEXT_FORMATS: readonly TextFormat[] = ["auto", "text", "markdown"];

export interface CleanOptions {
  /** Return every line with label, score and reason. */
  explain: boolean;
  /** Trade body recall against precision: "recall" keeps every line the model is unsure of. */
  preference: Preference;
  /** Results whose confidence is below this carry `lowConfidence: true`. */
  minConfidence: number;
  /** Where the text came from: the title model reads its path; its host names the site. */
  url?: string;
  /** The site whose template applies (site-template.ts); by default the host name of `url`. */
  site?: string;
  /** Use the site's template, also learn this page into it, or leave it off. */
  siteTemplate: SiteTemplateUse;
  /** HTML mode's reader (the server's default: BOILERSTRIP_HTML_ENGINE). */
  htmlEngine: HtmlEngine;
  /** How text input is read (HTML input ignores it). */
  format: TextFormat;
}

export const DEFAULT_OPTIONS: Readonly<CleanOptions> = Object.freeze({
  explain: false,
  preference: "balanced",
  // 0.5: the confidence is a calibrated probability that body F1 >= 0.9, so below
  // one half the result is more likely wrong than right.
  minConfidence: 0.5,
  // The fast engine (streaming parser + learned region): measured by `npm run eval` at 0.959
  // article F1 against the Readability engine's 0.957 (both above Readability alone, 0.942), in
  // 10-40x less time (`npm run bench`: 5.0-5.8 ms at p50 against 53-54 ms on linkedom, 200-213 ms
  // on jsdom).
  htmlEngine: "fast",
  // A template is used where the host holds one for the site; nothing is learned unless asked.
  siteTemplate: "use",
  // Markdown is read as Markdown when it shows its links (markdown.ts, looksLikeMarkdown).
  format: "auto",
});

export const PREFERENCES: readonly Preference[] = ["balanced", "precision", "recall"];
// Longest url and site strings accepted (here, in the HTTP schemas and in /v1/sites/{site}'s
// path, which import them). Set by hand, not tuned: 2048 is the longest URL browsers and CDNs
// reliably handle; a site is a host name (at most 253 characters) or a name given, and one
// learned through /v1/clean must be one /v1/sites/{site} can read and delete.
export const MAX_URL_CHARS = 2048;
export const MAX_SITE_CHARS = 1000;

export class OptionsError extends Error {}

/**
 * Merge caller options over the defaults, checking types. Unknown keys are ignored so that
 * clients built against a newer API keep working; a known key with a wrong type is an error.
 */
export function resolveOptions(input: unknown = {}, hostDefaults: Partial<Pick<CleanOptions, "htmlEngine">> = {}): CleanOptions {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new OptionsError("options must be an object");
  }
  const o = input as Record<string, unknown>;
  const out: CleanOptions = { ...DEFAULT_OPTIONS, ...hostDefaults };
  if (o.explain !== undefined) out.explain = asBool(o.explain, "explain");
  if (o.preference !== undefined) {
    if (!PREFERENCES.includes(o.preference as Preference)) {
      throw new OptionsError(`options.preference must be one of ${PREFERENCES.join(", ")}`);
    }
    out.preference = o.preference as Preference;
  }
  if (o.minConfidence !== undefined) {
    const v = o.minConfidence;
    if (typeof v !== "number" || !(v >= 0 && v <= 1)) {
      throw new OptionsError("options.minConfidence must be a number in [0, 1]");
    }
    out.minConfidence = v;
  }
  if (o.htmlEngine !== undefined) {
    if (!HTML_ENGINES.includes(o.htmlEngine as HtmlEngine)) throw new OptionsError(`options.htmlEngine must be one of ${HTML_ENGINES.join(", ")}`);
    out.htmlEngine = o.htmlEngine as HtmlEngine;
  }
  if (o.siteTemplate !== undefined) {
    if (!SITE_TEMPLATE_USES.includes(o.siteTemplate as SiteTemplateUse)) throw new OptionsError(`options.siteTemplate must be one of ${SITE_TEMPLATE_USES.join(", ")}`);
    out.siteTemplate = o.siteTemplate as SiteTemplateUse;
  }
  if (o.format !== undefined) {
    if (!TEXT_FORMATS.includes(o.format as TextFormat)) throw new OptionsError(`options.format must be one of ${TEXT_FORMATS.join(", ")}`);
    out.format = o.format as TextFormat;
  }
  if (o.url !== undefined) out.url = asString(o.url, "url", MAX_URL_CHARS);
  if (o.site !== undefined) out.site = asString(o.site, "site", MAX_SITE_CHARS);
  return out;
}

function asBool(v: unknown, name: string): boolean {
  if (typeof v === "boolean") return v;
  if (v === "1" || v === "true") return true;
  if (v === "0" || v === "false") return false;
  throw new OptionsError(`options.${name} must be a boolean`);
}

function asString(v: unknown, name: string, max: number): string {
  if (typeof v !== "string" || v.length > max) {
    throw new OptionsError(`options.${name} must be a string of at most ${max} characters`);
  }
  return v;
}
