// Arrays of one entry per line. Up to SLOTS_INLINE_MAX entries they are `new Array(n)`, which
// optimised code allocates inline at its full size. Past it, optimised code deoptimises at
// `new Array(n)` ("out of bounds"), so a function that made one fell back to the interpreter on
// every document of more lines, call after call (assemble deoptimised 11 times in 30 rounds of
// the scaling bench's 1.5 MB document, 31,161 lines): those are made empty with their length set,
// the same holey array at any size, grown as it is written.
//
// The length-set array for every size was tried first. Under Node it measured the same on
// ordinary pages; in workerd it cost text requests about a quarter more CPU (the bench's 150
// loose_text pages one at a time, two isolates of each build, passes alternated, summed CPU of
// the two warm passes: 301-347 ms with it, 183-325 ms with this, 196-273 ms before either).
// Node, .tmp/benchx.ts: loose_text 21.3-21.6 MB/s both ways.

// V8's JSArray::kInitialMaxFastElementArray: the largest `new Array(n)` optimised code makes inline.
const SLOTS_INLINE_MAX = 16_376;

/** An array of `n` holes, to be written by index. */
export function slots<T>(n: number): T[] {
  if (n <= SLOTS_INLINE_MAX) return new Array<T>(n);
  const a: T[] = [];
  a.length = n;
  return a;
}
