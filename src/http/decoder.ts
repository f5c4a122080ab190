// Text decoders by charset label (the Encoding standard's names and labels). TextDecoder decodes
// windows-1252 wrongly in the runtimes this service runs on: Node from 20.18.3 (its fast path for
// the Latin-1 family; nodejs/node#56542) and workerd read bytes 0x80-0x9F as the C1 controls
// U+0080-U+009F, as ISO-8859-1 would, so a page's curly quotes, dashes, "€" and "™" become
// invisible characters ("served \u0093fancy\u0094 coffee"). Every label the standard maps to
// windows-1252 (latin1, iso-8859-1, ascii, us-ascii, cp1252, …) is decoded here by its table
// instead; every other charset by TextDecoder.

export interface Decoder {
  readonly encoding: string;
  /** As TextDecoder.decode; `stream` keeps a multi-byte sequence cut at the chunk's end for the next call. */
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

// The Encoding standard's index-windows-1252 for bytes 0x80-0x9F (the other bytes are their own
// code points). The five bytes the code page leaves unassigned map to the C1 control of that value.
const HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];
const TABLE = Uint16Array.from({ length: 256 }, (_, b) => (b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80] : b));
// String.fromCharCode takes its code units as arguments: this many per call stays far below any
// engine's argument limit.
const CHUNK = 8192;

const windows1252: Decoder = {
  encoding: "windows-1252",
  decode(bytes = new Uint8Array(0)): string {
    const parts: string[] = [];
    const units = new Uint16Array(Math.min(CHUNK, bytes.length));
    for (let at = 0; at < bytes.length; at += CHUNK) {
      const n = Math.min(CHUNK, bytes.length - at);
      for (let i = 0; i < n; i++) units[i] = TABLE[bytes[at + i]];
      parts.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]));
    }
    return parts.join("");
  },
};

/** A decoder for `label`; throws a RangeError, as TextDecoder does, for a label the runtime does not know. */
export function decoderFor(label: string, options?: TextDecoderOptions): Decoder {
  const d = new TextDecoder(label, options);
  return d.encoding === "windows-1252" ? windows1252 : d;
}
