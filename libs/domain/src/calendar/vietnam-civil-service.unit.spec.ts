import { VIETNAM_CIVIL_SERVICE_CALENDAR, defaultCalendar as cal } from './index';

const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Weekday of a date, computed with Date (independently of the code under test). */
const weekdayOf = (date: string) => WEEKDAY[new Date(`${date}T00:00:00Z`).getUTCDay()];
/** Every date from `first` to `last`, inclusive. */
function datesFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

describe('the table', () => {
  it('covers 2023 to 2027, one entry per year', () => {
    expect(VIETNAM_CIVIL_SERVICE_CALENDAR.map((y) => y.year)).toEqual([2023, 2024, 2025, 2026, 2027]);
  });

  describe.each(VIETNAM_CIVIL_SERVICE_CALENDAR.map((y) => [y.year, y] as const))('%i', (_year, entry) => {
    it('lists only weekdays as holidays, each with an English and a Vietnamese name', () => {
      const onWeekends = entry.holidays.filter((h) => /Saturday|Sunday/.test(weekdayOf(h.date)));
      expect(onWeekends).toEqual([]);
      const unnamed = entry.holidays.filter((h) => h.name.trim() === '' || h.nameVi.trim() === '');
      expect(unnamed).toEqual([]);
    });

    it('lists only Saturdays as make-up working days, each with a note', () => {
      const notSaturdays = entry.makeUpWorkingDays.filter((m) => weekdayOf(m.date) !== 'Saturday');
      expect(notSaturdays).toEqual([]);
      expect(entry.makeUpWorkingDays.filter((m) => m.note.trim() === '')).toEqual([]);
    });

    it('gives the 11 statutory days off (12 from 2026) once swapped weekdays are paid back', () => {
      // A day off in lieu replaces a holiday that fell on a weekend, and each swapped weekday
      // is paid back by a make-up Saturday, so weekdays off - make-up days = statutory days.
      const statutory = entry.year >= 2026 ? 12 : 11;
      expect(entry.holidays.length - entry.makeUpWorkingDays.length).toBe(statutory);
    });
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(VIETNAM_CIVIL_SERVICE_CALENDAR)).toBe(true);
    expect(Object.isFrozen(VIETNAM_CIVIL_SERVICE_CALENDAR[1].holidays[0])).toBe(true);
    expect(() => (VIETNAM_CIVIL_SERVICE_CALENDAR[1].holidays as unknown[]).push({})).toThrow(TypeError);
  });
});

describe.each([
  {
    year: 2023,
    lunarNewYear: '2023-01-22',
    lastWorkingDayBefore: '2023-01-19',
    breakFrom: '2023-01-20',
    breakTo: '2023-01-26',
    firstWorkingDayAfter: '2023-01-27',
  },
  {
    year: 2024,
    lunarNewYear: '2024-02-10',
    lastWorkingDayBefore: '2024-02-07',
    breakFrom: '2024-02-08',
    breakTo: '2024-02-14',
    firstWorkingDayAfter: '2024-02-15',
  },
  {
    year: 2025,
    lunarNewYear: '2025-01-29',
    lastWorkingDayBefore: '2025-01-24',
    breakFrom: '2025-01-25',
    breakTo: '2025-02-02',
    firstWorkingDayAfter: '2025-02-03',
  },
  {
    year: 2026,
    lunarNewYear: '2026-02-17',
    lastWorkingDayBefore: '2026-02-13',
    breakFrom: '2026-02-14',
    breakTo: '2026-02-22',
    firstWorkingDayAfter: '2026-02-23',
  },
  // 2027 is derived from the Labour Code, not from an official notice.
  {
    year: 2027,
    lunarNewYear: '2027-02-06',
    lastWorkingDayBefore: '2027-02-04',
    breakFrom: '2027-02-05',
    breakTo: '2027-02-11',
    firstWorkingDayAfter: '2027-02-12',
  },
])('Tết $year (Lunar New Year on $lunarNewYear)', ({ lunarNewYear, lastWorkingDayBefore, breakFrom, breakTo, firstWorkingDayAfter }) => {
  it(`offices are open on ${lastWorkingDayBefore}, the last working day before the break`, () => {
    expect(cal.isWorkingDay(lastWorkingDayBefore)).toBe(true);
  });

  it(`offices are closed every day from ${breakFrom} to ${breakTo}`, () => {
    const open = datesFrom(breakFrom, breakTo).filter((date) => cal.isWorkingDay(date));
    expect(open).toEqual([]);
    expect(datesFrom(breakFrom, breakTo)).toContain(lunarNewYear);
  });

  it(`offices reopen on ${firstWorkingDayAfter}`, () => {
    expect(cal.isWorkingDay(firstWorkingDayAfter)).toBe(true);
    expect(cal.addWorkingDays(lastWorkingDayBefore, 1)).toBe(firstWorkingDayAfter);
  });

  it('the break has exactly five weekdays off', () => {
    const weekdaysOff = datesFrom(breakFrom, breakTo).filter((date) => !/Saturday|Sunday/.test(weekdayOf(date)));
    expect(weekdaysOff).toHaveLength(5);
  });
});

describe.each([
  { occasion: 'New Year 2023 (1/1 a Sunday)', closed: ['2023-01-02'], open: ['2023-01-03'] },
  { occasion: 'Hùng Kings, 30/4 and 1/5 2023', closed: ['2023-05-01', '2023-05-02', '2023-05-03'], open: ['2023-04-28', '2023-05-04'] },
  { occasion: 'National Day 2023', closed: ['2023-09-01', '2023-09-04'], open: ['2023-08-31', '2023-09-05'] },
  { occasion: 'New Year 2024', closed: ['2024-01-01'], open: ['2023-12-29', '2024-01-02'] },
  { occasion: 'Hùng Kings 2024', closed: ['2024-04-18'], open: ['2024-04-17', '2024-04-19'] },
  {
    occasion: '30/4–1/5 2024 (Mon 29/4 swapped for Sat 4/5)',
    closed: ['2024-04-29', '2024-04-30', '2024-05-01'],
    open: ['2024-04-26', '2024-05-02', '2024-05-04'],
  },
  { occasion: 'National Day 2024', closed: ['2024-09-02', '2024-09-03'], open: ['2024-08-30', '2024-09-04'] },
  { occasion: 'Hùng Kings 2025', closed: ['2025-04-07'], open: ['2025-04-04', '2025-04-08'] },
  {
    occasion: '30/4–1/5 2025 (Fri 2/5 swapped for Sat 26/4)',
    closed: ['2025-04-30', '2025-05-01', '2025-05-02'],
    open: ['2025-04-26', '2025-04-29', '2025-05-05'],
  },
  { occasion: 'National Day 2025', closed: ['2025-09-01', '2025-09-02'], open: ['2025-08-29', '2025-09-03'] },
  {
    occasion: 'New Year 2026 (Fri 2/1 swapped for Sat 10/1)',
    closed: ['2026-01-01', '2026-01-02'],
    open: ['2025-12-31', '2026-01-05', '2026-01-10'],
  },
  { occasion: 'Hùng Kings 2026 (26/4 a Sunday)', closed: ['2026-04-27'], open: ['2026-04-24', '2026-04-28'] },
  { occasion: '30/4–1/5 2026', closed: ['2026-04-30', '2026-05-01'], open: ['2026-04-29', '2026-05-04'] },
  {
    occasion: 'National Day 2026 (Mon 31/8 swapped for Sat 22/8)',
    closed: ['2026-08-31', '2026-09-01', '2026-09-02'],
    open: ['2026-08-22', '2026-08-28', '2026-09-03'],
  },
  { occasion: 'Vietnamese Culture Day 2026', closed: ['2026-11-24'], open: ['2026-11-23', '2026-11-25'] },
  { occasion: 'Hùng Kings 2027 (derived)', closed: ['2027-04-16'], open: ['2027-04-15', '2027-04-19'] },
  { occasion: '30/4–1/5 2027 (1/5 a Saturday; derived)', closed: ['2027-04-30', '2027-05-03'], open: ['2027-04-29', '2027-05-04'] },
  { occasion: 'National Day 2027 (derived)', closed: ['2027-09-02', '2027-09-03'], open: ['2027-09-01', '2027-09-06'] },
])('$occasion', ({ closed, open }) => {
  it.each(closed)('offices are closed on %s', (date) => {
    expect(cal.isWorkingDay(date)).toBe(false);
  });
  it.each(open)('offices are open on %s', (date) => {
    expect(cal.isWorkingDay(date)).toBe(true);
  });
});

describe('Vietnamese Culture Day (24/11) starts in 2026', () => {
  it('24 November 2025, a Monday, was an ordinary working day', () => {
    expect(cal.isWorkingDay('2025-11-24')).toBe(true);
  });
  it('24 November 2027, a Wednesday, is a day off', () => {
    expect(cal.isWorkingDay('2027-11-24')).toBe(false);
  });
});
