import fc from 'fast-check';
import { parseIsoDuration } from './index';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseIsoDuration accepts', () => {
  it.each([
    { text: 'PT5S', ms: 5 * SECOND, meaning: 'five seconds (the usual test deadline)' },
    { text: 'PT0.5S', ms: 500, meaning: 'half a second' },
    { text: 'PT1,25S', ms: 1250, meaning: 'a decimal comma' },
    { text: 'PT0.001S', ms: 1, meaning: 'one millisecond' },
    { text: 'PT0.0015S', ms: 2, meaning: 'fractions beyond milliseconds are rounded' },
    { text: 'PT1.123456789S', ms: 1123, meaning: 'nanosecond digits' },
    { text: 'PT90S', ms: 90 * SECOND, meaning: 'seconds above 59' },
    { text: 'PT1M', ms: MINUTE, meaning: 'one minute (M after T is minutes)' },
    { text: 'PT2H', ms: 2 * HOUR, meaning: 'two hours' },
    { text: 'PT36H', ms: 36 * HOUR, meaning: 'hours above 23' },
    { text: 'P1D', ms: DAY, meaning: 'one day of 24 hours' },
    { text: 'P1DT2H', ms: DAY + 2 * HOUR, meaning: 'a day and two hours' },
    { text: 'P2DT3H4M5.5S', ms: 2 * DAY + 3 * HOUR + 4 * MINUTE + 5500, meaning: 'every part' },
    { text: 'PT1H0M0S', ms: HOUR, meaning: 'zero parts alongside a non-zero one' },
    { text: 'P1W', ms: 7 * DAY, meaning: 'one week' },
    { text: 'P0DT1S', ms: SECOND, meaning: 'zero days and a second' },
  ])('$text as $ms ms ($meaning)', ({ text, ms }) => {
    expect(parseIsoDuration(text)).toBe(ms);
  });

  it('any combination of days, hours, minutes and seconds', () => {
    const part = fc.integer({ min: 0, max: 400 });
    fc.assert(
      fc.property(part, part, part, part, (d, h, m, s) => {
        fc.pre(d + h + m + s > 0);
        expect(parseIsoDuration(`P${d}DT${h}H${m}M${s}S`)).toBe(d * DAY + h * HOUR + m * MINUTE + s * SECOND);
      }),
    );
  });
});

describe('parseIsoDuration rejects', () => {
  it.each([
    { text: 'P1M', why: 'months have no fixed length' },
    { text: 'P1Y', why: 'years have no fixed length' },
    { text: 'P1Y2M3D', why: 'years and months, even with days' },
    { text: '5S', why: 'no leading P' },
    { text: 'P5S', why: 'seconds without T' },
    { text: 'PT5', why: 'a number without a unit' },
    { text: 'P', why: 'nothing after P' },
    { text: 'PT', why: 'nothing after T' },
    { text: 'P1DT', why: 'a T with no time after it' },
    { text: 'PT0S', why: 'zero' },
    { text: 'P0D', why: 'zero days' },
    { text: 'PT0.0004S', why: 'shorter than half a millisecond rounds to zero' },
    { text: '-PT5S', why: 'negative' },
    { text: 'PT-5S', why: 'a negative part' },
    { text: 'P1.5D', why: 'a fraction of a day' },
    { text: 'PT1.5H', why: 'a fraction of an hour' },
    { text: 'PT.5S', why: 'a fraction with no whole part' },
    { text: 'PT1.S', why: 'a decimal point with no digits' },
    { text: 'PT1.0000000001S', why: 'more than nine fractional digits' },
    { text: 'PT5S5M', why: 'parts out of order' },
    { text: 'P1W1D', why: 'weeks mixed with days' },
    { text: 'pt5s', why: 'lower case' },
    { text: ' PT5S', why: 'surrounding space' },
    { text: 'PT5S ', why: 'surrounding space' },
    { text: 'PT 5S', why: 'inner space' },
    { text: '', why: 'empty' },
    { text: 'P99999999999999999999D', why: 'too long to count in milliseconds' },
  ])('$text ($why)', ({ text }) => {
    expect(parseIsoDuration(text)).toBeUndefined();
  });

  it('values that are not strings', () => {
    expect(parseIsoDuration(5 as unknown as string)).toBeUndefined();
    expect(parseIsoDuration(null as unknown as string)).toBeUndefined();
  });
});
