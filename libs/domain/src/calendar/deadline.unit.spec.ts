import { DeadlineSpec, deadlineAfter, defaultCalendar as cal, endOfLocalDay, isValidDeadlineSpec, reminderTimes } from './index';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('isValidDeadlineSpec', () => {
  it.each([
    [{ workingDays: 1 }],
    [{ workingDays: 10 }],
    [{ workingDays: 365 }],
    [{ duration: 'PT5S' }],
    [{ duration: 'P1DT2H' }],
    [{ duration: 'P2W' }],
  ])('accepts %j', (spec) => {
    expect(isValidDeadlineSpec(spec)).toBe(true);
  });

  it.each([
    [{ workingDays: 0 }, 'zero working days'],
    [{ workingDays: 366 }, 'more than a year of working days'],
    [{ workingDays: -3 }, 'negative'],
    [{ workingDays: 2.5 }, 'half a day'],
    [{ workingDays: '10' }, 'a number written as text'],
    [{ workingDays: Number.NaN }, 'NaN'],
    [{ duration: 'P1M' }, 'a month'],
    [{ duration: '5 seconds' }, 'not ISO 8601'],
    [{ duration: 'PT0S' }, 'zero'],
    [{ duration: 5000 }, 'milliseconds as a number'],
    [{ workingDays: 10, duration: 'PT5S' }, 'both at once'],
    [{ workingDays: 10, note: 'x' }, 'an extra key'],
    [{ workingdays: 10 }, 'a misspelt key'],
    [{}, 'an empty object'],
    [[{ workingDays: 10 }], 'an array'],
    [null, 'null'],
    [undefined, 'undefined'],
    ['PT5S', 'a bare string'],
    [10, 'a bare number'],
  ])('rejects %j (%s)', (spec, _why) => {
    expect(isValidDeadlineSpec(spec)).toBe(false);
  });
});

describe('deadlineAfter, counted in working days', () => {
  it.each([
    {
      story: 'a response due 10 working days after 2024-02-05 is due at the end of 2024-02-26 (Tết 2024 skipped)',
      from: '2024-02-05T03:00:00.000Z',
      workingDays: 10,
      due: '2024-02-26T16:59:59.999Z',
    },
    {
      story: 'a unit notified at 23:30 on Wednesday 7 Feb 2024 has until the end of Thursday 15 Feb for 1 working day',
      from: '2024-02-07T16:30:00.000Z',
      workingDays: 1,
      due: '2024-02-15T16:59:59.999Z',
    },
    {
      story: 'notified at 00:30 on Thursday 8 Feb 2024 (17:30 UTC the day before) counts from the first day of Tết',
      from: '2024-02-07T17:30:00.000Z',
      workingDays: 1,
      due: '2024-02-15T16:59:59.999Z',
    },
    {
      story: 'a conclusion due 15 working days after a visit ends on Friday 8 Sep 2023 is due on Friday 29 Sep',
      from: '2023-09-08T09:00:00.000Z',
      workingDays: 15,
      due: '2023-09-29T16:59:59.999Z',
    },
    {
      story: 'the make-up Saturday 4 May 2024 counts: 2 working days after Thursday 2 May is that Saturday',
      from: '2024-05-02T02:00:00.000Z',
      workingDays: 2,
      due: '2024-05-04T16:59:59.999Z',
    },
  ])('$story', ({ from, workingDays, due }) => {
    expect(deadlineAfter(new Date(from), { workingDays }, cal).toISOString()).toBe(due);
  });

  it('always ends at 23:59:59.999 in Hanoi', () => {
    expect(deadlineAfter(new Date('2024-02-05T03:00:00Z'), { workingDays: 10 }, cal)).toEqual(endOfLocalDay('2024-02-26'));
  });
});

describe('deadlineAfter, given as an exact duration', () => {
  it.each([
    { from: '2024-02-08T03:00:00.000Z', duration: 'PT5S', due: '2024-02-08T03:00:05.000Z', story: 'five seconds later, holiday or not' },
    { from: '2024-02-08T03:00:00.000Z', duration: 'PT0.5S', due: '2024-02-08T03:00:00.500Z', story: 'half a second later' },
    { from: '2024-02-08T03:00:00.000Z', duration: 'P1DT2H', due: '2024-02-09T05:00:00.000Z', story: 'a day and two hours later' },
    { from: '2024-02-08T03:00:00.000Z', duration: 'P1W', due: '2024-02-15T03:00:00.000Z', story: 'a week later' },
  ])('$duration after $from is $due ($story)', ({ from, duration, due }) => {
    expect(deadlineAfter(new Date(from), { duration }, cal).toISOString()).toBe(due);
  });
});

describe('deadlineAfter refuses bad input', () => {
  it.each([[{ workingDays: 0 }], [{ duration: 'P1M' }], [{ workingDays: 3, duration: 'PT5S' } as unknown as DeadlineSpec]])(
    '%j',
    (spec) => {
      expect(() => deadlineAfter(new Date('2024-02-05T03:00:00Z'), spec, cal)).toThrow(/workingDays: 1\.\.365/);
    },
  );

  it('an invalid start', () => {
    expect(() => deadlineAfter(new Date('nope'), { workingDays: 1 }, cal)).toThrow(RangeError);
  });
});

describe('reminderTimes', () => {
  it.each([
    {
      story: 'a response due Thursday 15 Feb 2024, right after Tết, is reminded on Mon 5 and Wed 7 Feb at 08:00 Hanoi time',
      deadline: '2024-02-15T16:59:59.999Z',
      reminders: ['2024-02-05T01:00:00.000Z', '2024-02-07T01:00:00.000Z'],
    },
    {
      story: 'a deadline of Monday 5 May 2025, right after 30/4–1/5, is reminded on the make-up Saturday 26 Apr and Tue 29 Apr',
      deadline: '2025-05-05T16:59:59.999Z',
      reminders: ['2025-04-26T01:00:00.000Z', '2025-04-29T01:00:00.000Z'],
    },
    {
      story: 'a deadline of Tuesday 28 Apr 2026, the day after the Hùng Kings day off, is reminded on Wed 22 and Fri 24 Apr',
      deadline: '2026-04-28T16:59:59.999Z',
      reminders: ['2026-04-22T01:00:00.000Z', '2026-04-24T01:00:00.000Z'],
    },
    {
      story: 'a deadline at 09:00 on Thursday 15 Feb 2024 gets the same reminders as one at the end of that day',
      deadline: '2024-02-15T02:00:00.000Z',
      reminders: ['2024-02-05T01:00:00.000Z', '2024-02-07T01:00:00.000Z'],
    },
  ])('$story', ({ deadline, reminders }) => {
    expect(iso(reminderTimes(new Date(deadline), [{ workingDays: 3 }, { workingDays: 1 }], cal))).toEqual(reminders);
  });

  it('duration offsets are exact: 2 seconds and 1 second before a deadline', () => {
    const deadline = new Date('2024-02-08T03:00:05.000Z');
    expect(iso(reminderTimes(deadline, [{ duration: 'PT2S' }, { duration: 'PT1S' }], cal))).toEqual([
      '2024-02-08T03:00:03.000Z',
      '2024-02-08T03:00:04.000Z',
    ]);
  });

  it('are sorted earliest first whatever the order of the offsets', () => {
    const deadline = new Date('2024-02-15T16:59:59.999Z');
    expect(iso(reminderTimes(deadline, [{ duration: 'PT1H' }, { workingDays: 1 }, { workingDays: 3 }], cal))).toEqual([
      '2024-02-05T01:00:00.000Z',
      '2024-02-07T01:00:00.000Z',
      '2024-02-15T15:59:59.999Z',
    ]);
  });

  it('are sent once when two offsets fall at the same moment', () => {
    // Due 08:00 Thursday 15 Feb 2024: 1 working day before is 08:00 Wed 7 Feb, exactly 8 days earlier.
    const deadline = new Date('2024-02-15T01:00:00.000Z');
    expect(iso(reminderTimes(deadline, [{ workingDays: 1 }, { duration: 'P8D' }, { workingDays: 1 }], cal))).toEqual([
      '2024-02-07T01:00:00.000Z',
    ]);
  });

  it('no offsets, no reminders', () => {
    expect(reminderTimes(new Date('2024-02-15T16:59:59.999Z'), [], cal)).toEqual([]);
  });

  it('refuses an invalid offset, naming its position', () => {
    expect(() => reminderTimes(new Date('2024-02-15T16:59:59.999Z'), [{ workingDays: 1 }, { workingDays: 0 }], cal)).toThrow(
      /reminder offset 1/,
    );
  });
});
