import fc from 'fast-check';
import { atLocalTime, endOfLocalDay, isValidLocalDate, startOfLocalDay, toLocalDate } from './index';

const HOUR = 60 * 60 * 1000;

/** Any instant from 2020 to 2030, as a Date. */
const instants = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59.999Z'), noInvalidDate: true });
/** Any calendar day from 2020 to 2030, written without using the code under test. */
const localDates = instants.map((d) => d.toISOString().slice(0, 10));

describe('isValidLocalDate', () => {
  it.each([
    ['2023-09-08', 'an ordinary day'],
    ['2024-02-29', '29 February in a leap year'],
    ['2000-02-29', '29 February in a year divisible by 400'],
    ['2023-12-31', 'the last day of a year'],
    ['2023-01-01', 'the first day of a year'],
  ])('accepts %s (%s)', (input) => {
    expect(isValidLocalDate(input)).toBe(true);
  });

  it.each([
    ['2023-02-30', 'a day that does not exist'],
    ['2023-02-29', '29 February in a common year'],
    ['1900-02-29', '29 February in a century year not divisible by 400'],
    ['2023-04-31', '31 April'],
    ['2023-13-01', 'month 13'],
    ['2023-00-10', 'month 0'],
    ['2023-01-00', 'day 0'],
    ['2023-9-8', 'missing leading zeros'],
    ['23-09-08', 'a two-digit year'],
    ['2023/09/08', 'slashes'],
    ['08-09-2023', 'day first'],
    ['2023-09-08T00:00:00Z', 'a date-time'],
    [' 2023-09-08', 'a leading space'],
    ['2023-09-08\n', 'a trailing newline'],
    ['', 'an empty string'],
    ['２０２３-09-08', 'full-width digits'],
  ])('rejects %j (%s)', (input) => {
    expect(isValidLocalDate(input)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    expect(isValidLocalDate(20230908 as unknown as string)).toBe(false);
    expect(isValidLocalDate(undefined as unknown as string)).toBe(false);
  });
});

describe('start and end of a local day (Asia/Ho_Chi_Minh is UTC+07:00)', () => {
  it.each([
    { date: '2023-09-08', start: '2023-09-07T17:00:00.000Z', end: '2023-09-08T16:59:59.999Z' },
    { date: '2024-01-01', start: '2023-12-31T17:00:00.000Z', end: '2024-01-01T16:59:59.999Z' },
    { date: '2024-02-29', start: '2024-02-28T17:00:00.000Z', end: '2024-02-29T16:59:59.999Z' },
    { date: '2024-03-01', start: '2024-02-29T17:00:00.000Z', end: '2024-03-01T16:59:59.999Z' },
    { date: '2027-12-31', start: '2027-12-30T17:00:00.000Z', end: '2027-12-31T16:59:59.999Z' },
  ])('$date runs from $start to $end', ({ date, start, end }) => {
    expect(startOfLocalDay(date).toISOString()).toBe(start);
    expect(endOfLocalDay(date).toISOString()).toBe(end);
  });

  it('throws a readable error for a date that does not exist', () => {
    expect(() => endOfLocalDay('2023-02-30')).toThrow(/YYYY-MM-DD.*2023-02-30/);
    expect(() => startOfLocalDay('8/9/2023')).toThrow(RangeError);
  });

  it('every day starts and ends on that same local date and lasts 24 hours', () => {
    fc.assert(
      fc.property(localDates, (date) => {
        const start = startOfLocalDay(date);
        const end = endOfLocalDay(date);
        expect(toLocalDate(start)).toBe(date);
        expect(toLocalDate(end)).toBe(date);
        expect(end.getTime() - start.getTime()).toBe(24 * HOUR - 1);
        expect(toLocalDate(new Date(end.getTime() + 1))).not.toBe(date);
      }),
    );
  });
});

describe('toLocalDate', () => {
  it.each([
    { instant: '2023-09-07T16:59:59.999Z', local: '2023-09-07', when: '23:59:59.999 in Hanoi is still the 7th' },
    { instant: '2023-09-07T17:00:00.000Z', local: '2023-09-08', when: 'midnight in Hanoi is already the 8th' },
    { instant: '2023-09-08T00:00:00.000Z', local: '2023-09-08', when: 'midnight UTC is 07:00 in Hanoi' },
    { instant: '2023-12-31T17:00:00.000Z', local: '2024-01-01', when: 'New Year arrives in Hanoi at 17:00 UTC' },
    { instant: '2024-02-28T17:30:00.000Z', local: '2024-02-29', when: 'a leap day begins' },
    { instant: '2024-02-09T16:59:59.999Z', local: '2024-02-09', when: 'the last millisecond of Tết eve' },
  ])('$instant is $local ($when)', ({ instant, local }) => {
    expect(toLocalDate(new Date(instant))).toBe(local);
  });

  it('agrees with shifting the instant by seven hours', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        expect(toLocalDate(instant)).toBe(new Date(instant.getTime() + 7 * HOUR).toISOString().slice(0, 10));
      }),
    );
  });

  it('refuses an invalid Date', () => {
    expect(() => toLocalDate(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('atLocalTime', () => {
  it.each([
    { time: '08:00', date: '2024-02-07', hour: 8, minute: 0, utc: '2024-02-07T01:00:00.000Z' },
    { time: '00:00', date: '2024-02-07', hour: 0, minute: 0, utc: '2024-02-06T17:00:00.000Z' },
    { time: '06:59', date: '2024-02-07', hour: 6, minute: 59, utc: '2024-02-06T23:59:00.000Z' },
    { time: '17:30', date: '2024-02-07', hour: 17, minute: 30, utc: '2024-02-07T10:30:00.000Z' },
    { time: '23:59', date: '2024-02-07', hour: 23, minute: 59, utc: '2024-02-07T16:59:00.000Z' },
  ])('$time in Hanoi on $date is $utc', ({ date, hour, minute, utc }) => {
    expect(atLocalTime(date, hour, minute).toISOString()).toBe(utc);
  });

  it('takes minute 0 when no minute is given', () => {
    expect(atLocalTime('2024-02-07', 8).toISOString()).toBe('2024-02-07T01:00:00.000Z');
  });

  it.each([
    [24, 0],
    [-1, 0],
    [8.5, 0],
    [8, 60],
    [8, -1],
    [8, 0.5],
  ])('refuses %p:%p', (hour, minute) => {
    expect(() => atLocalTime('2024-02-07', hour, minute)).toThrow(RangeError);
  });
});
