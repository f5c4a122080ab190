// Typed arrays that a document's passes need only while they run (temporaries, never results),
// kept from one call to the next. A fresh typed array is an allocation, a zeroed buffer and an
// object for the garbage collector to track; a page's passes made some twenty of them, and on a
// long input their megabytes of fresh memory were paid for again on every call.
//
// Each scratch is one module-level array, grown to the largest document seen but kept only up to
// SCRATCH_KEEP elements: a larger document gets fresh arrays that go with it, so what stays is
// bounded (the 28 scratches of the text path keep at most 7.1 MiB, after a document of 65,536 or
// more lines and words; a few hundred KiB after ordinary pages). What a scratch hands out is valid
// until the next call that takes the same scratch: only for passes that run to the end without
// calling each other (all of them are synchronous).

// Kept up to 2^16 elements (256 KiB for 32-bit elements): all but 11 of the corpus's 2,532 texts
// fit whole (the median is 11,000 code units), and the lines and words of far longer inputs.
const SCRATCH_KEEP = 1 << 16;

type Typed = Int32Array | Uint32Array | Uint16Array | Float64Array | Uint8Array;

export class Scratch<T extends Typed> {
  #kept: T;
  constructor(private readonly make: (n: number) => T) {
    this.#kept = make(0);
  }
  /** `n` elements whose values are whatever the last user left: for arrays written before read. */
  any(n: number): T {
    if (n <= this.#kept.length) return this.#kept.subarray(0, n) as T;
    if (n > SCRATCH_KEEP) return this.make(n);
    // Doubled, so a run of growing documents makes few of them.
    this.#kept = this.make(Math.min(SCRATCH_KEEP, Math.max(n, 2 * this.#kept.length)));
    return this.#kept.subarray(0, n) as T;
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
