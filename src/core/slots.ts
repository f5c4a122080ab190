// Arrays of one entry per line, made with their length set rather than by `new Array(n)` or
// Array.prototype.map: optimised code makes those inline only up to 16,376 elements (V8's
// JSArray::kInitialMaxFastElementArray) and deoptimises past it ("out of bounds"), so a function
// that made one fell back to the interpreter on every document of more lines, call after call
// (assemble deoptimised 11 times in 30 rounds of the scaling bench's 1.5 MB document, 31,161
// lines). Setting the length of an empty array makes the same holey array at any size.

/** An array of `n` holes, to be written by index. */
export function slots<T>(n: number): T[] {
  const a: T[] = [];
  a.length = n;
  return a;
}
