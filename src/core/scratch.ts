// Typed arrays that a document's passes need only while they run (temporaries, never results),
// kept from one call to the next. A fresh typed array is an allocation, a zeroed buffer and an
// object for the garbage collector to track; a page's passes made some twenty of them, and on a
// long input their megabytes of fresh memory were paid for again on every call.
//
// Each scratch is one module-level array, grown to the largest document seen while all of them
// together stay within SCRATCH_BUDGET_BYTES: a scratch that would take the kept total past it gets
// a fresh array that goes with its document, so what stays is bounded whatever comes in. What a
// scratch hands out is valid until the next call that takes the same scratch: only for passes that
// run to the end without calling each other (all of them are synchronous).

// 32 MiB for all scratches together. A document's scratches take about 21 bytes per code unit
// (its code units twice, per-word starts and hashes sized for a word every two units, on clean's
// text path its features: dense vectors, lexical buckets, per-line counts): the bench's 1.5 MB
// scaling document keeps 30.9 MiB, so every size it measures reuses its arrays (before, each
// scratch kept at most 2^16 elements, and the 150 KB and 1.5 MB documents made fresh arrays of
// 13 MB a round of ten 150 KB documents, 18 MB a 1.5 MB one, set off extra scavenges for
// "external memory pressure"; 24 MiB left the 1.5 MB document's dense vectors fresh). Past it (a
// body near the HTTP limit of 2 MiB, or millions of one-unit lines), the scratches that grow last
// get fresh arrays, as every document did before scratches. A quarter of a Worker's 128 MB, kept
// only after a document that large; 4.9 MiB after the 150 KB ones, 1.6 MiB after the bench's 150
// loose_text pages.
export const SCRATCH_BUDGET_BYTES = 32 << 20;
let keptBytes = 0;

/** What the scratches keep between calls, in bytes (at most SCRATCH_BUDGET_BYTES). */
export const keptScratchBytes = () => keptBytes;

type Typed = Int32Array | Uint32Array | Uint16Array | Float64Array | Float32Array | Uint8Array;

export class Scratch<T extends Typed> {
  #kept: T;
  constructor(private readonly make: (n: number) => T) {
    this.#kept = make(0);
  }
  /** `n` elements whose values are whatever the last user left: for arrays written before read. */
  any(n: number): T {
    if (n <= this.#kept.length) return this.#kept.subarray(0, n) as T;
    // Doubled, so a run of growing documents makes few of them; exactly `n` when that would
    // pass the budget and `n` alone does not.
    const per = this.#kept.BYTES_PER_ELEMENT, room = Math.floor((SCRATCH_BUDGET_BYTES - keptBytes) / per) + this.#kept.length;
    if (n > room) return this.make(n);
    const grown = this.make(Math.min(room, Math.max(n, 2 * this.#kept.length)));
    keptBytes += grown.byteLength - this.#kept.byteLength;
    this.#kept = grown;
    return grown.subarray(0, n) as T;
  }
  /** How many elements it holds without making a new array. */
  get size(): number {
    return this.#kept.length;
  }
  /** `n` elements (more than `a` has) that begin with `a`'s: for a table that outgrows what this scratch handed out. */
  grown(a: T, n: number): T {
    const b = this.any(n);
    if (b.buffer !== a.buffer || b.byteOffset !== a.byteOffset) b.set(a);
    return b;
  }
  /** `n` elements, all zero. */
  zeroed(n: number): T {
    const a = this.any(n);
    a.fill(0);
    return a;
  }
}

export const int32Scratch = () => new Scratch((n) => new Int32Array(n));
export const uint32Scratch = () => new Scratch((n) => new Uint32Array(n));
export const float64Scratch = () => new Scratch((n) => new Float64Array(n));
