import fc from 'fast-check';
import { CalendarGapError, CalendarYear, VIETNAM_CIVIL_SERVICE_CALENDAR, WorkingCalendar, calendarDaysOf, defaultCalendar as cal } from './index';

/** Any calendar day from mid-2023 to mid-2027: far enough inside the table that two counts of 60 working days stay in it. */
const dates = fc
  .date({ min: new Date('2023-07-01T00:00:00Z'), max: new Date('2027-06-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const counts = fc.integer({ min: 1, max: 60 });

describe('weekends', () => {
  it.each([
    { date: '2023-09-09', weekday: 'Saturday' },
    { date: '2023-09-10', weekday: 'Sunday' },
    { date: '2025-03-15', weekday: 'Saturday' },
    { date: '2025-03-16', weekday: 'Sunday' },
    { date: '2026-10-03', weekday: 'Saturday' },
  ])('$date, a $weekday, is not a working day', ({ date }) => {
    expect(cal.isWorkingDay(date)).toBe(false);
  });

  it.each([
    { date: '2023-09-11', weekday: 'Monday' },
    { date: '2023-09-13', weekday: 'Wednesday' },
    { date: '2023-09-08', weekday: 'Friday' },
    { date: '2026-10-02', weekday: 'Friday' },
  ])('$date, an ordinary $weekday, is a working day', ({ date }) => {
    expect(cal.isWorkingDay(date)).toBe(true);
  });

  it('a deadline of 1 working day set on a Friday falls on Monday', () => {
    expect(cal.addWorkingDays('2023-09-08', 1)).toBe('2023-09-11');
  });

  it('5 working days after a Monday is the next Monday', () => {
    expect(cal.addWorkingDays('2023-09-11', 5)).toBe('2023-09-18');
  });
});

describe('make-up Saturdays count as working days', () => {
  it.each([
    { date: '2024-05-04', swappedFor: 'Monday 29 April 2024' },
    { date: '2025-04-26', swappedFor: 'Friday 2 May 2025' },
    { date: '2026-01-10', swappedFor: 'Friday 2 January 2026' },
    { date: '2026-08-22', swappedFor: 'Monday 31 August 2026' },
  ])('Saturday $date is worked in exchange for $swappedFor', ({ date }) => {
    expect(cal.isWorkingDay(date)).toBe(true);
  });

  it('1 working day after Friday 3 May 2024 is the make-up Saturday 4 May', () => {
    expect(cal.addWorkingDays('2024-05-03', 1)).toBe('2024-05-04');
  });

  it('3 working days after Thursday 2 May 2024 is Monday 6 May (Fri, make-up Sat, Mon)', () => {
    expect(cal.addWorkingDays('2024-05-02', 3)).toBe('2024-05-06');
  });

  it('the week of Saturday 22 August 2026 has six working days, the week of National Day two', () => {
    expect(cal.workingDaysBetween('2026-08-16', '2026-08-22')).toBe(6);
    expect(cal.workingDaysBetween('2026-08-30', '2026-09-06')).toBe(2); // Mon 31 swapped, Tue 1 and Wed 2 off
  });

  it('an ordinary Saturday is still a day off', () => {
    expect(cal.isWorkingDay('2024-05-11')).toBe(false);
  });
});

describe('counting across Tết 2024 (offices closed Thursday 8 to Wednesday 14 February)', () => {
  it('a response due 10 working days after 2024-02-05 is due on 2024-02-26', () => {
    // Tue 6, Wed 7, then Tết, then Thu 15, Fri 16, Mon 19 ... Fri 23, Mon 26.
    expect(cal.addWorkingDays('2024-02-05', 10)).toBe('2024-02-26');
  });

  it.each([
    { from: '2024-02-07', n: 1, due: '2024-02-15', story: 'the day after the last working day before Tết is the first one after it' },
    { from: '2024-02-08', n: 1, due: '2024-02-15', story: 'counting from a Tết day starts after Tết' },
    { from: '2024-02-14', n: 1, due: '2024-02-15', story: 'the last day of the break is followed by Thursday 15' },
    { from: '2024-02-15', n: 0, due: '2024-02-15', story: 'zero working days is the same day' },
    { from: '2024-02-08', n: 0, due: '2024-02-08', story: 'zero working days from a holiday is that holiday' },
  ])('$n working day(s) after $from is $due: $story', ({ from, n, due }) => {
    expect(cal.addWorkingDays(from, n)).toBe(due);
  });

  it.each([
    { from: '2024-02-15', n: 1, back: '2024-02-07' },
    { from: '2024-02-15', n: 3, back: '2024-02-05' },
    { from: '2024-02-12', n: 1, back: '2024-02-07' },
    { from: '2024-02-26', n: 10, back: '2024-02-05' },
  ])('$n working day(s) before $from is $back', ({ from, n, back }) => {
    expect(cal.subtractWorkingDays(from, n)).toBe(back);
  });

  it.each([
    { from: '2024-02-05', to: '2024-02-26', count: 10 },
    { from: '2024-02-07', to: '2024-02-15', count: 1 },
    { from: '2024-02-08', to: '2024-02-14', count: 0 },
    { from: '2024-02-15', to: '2024-02-15', count: 0 },
    { from: '2024-02-26', to: '2024-02-05', count: -10 },
    { from: '2024-02-15', to: '2024-02-07', count: -1 },
  ])('from $from to $to is $count working day(s)', ({ from, to, count }) => {
    expect(cal.workingDaysBetween(from, to)).toBe(count);
  });
});

describe('other breaks', () => {
  it.each([
    { from: '2023-04-28', n: 1, due: '2023-05-04', story: 'Hùng Kings, 30/4 and 1/5 2023: closed Sat 29 April to Wed 3 May' },
    { from: '2024-04-26', n: 1, due: '2024-05-02', story: '30/4–1/5 2024: closed Sat 27 April to Wed 1 May' },
    { from: '2025-04-29', n: 1, due: '2025-05-05', story: '30/4–1/5 2025: closed Wed 30 April to Sun 4 May' },
    { from: '2025-08-29', n: 1, due: '2025-09-03', story: 'National Day 2025: closed Sat 30 August to Tue 2 September' },
    { from: '2023-08-31', n: 1, due: '2023-09-05', story: 'National Day 2023: closed Fri 1 to Mon 4 September' },
    { from: '2025-12-31', n: 1, due: '2026-01-05', story: 'New Year 2026: closed Thu 1 to Sun 4 January' },
    { from: '2026-11-23', n: 1, due: '2026-11-25', story: 'Vietnamese Culture Day, Tue 24 November 2026' },
  ])('1 working day after $from is $due ($story)', ({ from, n, due }) => {
    expect(cal.addWorkingDays(from, n)).toBe(due);
  });
});

describe('addWorkingDays and subtractWorkingDays undo each other', () => {
  it('counting n working days forward, workingDaysBetween the two dates is n', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 60 }), (date, n) => {
        expect(cal.workingDaysBetween(date, cal.addWorkingDays(date, n))).toBe(n);
      }),
    );
  });

  it('counting n working days back, n - 1 working days lie strictly between the two dates', () => {
    fc.assert(
      fc.property(dates, counts, (date, n) => {
        const back = cal.subtractWorkingDays(date, n);
        const strictlyBetween = cal.workingDaysBetween(back, date) - (cal.isWorkingDay(date) ? 1 : 0);
        expect(strictlyBetween).toBe(n - 1);
      }),
    );
  });

  it('the date reached is always a working day', () => {
    fc.assert(
      fc.property(dates, counts, (date, n) => {
        expect(cal.isWorkingDay(cal.addWorkingDays(date, n))).toBe(true);
        expect(cal.isWorkingDay(cal.subtractWorkingDays(date, n))).toBe(true);
      }),
    );
  });

  it('forward then back returns to the date, or to the last working day before it', () => {
    fc.assert(
      fc.property(dates, counts, (date, n) => {
        const expected = cal.isWorkingDay(date) ? date : cal.subtractWorkingDays(date, 1);
        expect(cal.subtractWorkingDays(cal.addWorkingDays(date, n), n)).toBe(expected);
      }),
    );
  });

  it('back then forward returns to the date, or to the first working day after it', () => {
    fc.assert(
      fc.property(dates, counts, (date, n) => {
        const expected = cal.isWorkingDay(date) ? date : cal.addWorkingDays(date, 1);
        expect(cal.addWorkingDays(cal.subtractWorkingDays(date, n), n)).toBe(expected);
      }),
    );
  });

  it('adding in two steps is the same as adding at once', () => {
    fc.assert(
      fc.property(dates, counts, counts, (date, a, b) => {
        expect(cal.addWorkingDays(cal.addWorkingDays(date, a), b)).toBe(cal.addWorkingDays(date, a + b));
      }),
    );
  });

  it('counts between dates add up and change sign when reversed', () => {
    fc.assert(
      fc.property(dates, dates, dates, (a, b, c) => {
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, a)).toBe(0);
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c)).toBe(cal.workingDaysBetween(a, c));
      }),
      { numRuns: 50 },
    );
  });
});

describe('years outside the table', () => {
  it.each([
    { date: '2022-12-30', covered: false },
    { date: '2023-01-01', covered: true },
    { date: '2027-12-31', covered: true },
    { date: '2028-01-26', covered: false },
  ])('covers($date) is $covered', ({ date, covered }) => {
    expect(cal.covers(date)).toBe(covered);
  });

  it.each([
    { what: 'a day of an uncovered year', call: () => cal.isWorkingDay('2028-01-26'), year: 2028 },
    { what: 'a count that runs past the last covered year', call: () => cal.addWorkingDays('2027-12-31', 1), year: 2028 },
    { what: 'a count back before the first covered year', call: () => cal.subtractWorkingDays('2023-01-03', 2), year: 2022 },
    { what: 'a count between dates of different years', call: () => cal.workingDaysBetween('2027-12-20', '2028-01-10'), year: 2028 },
  ])('are refused, never counted Monday to Friday: $what', ({ call, year }) => {
    expect(call).toThrow(CalendarGapError);
    expect(call).toThrow(new RegExp(`no working-day calendar for ${year}`));
  });

  it('a count that stays inside covered years never asks about the others', () => {
    expect(cal.addWorkingDays('2027-12-30', 1)).toBe('2027-12-31');
    expect(cal.subtractWorkingDays('2023-01-04', 1)).toBe('2023-01-03');
  });

  it('an empty calendar counts nothing', () => {
    const empty = new WorkingCalendar([]);
    expect(() => empty.isWorkingDay('2024-02-12')).toThrow(CalendarGapError);
    expect(() => empty.addWorkingDays('2024-02-05', 10)).toThrow(/no working-day calendar for 2024/);
    expect(empty.covers('2024-02-12')).toBe(false);
    expect(empty.addWorkingDays('2024-02-05', 0)).toBe('2024-02-05'); // nothing to count
  });

  it('lists the years it covers', () => {
    expect(cal.coveredYears()).toEqual([2023, 2024, 2025, 2026, 2027]);
  });
});

describe('from its dates alone (what a command carries)', () => {
  it('counts every day of the table as the table with its names does', () => {
    const fromDays = new WorkingCalendar(calendarDaysOf(VIETNAM_CIVIL_SERVICE_CALENDAR));
    expect(fromDays.coveredYears()).toEqual(cal.coveredYears());
    const differing: string[] = [];
    for (let day = Date.UTC(2023, 0, 1); day <= Date.UTC(2027, 11, 31); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      if (fromDays.isWorkingDay(date) !== cal.isWorkingDay(date)) differing.push(date);
    }
    expect(differing).toEqual([]);
  });

  it('keeps only the dates: a year of Tết is three short lists', () => {
    const [y2024] = calendarDaysOf(VIETNAM_CIVIL_SERVICE_CALENDAR.filter((y) => y.year === 2024));
    expect(y2024.daysOff).toContain('2024-02-12');
    expect(Object.keys(y2024).sort()).toEqual(['daysOff', 'workedWeekendDays', 'year']);
  });

  it('refuses dates that contradict each other, as the table does', () => {
    expect(() => new WorkingCalendar([{ year: 2030, daysOff: ['2030-01-01', '2030-01-01'], workedWeekendDays: [] }])).toThrow(/listed twice/);
    expect(() => new WorkingCalendar([{ year: 2030, daysOff: [], workedWeekendDays: ['2030-01-02'] }])).toThrow(/weekday/);
  });
});

describe('bad input is refused with a reason', () => {
  it.each([
    { call: () => cal.addWorkingDays('2024-02-05', -1), reason: /0 or more/ },
    { call: () => cal.addWorkingDays('2024-02-05', 1.5), reason: /whole number/ },
    { call: () => cal.subtractWorkingDays('2024-02-05', Number.NaN), reason: /whole number/ },
    { call: () => cal.isWorkingDay('2024-02-30'), reason: /YYYY-MM-DD/ },
    { call: () => cal.workingDaysBetween('2024-02-05', '5/2/2024'), reason: /YYYY-MM-DD/ },
    { call: () => cal.covers('2024'), reason: /YYYY-MM-DD/ },
  ])('$reason', ({ call, reason }) => {
    expect(call).toThrow(reason);
  });
});

describe('a calendar table that contradicts itself is rejected', () => {
  const year = (patch: Partial<CalendarYear>): CalendarYear => ({ year: 2030, holidays: [], makeUpWorkingDays: [], ...patch });
  const holiday = (date: string) => ({ date, name: 'Test', nameVi: 'Thử' });

  it.each([
    { problem: 'a year listed twice', years: [year({}), year({})], reason: /listed twice/ },
    { problem: 'a holiday under the wrong year', years: [year({ holidays: [holiday('2031-01-01')] })], reason: /under the year 2030/ },
    { problem: 'a holiday that is not a date', years: [year({ holidays: [holiday('2030-02-30')] })], reason: /YYYY-MM-DD/ },
    {
      problem: 'the same holiday twice',
      years: [year({ holidays: [holiday('2030-01-01'), holiday('2030-01-01')] })],
      reason: /listed twice/,
    },
    {
      problem: 'a make-up working day on a weekday',
      years: [year({ makeUpWorkingDays: [{ date: '2030-01-02', note: 'Wednesday' }] })],
      reason: /weekday/,
    },
    {
      problem: 'a day that is both a holiday and a make-up day',
      years: [year({ holidays: [holiday('2030-01-05')], makeUpWorkingDays: [{ date: '2030-01-05', note: 'Saturday' }] })],
      reason: /both/,
    },
  ])('$problem', ({ years, reason }) => {
    expect(() => new WorkingCalendar(years)).toThrow(reason);
  });

  it('later changes to the table given to the constructor do not change the calendar', () => {
    const years = [year({ holidays: [holiday('2030-01-01')] })];
    const custom = new WorkingCalendar(years);
    years[0].holidays.push(holiday('2030-01-02'));
    expect(custom.isWorkingDay('2030-01-02')).toBe(true);
    expect(custom.isWorkingDay('2030-01-01')).toBe(false);
  });
});
