// Character references decoded after the tokenizer, only where they are read.
//
// htmlparser2's tokenizer decoding entities itself steps through every character of text and of
// attribute values one state call at a time; without it, it skips to the next "<" or quote (a
// third of its time on the corpus's pages). The streaming segmenter (stream-blocks.ts) runs it so
// and decodes here what it reads: text with an "&" and the few attributes it keeps. The decoding
// is the tokenizer's own (a second Tokenizer that decodes, fed the raw text in the same state), so
// the result is what the tokenizer would have reported, down to how body text is split into
// pieces around each reference (the block sink counts link characters piece by piece).
import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";

const noop = (): void => {};

export class EntityDecoder {
  private src = "";
  private emit: (piece: string) => void = noop;
  private out = "";
  private readonly append = (piece: string): void => { this.out += piece; };
  private readonly tokenizer: Tokenizer;

  constructor() {
    const cbs: TokenizerCallbacks = {
      ontext: (s, e) => this.emit(this.src.slice(s, e)),
      ontextentity: (cp) => this.emit(String.fromCodePoint(cp)),
      onattribdata: (s, e) => this.emit(this.src.slice(s, e)),
      onattribentity: (cp) => this.emit(String.fromCodePoint(cp)),
      onopentagname: noop, onattribname: noop, onattribend: noop, onopentagend: noop, onselfclosingtag: noop,
      onclosetag: noop, oncdata: noop, oncomment: noop, ondeclaration: noop, onprocessinginstruction: noop, onend: noop,
      isInForeignContext: () => false,
    };
    this.tokenizer = new Tokenizer({ decodeEntities: true }, cbs);
  }

  /**
   * Body text (the tokenizer's text state), piece by piece to `emit` as the tokenizer reports it:
   * the text between references, each reference's character(s). `raw` holds no tag (the
   * tokenizer that read it ended its text there).
   */
  text(raw: string, emit: (piece: string) => void): void {
    if (!raw.includes("&")) emit(raw);
    else this.run(raw, emit);
  }

  /** The text of a <title> or <textarea> (RCDATA: references decoded, no tags). */
  rcdata(raw: string): string {
    return raw.includes("&") ? this.joined(`<title>${raw}`) : raw;
  }

  /** An attribute's value, quoted or not. */
  attribute(raw: string): string {
    if (!raw.includes("&")) return raw;
    // Wrapped as it can have been written: a value with both quotes was unquoted (so has no space
    // and no ">"). How the value ends does not change its decoding: no quote, space or ">" is a
    // character that keeps a reference without ";" from being decoded ("=" and alphanumerics are).
    const q = !raw.includes('"') ? '"' : !raw.includes("'") ? "'" : "";
    return this.joined(`<a v=${q}${raw}${q}>`);
  }

  /** The pieces of `src`'s only text or attribute value, joined. */
  private joined(src: string): string {
    this.out = "";
    this.run(src, this.append);
    return this.out;
  }

  private run(src: string, emit: (piece: string) => void): void {
    this.src = src;
    this.emit = emit;
    this.tokenizer.reset();
    this.tokenizer.write(src);
    this.tokenizer.end();
    this.emit = noop;
  }
}
