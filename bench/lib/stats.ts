/** Small statistics helpers for the benchmarks (nearest-rank percentiles, medians, ratios). */

export function sorted(values: number[]): number[] {
  return [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

/** Nearest-rank percentile (p in 0..100); NaN for an empty list. */
export function percentile(values: number[], p: number): number {
  const s = sorted(values);
  if (!s.length) return NaN;
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

/** Median (mean of the two middle values for an even count). */
export function median(values: number[]): number {
  const s = sorted(values);
  if (!s.length) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function mean(values: number[]): number {
  const s = values.filter((v) => Number.isFinite(v));
  return s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN;
}

export function round(v: number, digits = 1): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export interface Distribution {
  n: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export function distribution(values: number[], digits = 1): Distribution {
  const s = sorted(values);
  return {
    n: s.length,
    min: round(s[0] ?? NaN, digits),
    p50: round(percentile(s, 50), digits),
    p90: round(percentile(s, 90), digits),
    p99: round(percentile(s, 99), digits),
    max: round(s[s.length - 1] ?? NaN, digits),
    mean: round(mean(s), digits),
  };
}
