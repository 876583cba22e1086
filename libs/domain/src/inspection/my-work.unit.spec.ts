import { localTime, people, system, T } from '@inspectorate/domain-testing/fixtures';
import { actionFor } from '@inspectorate/domain-testing/decider-spec';
import { awaitingApprovalStory, awaitingResponseStory, cancelledStory, draftingStory, inProgressStory, plannedStory, remediatingStory } from '@inspectorate/domain-testing/inspection-stories';
import { compareWork, WorkItemFacts, workFor, workTiming } from './my-work';

const kinds = (items: readonly WorkItemFacts[]) => items.map((i) => i.kind).sort();

describe('my work: what an inspection asks of whom', () => {
  it('a planned inspection: the lead starts it while its window is open, reschedules it once missed; nobody else sees anything', () => {
    const story = plannedStory();
    expect(kinds(workFor(people.lead, story.state, localTime('2026-03-05 10:00')))).toEqual([]);
    expect(workFor(people.lead, story.state, localTime('2026-03-10 08:00'))).toEqual([expect.objectContaining({ kind: 'start_visit', dueAt: story.state.window.closesAt })]);
    for (const person of [people.unitHead, people.inspectorAn, people.chairman, people.otherLead, people.admin]) {
      expect(workFor(person, story.state, localTime('2026-03-10 08:00'))).toEqual([]);
    }
    const missed = story.run(system, { type: 'MarkVisitWindowMissed' }, '2026-03-14 00:01');
    expect(kinds(workFor(people.lead, missed.state, localTime('2026-03-16 08:00')))).toEqual(['reschedule_missed_window']);
  });

  it('a visit in progress is open work for every team member, not for the unit', () => {
    const s = inProgressStory().state;
    const at = localTime('2026-03-10 11:00');
    expect(kinds(workFor(people.inspectorAn, s, at))).toEqual(['open_visit']);
    expect(kinds(workFor(people.lead, s, at))).toEqual(['open_visit']);
    expect(workFor(people.outsideInspector, s, at)).toEqual([]);
    expect(workFor(people.unitHead, s, at)).toEqual([]);
  });

  it('drafting → the lead drafts, due at the conclusion deadline; awaiting approval → the chairman approves', () => {
    const drafting = draftingStory().state;
    expect(workFor(people.lead, drafting, localTime('2026-03-11 09:00'))).toEqual([
      expect.objectContaining({ kind: 'draft_conclusion', dueAt: drafting.conclusionDeadline!.dueAt }),
    ]);
    expect(kinds(workFor(people.chairman, awaitingApprovalStory().state, localTime('2026-03-13 09:00')))).toEqual(['approve_conclusion']);
  });

  it('awaiting the response → the unit head responds by the deadline; an extension request waits for the lead', () => {
    const s = awaitingResponseStory().state;
    expect(workFor(people.unitHead, s, localTime('2026-03-17 09:00'))).toEqual([expect.objectContaining({ kind: 'respond', dueAt: s.responseDeadline!.dueAt })]);
    expect(workFor(people.otherUnitHead, s, localTime('2026-03-17 09:00'))).toEqual([]);
    const asked = awaitingResponseStory().run(people.unitHead, { type: 'RequestExtension', reason: 'Cán bộ đi học', requestedDeadline: '2026-04-10' }, '2026-03-18 09:00');
    expect(kinds(workFor(people.lead, asked.state, localTime('2026-03-18 10:00')))).toEqual(['decide_extension']);
  });

  it('remediating → the unit reports open and rejected actions, the lead verifies reports and resolves the dispute, the chairman decides the case', () => {
    const s = remediatingStory().state;
    const at = localTime('2026-04-10 09:00');
    expect(workFor(people.unitHead, s, at).map((i) => i.actionId).sort()).toEqual([actionFor(s, 'f-1').id, actionFor(s, 'f-4').id].sort());
    expect(kinds(workFor(people.lead, s, at))).toEqual(['resolve_dispute', 'verify_action']);
    expect(workFor(people.lead, s, at).find((i) => i.kind === 'verify_action')).toMatchObject({ actionId: actionFor(s, 'f-2').id, findingId: 'f-2' });
    expect(kinds(workFor(people.chairman, s, at))).toEqual(['decide_case']);
  });

  it('a cancelled inspection asks nothing of the team or the unit', () => {
    const s = cancelledStory().state;
    for (const person of [people.lead, people.inspectorAn, people.unitHead]) expect(workFor(person, s, localTime('2026-04-20 09:00'))).toEqual([]);
  });
});

describe('my work: timing and order', () => {
  it('counts working days to the due date in Ho Chi Minh City, skipping weekends and holidays; negative once late', () => {
    // Due at the end of Monday 4 May 2026. From Tuesday 28 April: Wednesday 29 counts, 30 April and
    // 1 May are holidays, then a weekend, then Monday 4 May: 2 working days.
    const due = '2026-05-04T16:59:59.999Z';
    expect(workTiming(due, localTime('2026-04-28 09:00'))).toEqual({ workingDaysLeft: 2, overdue: false });
    expect(workTiming(due, localTime('2026-05-04 17:00'))).toEqual({ workingDaysLeft: 0, overdue: false });
    expect(workTiming(due, localTime('2026-05-06 09:00'))).toEqual({ workingDaysLeft: -2, overdue: true });
    expect(workTiming(null, localTime('2026-05-06 09:00'))).toEqual({ workingDaysLeft: null, overdue: false });
  });

  it('puts overdue first, then the earliest due, then what has no due date', () => {
    const now = localTime(T.responded);
    const item = (inspectionId: string, dueAt: string | null) => ({ kind: 'respond' as const, inspectionId, campaignId: 'c', unitId: 'u', dueAt, ...workTiming(dueAt, now) });
    const list = [item('none', null), item('later', '2026-04-30T00:00:00.000Z'), item('late', '2026-03-01T00:00:00.000Z'), item('soon', '2026-03-25T00:00:00.000Z'), item('later-late', '2026-03-10T00:00:00.000Z')];
    expect([...list].sort(compareWork).map((i) => i.inspectionId)).toEqual(['late', 'later-late', 'soon', 'later', 'none']);
  });
});
