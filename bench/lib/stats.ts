/** Small statistics for the benchmark: medians, percentiles and ratios of medians. */

/** The q-quantile (0..1) by linear interpolation between the sorted samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export const median = (samples: readonly number[]) => quantile(samples, 0.5);
export const p90 = (samples: readonly number[]) => quantile(samples, 0.9);
export const mean = (samples: readonly number[]) =>
  samples.length === 0 ? Number.NaN : samples.reduce((a, b) => a + b, 0) / samples.length;

export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p90: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

export function summarise(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    median: median(samples),
    p90: p90(samples),
    mean: mean(samples),
    min: samples.length ? Math.min(...samples) : Number.NaN,
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

/**
 * Samples of one measurement, kept per round, so the ratio to a baseline measured in the same
 * rounds can be given both pooled and round by round (the spread of the per-round ratios shows
 * how noisy the machine was).
 */
export class Series {
  readonly rounds: number[][] = [];

  constructor(
    readonly name: string,
    readonly unit: 'ms' | 'per s' | 'events/s' | 'ms/command',
  ) {}

  newRound(): void {
    this.rounds.push([]);
  }

  add(value: number): void {
    if (this.rounds.length === 0) this.newRound();
    this.rounds[this.rounds.length - 1].push(value);
  }

  get samples(): number[] {
    return this.rounds.flat();
  }

  summary(): Summary {
    return summarise(this.samples);
  }

  roundMedians(): number[] {
    return this.rounds.filter((r) => r.length > 0).map((r) => median(r));
  }
}

export interface Ratio {
  /** Median of this series over the median of the baseline, all rounds pooled. */
  readonly pooled: number;
  /** The same ratio round by round: its median, lowest and highest. */
  readonly perRound: { readonly median: number; readonly min: number; readonly max: number };
}

/** How many times the baseline this series is (both measured in the same rounds). */
export function ratio(series: Series, baseline: Series): Ratio {
  const a = series.roundMedians();
  const b = baseline.roundMedians();
  const perRound = a.slice(0, Math.min(a.length, b.length)).map((value, i) => value / b[i]);
  return {
    pooled: median(series.samples) / median(baseline.samples),
    perRound: { median: median(perRound), min: Math.min(...perRound), max: Math.max(...perRound) },
  };
}

/** `performance.now()` around an async call. */
export async function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}
