/** A corrected calendar reaching a running inspection: only through RecomputeDeadlines, with events that say so. */
import { decide } from '../../decide';
import { evolve } from '../../evolve';
import { dueTimers } from '../../timers';
import { deadlineCorrections } from './calendar-correction';
import { CalendarYear, VIETNAM_CIVIL_SERVICE_CALENDAR, WorkingCalendar } from '../../../calendar';
import { fixedContext, given } from '@inspectorate/domain-testing/decider-spec';
import { endOfDay, people, T } from '@inspectorate/domain-testing/fixtures';
import { awaitingResponseStory, draftingStory, inProgressStory, withPendingExtension } from '@inspectorate/domain-testing/inspection-stories';

/** The compiled calendar with one more holiday in 2026: a Wednesday the Government closed offices. */
function withExtraHoliday(date: string): WorkingCalendar {
  const years: CalendarYear[] = VIETNAM_CIVIL_SERVICE_CALENDAR.map((y) =>
    y.year === Number(date.slice(0, 4)) ? { ...y, holidays: [...y.holidays, { date, name: 'Extra day off', nameVi: 'Nghỉ thêm' }] } : y,
  );
  return new WorkingCalendar(years);
}

const corrected = withExtraHoliday('2026-03-18');
const reason = 'Quyết định nghỉ bổ sung ngày 18/3/2026';

describe('deadlines are counted with the calendar the command carries', () => {
  it('ending the visit with a calendar that has an extra holiday puts the conclusion deadline one working day later', () => {
    const story = inProgressStory();
    const plain = decide(story.state, { type: 'EndVisit' }, people.lead, fixedContext(T.visitEnded));
    const moved = decide(story.state, { type: 'EndVisit' }, people.lead, fixedContext(T.visitEnded, 1, corrected));
    expect(plain).toEqual([{ type: 'VisitEnded', data: expect.objectContaining({ conclusionDueAt: endOfDay(T.conclusionDue) }) }]);
    expect(moved).toEqual([{ type: 'VisitEnded', data: expect.objectContaining({ conclusionDueAt: endOfDay('2026-04-01') }) }]);
  });

  it('a deadline that would fall in a year without a calendar is refused, naming the year', () => {
    const only2026 = new WorkingCalendar(VIETNAM_CIVIL_SERVICE_CALENDAR.filter((y) => y.year === 2026));
    const story = inProgressStory();
    const decided = decide(story.state, { type: 'EndVisit' }, people.lead, fixedContext('2026-12-28 10:00', 1, only2026));
    expect(decided).toEqual(expect.objectContaining({ rejected: true, code: 'conflict' }));
    expect((decided as { reason: string }).reason).toBe(
      "There is no working-day calendar for 2027, so this deadline cannot be counted. An administrator must enter that year's holidays first.",
    );
  });
});

describe('RecomputeDeadlines', () => {
  it('moves a running conclusion deadline and records from when to when, and why', () => {
    const data = given(draftingStory()).when(people.admin, { type: 'RecomputeDeadlines', reason }, '2026-03-12 09:00');
    // Without a corrected calendar nothing moves: the command is refused rather than recorded empty.
    data.thenRejected('conflict', /changes no running deadline/);

    const story = draftingStory();
    const events = decide(story.state, { type: 'RecomputeDeadlines', reason }, people.admin, fixedContext('2026-03-12 09:00', 1, corrected));
    expect(events).toEqual([
      { type: 'DeadlineRecomputed', data: { deadline: 'conclusion', previousDueAt: endOfDay(T.conclusionDue), dueAt: endOfDay('2026-04-01'), reason } },
    ]);
  });

  it('the timers follow the recomputed deadline', () => {
    const story = draftingStory();
    const [event] = decide(story.state, { type: 'RecomputeDeadlines', reason }, people.admin, fixedContext('2026-03-12 09:00', 1, corrected)) as never[];
    const after = evolve(story.state, { ...(event as object), actor: people.admin, occurredAt: '2026-03-12T02:00:00.000Z' } as never);
    const overdue = dueTimers(after, corrected).find((t) => t.command.type === 'MarkConclusionOverdue');
    expect(overdue?.at).toBe(endOfDay('2026-04-01'));
    expect(after.conclusionDeadline?.dueAt).toBe(endOfDay('2026-04-01'));
  });

  it('moves a running response deadline counted from the approval', () => {
    const story = awaitingResponseStory();
    const later = withExtraHoliday('2026-03-20');
    expect(deadlineCorrections(story.state, later)).toEqual([{ deadline: 'response', previousDueAt: endOfDay(T.responseDue), dueAt: endOfDay('2026-03-31') }]);
  });

  it('leaves a deadline a person chose (a granted extension) alone', () => {
    const granted = withPendingExtension().run(people.lead, { type: 'DecideExtension', decision: 'granted', deadline: '2026-04-10', note: 'ok' });
    expect(deadlineCorrections(granted.state, withExtraHoliday('2026-03-20'))).toEqual([]);
  });

  it.each([
    ['the lead', people.lead],
    ['the chairman', people.chairman],
    ['the unit head', people.unitHead],
  ])('is refused to %s: only the administrator applies calendar corrections', (_who, actor) => {
    given(draftingStory()).when(actor, { type: 'RecomputeDeadlines', reason }, '2026-03-12 09:00').thenForbidden(/administrator/);
  });

  it('needs a reason', () => {
    const decided = decide(draftingStory().state, { type: 'RecomputeDeadlines', reason: '  ' }, people.admin, fixedContext('2026-03-12 09:00', 1, corrected));
    expect(decided).toEqual(expect.objectContaining({ code: 'invalid', errors: [{ field: 'reason', message: 'must not be empty' }] }));
  });
});
