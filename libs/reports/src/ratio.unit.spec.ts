import { formatPercent, ratio } from './ratio';

describe('ratio: "a/b (x%)" with one decimal', () => {
  it.each([
    [61, 65, 93.8, '61/65 (93.8%)'],
    [13, 17, 76.5, '13/17 (76.5%)'],
    [12, 19, 63.2, '12/19 (63.2%)'],
    [1, 3, 33.3, '1/3 (33.3%)'],
    [2, 3, 66.7, '2/3 (66.7%)'],
    [15, 16, 93.8, '15/16 (93.8%)'], // 93.75 rounds half up
    [1, 8, 12.5, '1/8 (12.5%)'],
    [1, 16, 6.3, '1/16 (6.3%)'], // 6.25 rounds half up
    [1, 2000, 0.1, '1/2000 (0.1%)'], // 0.05 rounds half up
    [1, 2001, 0, '1/2001 (0.0%)'],
    [0, 5, 0, '0/5 (0.0%)'],
    [5, 5, 100, '5/5 (100.0%)'],
    [1999, 2000, 100, '1999/2000 (100.0%)'], // 99.95 rounds up to 100.0
    [0, 0, null, '0/0 (—)'],
  ])('%i/%i', (n, d, percent, text) => {
    expect(ratio(n, d)).toEqual({ numerator: n, denominator: d, percent, text });
  });

  it('refuses counts that are not whole numbers ≥ 0', () => {
    expect(() => ratio(-1, 3)).toThrow(RangeError);
    expect(() => ratio(1.5, 3)).toThrow(RangeError);
    expect(() => ratio(1, Number.NaN)).toThrow(RangeError);
  });

  it('prints a share, or a dash for none', () => {
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(null)).toBe('—');
  });
});
