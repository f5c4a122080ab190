// Small statistics and number formatting shared by the bench and the load test.

export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The q-quantile (nearest rank) of xs. */
export function pct(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

export interface Timing { p50_ms: number; p90_ms: number; p99_ms: number; total_ms: number }

export const timing = (ms: readonly number[]): Timing => ({ p50_ms: pct(ms, 0.5), p90_ms: pct(ms, 0.9), p99_ms: pct(ms, 0.99), total_ms: sum(ms) });

/** 3 significant-ish digits: 0.123, 12.34, 1234. */
export const fmt = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
