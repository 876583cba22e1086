/**
 * "a/b (x%)", the way the district reports progress ("61/65 (93.8%)", "13/17 (76.5%)"): the two
 * counts, and the share with exactly one decimal, rounded half up. A ratio whose denominator is
 * zero has no share: its percent is null and its text says "0/0 (—)" rather than inventing 0% or
 * 100%.
 */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  /** One decimal, rounded half up; null when the denominator is 0. */
  readonly percent: number | null;
  /** `61/65 (93.8%)`, or `0/0 (—)`. */
  readonly text: string;
}

export const NO_SHARE = '—';

export function ratio(numerator: number, denominator: number): Ratio {
  for (const [name, value] of [
    ['numerator', numerator],
    ['denominator', denominator],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`A ratio's ${name} must be a whole number ≥ 0, got ${value}`);
  }
  const percent = denominator === 0 ? null : roundHalfUpTenths((numerator * 1000) / denominator) / 10;
  return { numerator, denominator, percent, text: `${numerator}/${denominator} (${formatPercent(percent)})` };
}

/** `93.8%`, `100.0%`, `0.0%`; `—` for no share. */
export function formatPercent(percent: number | null): string {
  return percent === null ? NO_SHARE : `${percent.toFixed(1)}%`;
}

/**
 * `x` is the share in tenths of a percent (numerator × 1000 / denominator). Dividing whole numbers
 * gives the exact value whenever it ends in .5 (such halves are exact binary fractions), so
 * Math.round (which rounds .5 up) is a true half-up rounding here.
 */
function roundHalfUpTenths(x: number): number {
  return Math.round(x);
}
