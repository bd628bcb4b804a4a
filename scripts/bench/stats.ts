/** Small statistics helpers for the benchmarks (milliseconds in, milliseconds out). */

/** The value at percentile `p` (0–100) by the nearest-rank method; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(samples: readonly number[]): number {
  return samples.length === 0 ? Number.NaN : samples.reduce((a, b) => a + b, 0) / samples.length;
}

/** A summary of timing samples, rounded for the report. */
export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p50: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    median: round(median(samples)),
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    min: round(samples.length ? Math.min(...samples) : Number.NaN),
    max: round(samples.length ? Math.max(...samples) : Number.NaN),
    mean: round(mean(samples)),
  };
}

/** Rounds to 3 significant decimals for ms values below 10, 1 decimal above. */
export function round(v: number): number {
  if (!Number.isFinite(v)) return v;
  return Math.abs(v) < 10 ? Math.round(v * 1000) / 1000 : Math.round(v * 10) / 10;
}

/** `a / b` rounded to two decimals (NaN when either is missing). */
export function ratio(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return Number.NaN;
  return Math.round((a / b) * 100) / 100;
}

/** Milliseconds since `start` (a `performance.now()` value). */
export function since(start: number): number {
  return performance.now() - start;
}
