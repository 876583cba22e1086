import { calendarYearsOf, entriesOfYears, entryProblems, workingCalendarOf } from './calendar-entries';
import { VIETNAM_CIVIL_SERVICE_CALENDAR, VIETNAM_CIVIL_SERVICE_SOURCES, defaultCalendar } from './vietnam-civil-service';
import { CalendarGapError } from './working-calendar';

const seeded = entriesOfYears(VIETNAM_CIVIL_SERVICE_CALENDAR, (year) => VIETNAM_CIVIL_SERVICE_SOURCES[year]);

describe('the calendar as entries', () => {
  it('the seeded entries give back exactly the compiled 2023–2027 table', () => {
    expect(calendarYearsOf(seeded)).toEqual(
      VIETNAM_CIVIL_SERVICE_CALENDAR.map((y) => ({ ...y, holidays: [...y.holidays].sort((a, b) => a.date.localeCompare(b.date)) })),
    );
  });

  it('every seeded entry names its source and passes the checks an administrator’s entry must pass', () => {
    for (const entry of seeded) {
      expect(entry.source.length).toBeGreaterThan(10);
      expect(entryProblems(entry)).toEqual([]);
    }
    expect(seeded.filter((e) => e.kind === 'make_up_working_day').map((e) => e.date)).toEqual(['2024-05-04', '2025-04-26', '2026-01-10', '2026-08-22']);
  });

  it('a calendar made of entries counts like the compiled one', () => {
    const fromEntries = workingCalendarOf(seeded);
    for (const [from, n] of [['2024-02-05', 10], ['2025-04-25', 3], ['2026-08-20', 5], ['2027-02-04', 4]] as const) {
      expect(fromEntries.addWorkingDays(from, n)).toBe(defaultCalendar.addWorkingDays(from, n));
    }
  });

  it('a year without entries has no calendar: counting into it is refused', () => {
    const without2027 = workingCalendarOf(seeded.filter((e) => !e.date.startsWith('2027')));
    expect(() => without2027.addWorkingDays('2026-12-28', 10)).toThrow(CalendarGapError);
  });

  it.each([
    [{ date: '2026-02-30', kind: 'holiday' as const }, 'must be a real calendar day (YYYY-MM-DD)'],
    [{ date: '1999-01-01', kind: 'holiday' as const }, 'must be in a year from 2000 to 2100'],
    [{ date: '2026-03-18', kind: 'make_up_working_day' as const }, 'must be a Saturday or a Sunday for a make-up working day'],
    [{ date: '2026-03-21', kind: 'holiday' as const }, expect.stringMatching(/^must be a weekday for a holiday/)],
  ])('refuses %j', (entry, message) => {
    expect(entryProblems(entry)).toEqual([{ field: 'date', message }]);
  });
});
