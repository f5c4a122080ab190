// FNV-1a over UTF-16 code units: stable across runtimes, no dependencies, cheap.
// The state is the hash itself, so hashing a + b is hashing b seeded with the hash of a.
export const FNV_OFFSET = 0x811c9dc5;

export function fnv1a(s: string, seed = FNV_OFFSET): number {
  return fnv1aRange(s, 0, s.length, seed);
}

/** FNV-1a of s.slice(from, to), without making that string. */
export function fnv1aRange(s: string, from: number, to: number, seed = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
