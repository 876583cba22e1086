/** Before the visit: planning, the visit window, rescheduling and a missed window. */
import { given, InspectionStory } from '@inspectorate/domain-testing/decider-spec';
import { endOfDay, localTime, people, system, T } from '@inspectorate/domain-testing/fixtures';
import { inProgressStory, planCommand, plannedStory } from '@inspectorate/domain-testing/inspection-stories';

describe('planning and the visit window', () => {
  it('plans with the window resolved to instants in Ho Chi Minh City', () => {
    const data = given(InspectionStory.empty()).when(people.lead, planCommand(), T.planned).thenEvent('InspectionPlanned');
    expect(data.window).toEqual({
      windowStart: T.windowStart,
      windowEnd: T.windowEnd,
      opensAt: '2026-03-08T17:00:00.000Z',
      closesAt: endOfDay(T.windowEnd),
    });
  });

  it.each([
    ['a window that ended already', { windowStart: '2026-02-23', windowEnd: '2026-02-27' }, ['windowEnd']],
    ['a window that ends before it starts', { windowStart: '2026-03-13', windowEnd: '2026-03-09' }, ['windowEnd']],
    ['a window with a malformed start', { windowStart: '9/3/2026', windowEnd: '2026-03-13' }, ['windowStart']],
  ])('refuses %s', (_what, window, fields) => {
    given(InspectionStory.empty())
      .when(people.lead, planCommand(window), T.planned)
      .thenInvalid(...fields);
  });

  it('refuses an unknown checklist version', () => {
    given(InspectionStory.empty())
      .when(people.lead, { ...planCommand(), checklistVersion: 'demo-1999' }, T.planned)
      .thenRejected('invalid', /checklist/);
  });

  it('with the codes of a stored version, findings may cite only those codes (any format), and a follow-up keeps them', () => {
    const planned = InspectionStory.empty().run(people.lead, { ...planCommand(), checklistVersion: 'cong-vu-2025.2', criterionCodes: ['1.1', 'Điều 2'] }, T.planned);
    expect(planned.state.criterionCodes).toEqual(['1.1', 'Điều 2']);
    const visiting = planned.run(people.lead, { type: 'StartVisit' }, T.visitStarted);
    const finding = { type: 'RecordFinding', findingId: 'f-9', severity: 'minor', description: 'Đi trễ.' } as const;
    given(visiting).when(people.inspectorAn, { ...finding, criterionCode: 'Điều 2' }, '2026-03-10 09:00').thenEvent('FindingRecorded');
    given(visiting).when(people.inspectorAn, { ...finding, criterionCode: 'KL-01' }, '2026-03-10 09:00').thenInvalid('criterionCode');
  });

  it('refuses codes that are not a list of distinct short texts', () => {
    given(InspectionStory.empty())
      .when(people.lead, { ...planCommand(), checklistVersion: 'cong-vu-2025.2', criterionCodes: ['A', 'A'] }, T.planned)
      .thenInvalid('criterionCodes');
  });

  it('planning twice names the status the inspection already has', () => {
    given(inProgressStory()).when(people.lead, planCommand()).thenConflictNaming('in_progress');
  });

  it.each([
    ['just before the window opens', '2026-03-08 23:59', 'conflict'],
    ['as the window opens', '2026-03-09 00:00', 'accepted'],
    ['in the last minute of the window', '2026-03-13 23:59', 'accepted'],
    ['after the window closed', '2026-03-14 00:00', 'conflict'],
  ])('the lead starting the visit %s: %s', (_when, at, expected) => {
    const outcome = given(plannedStory()).when(people.lead, { type: 'StartVisit' }, at);
    if (expected === 'accepted') expect(outcome.thenEvent('VisitStarted')).toEqual({ startedAt: localTime(at).toISOString() });
    else outcome.thenRejected('conflict', /window/);
  });

  it('honours exact instants at both ends of a window', () => {
    const story = plannedStory({ windowStart: '2026-03-10T08:00:00+07:00', windowEnd: '2026-03-10T11:00:00+07:00' });
    given(story).when(people.lead, { type: 'StartVisit' }, '2026-03-10 07:59').thenRejected('conflict', /opens/);
    given(story).when(people.lead, { type: 'StartVisit' }, '2026-03-10 08:00').thenEvents('VisitStarted');
    given(story)
      .when(people.lead, { type: 'StartVisit' }, '2026-03-10 11:01')
      .thenRejected('conflict', /closed/);
  });

  it('after a missed window, the lead reschedules (the missed flag clears) and may then start', () => {
    const missed = plannedStory().run(system, { type: 'MarkVisitWindowMissed' }, '2026-03-14 00:00');
    expect(missed.state.windowMissed).toBe(true);
    given(missed)
      .when(people.lead, { type: 'StartVisit' }, '2026-03-16 08:00')
      .thenRejected('conflict', /reschedule/);
    const rescheduled = given(missed).when(
      people.lead,
      { type: 'RescheduleVisit', windowStart: '2026-03-16', windowEnd: '2026-03-20' },
      '2026-03-15 09:00',
    );
    expect(rescheduled.thenEvent('VisitRescheduled').previousWindow.windowEnd).toBe(T.windowEnd);
    expect(rescheduled.after.windowMissed).toBe(false);
    given(rescheduled.next).when(people.lead, { type: 'StartVisit' }, '2026-03-16 08:00').thenEvents('VisitStarted');
  });

  it('the window is not marked missed before it closed', () => {
    given(plannedStory())
      .when(system, { type: 'MarkVisitWindowMissed' }, '2026-03-13 23:00')
      .thenRejected('conflict', /not closed yet/);
  });

  it('the window is marked missed only once', () => {
    const missed = plannedStory().run(system, { type: 'MarkVisitWindowMissed' }, '2026-03-14 00:00');
    given(missed).when(system, { type: 'MarkVisitWindowMissed' }).thenRejected('conflict');
  });
});
