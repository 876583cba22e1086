import fc from 'fast-check';
import { approvedContentHash, approvedSnapshot } from './approval';
import { InspectionCommand } from './commands';
import { decide } from './decide';
import { InspectionEvent } from './events';
import { evolve, fold } from './evolve';
import { INSPECTION_STATUSES } from './model';
import { InspectionState } from './state';
import { dueTimers } from './timers';
import { canSeeInspection } from './visibility';
import { actionFor, fixedContext, foldEvents, InspectionStory, stamp } from '@inspectorate/domain-testing/decider-spec';
import { endOfDay, localTime, minutesAfter, people, system, T, UNIT_ID } from '@inspectorate/domain-testing/fixtures';
import {
  acceptItem,
  closedStory,
  conclusionCommand,
  disputeItem,
  draftingStory,
  plannedStory,
  recordFinding,
  remediatingStory,
} from '@inspectorate/domain-testing/inspection-stories';
import { Actor } from '../shared/actor';
import { Stamped } from '../shared/envelope';
import { toLocalDate } from '../calendar';
import { isRejection } from '../shared/rejection';

/** The plain happy path: two findings, both accepted, remedied and verified. */
function happyPath(): InspectionStory {
  const story = plannedStory()
    .run(people.lead, { type: 'StartVisit' }, T.visitStarted)
    .run(people.inspectorAn, recordFinding('f-1'), '2026-03-10 09:00')
    .run(people.inspectorBinh, recordFinding('f-2'), '2026-03-10 09:10')
    .run(people.lead, { type: 'EndVisit' }, T.visitEnded)
    .run(people.lead, conclusionCommand(['f-1', 'f-2']), T.conclusionSubmitted)
    .run(people.chairman, { type: 'ApproveConclusion' }, T.approved)
    .run(people.unitHead, { type: 'SubmitResponse', items: [acceptItem('f-1'), acceptItem('f-2')] }, T.responded);
  const id = (f: string) => actionFor(story.state, f).id;
  return story
    .run(people.unitHead, { type: 'ReportAction', actionId: id('f-1'), note: 'Done.' }, '2026-04-06 10:00')
    .run(people.unitHead, { type: 'ReportAction', actionId: id('f-2'), note: 'Done.' }, '2026-04-06 11:00')
    .run(people.lead, { type: 'VerifyAction', actionId: id('f-1'), decision: 'verified', note: '' }, '2026-04-07 10:00')
    .run(people.lead, { type: 'VerifyAction', actionId: id('f-2'), decision: 'verified', note: '' }, '2026-04-07 10:30');
}

const at = (local: string) => localTime(local).toISOString();

describe('folding the happy path', () => {
  const story = happyPath();
  const s = story.state;

  it('passes through every status of the lifecycle in order and ends closed', () => {
    const statuses = story.events.map((_, i) => foldEvents(story.events.slice(0, i + 1))!.status);
    expect(statuses.filter((status, i) => status !== statuses[i - 1])).toEqual([
      'planned',
      'in_progress',
      'drafting',
      'awaiting_approval',
      'awaiting_response',
      'remediating',
      'closed',
    ]);
  });

  it('records the event types in the order a person would tell the story', () => {
    expect(story.events.map((e) => e.type)).toEqual([
      'InspectionPlanned',
      'VisitStarted',
      'FindingRecorded',
      'FindingRecorded',
      'VisitEnded',
      'ConclusionSubmitted',
      'ConclusionApproved',
      'UnitNotified',
      'ResponseSubmitted',
      'CorrectiveActionPlanned',
      'CorrectiveActionPlanned',
      'CorrectiveActionReported',
      'CorrectiveActionReported',
      'CorrectiveActionVerified',
      'CorrectiveActionVerified',
      'InspectionClosed',
    ]);
  });

  it('ends in the expected final state', () => {
    expect(s).toMatchObject({
      id: 'inspection-ward-3',
      unitId: UNIT_ID,
      status: 'closed',
      windowMissed: false,
      plannedAt: at(T.planned),
      startedAt: at(T.visitStarted),
      visitEndedAt: at(T.visitEnded),
      conclusionDeadline: { dueAt: endOfDay(T.conclusionDue), setAt: at(T.visitEnded) },
      conclusionOverdue: false,
      conclusion: { rating: 'fair', submittedAt: at(T.conclusionSubmitted), returns: [] },
      responseDeadline: { dueAt: endOfDay(T.responseDue), setAt: at(T.approved) },
      responseOverdue: false,
      response: { submittedAt: at(T.responded), late: false },
      cases: [],
      remindersSent: [],
      closedAt: at('2026-04-07 10:30'),
      lastEventAt: at('2026-04-07 10:30'),
    });
    expect(s.findings.map((f) => [f.id, f.status, f.authorId])).toEqual([
      ['f-1', 'open', people.inspectorAn.userId],
      ['f-2', 'open', people.inspectorBinh.userId],
    ]);
    expect(s.actions.map((a) => [a.findingId, a.status, a.verifiedAt, a.rejections])).toEqual([
      ['f-1', 'verified', at('2026-04-07 10:00'), 0],
      ['f-2', 'verified', at('2026-04-07 10:30'), 0],
    ]);
  });

  it('keeps the approval bound to the hash of what was approved', () => {
    const beforeApproval = foldEvents(story.events.filter((_, i) => i < story.events.findIndex((e) => e.type === 'ConclusionApproved')))!;
    expect(s.approval).toEqual({
      contentHash: approvedContentHash(approvedSnapshot(beforeApproval)),
      approvedAt: at(T.approved),
      approved: approvedSnapshot(beforeApproval),
    });
  });

  it('folds the longer story (dispute withdrawn, an action rejected twice) to closed with its case open', () => {
    const closed = closedStory().state;
    expect(closed.status).toBe('closed');
    expect(closed.findings.find((f) => f.id === 'f-5')).toMatchObject({ status: 'withdrawn', dispute: { status: 'withdrawn' } });
    expect(actionFor(closed, 'f-4')).toMatchObject({ status: 'verified', rejections: 2, dueDate: T.requiredDue });
    expect(closed.cases).toEqual([
      expect.objectContaining({ reason: 'action_rejected_twice', status: 'open', actionId: actionFor(closed, 'f-4').id }),
    ]);
  });
});

describe('fold properties', () => {
  const events = closedStory().events;

  it('the state after any prefix is dated by its last event', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: events.length }), (n) => {
        expect(foldEvents(events.slice(0, n))!.lastEventAt).toBe(events[n - 1].occurredAt);
      }),
    );
  });

  it('folding in two parts gives the same state as folding at once (a workflow carrying state = a projector rebuilding it)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: events.length }), (n) => {
        const carried = events.slice(n).reduce((state, event) => evolve(state, event), foldEvents(events.slice(0, n))!);
        expect(carried).toEqual(fold(events));
      }),
    );
  });

  it('never changes the state or the event it is given', () => {
    const frozen = (value: unknown): void => {
      if (value && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        Object.values(value).forEach(frozen);
      }
    };
    const copy = JSON.parse(JSON.stringify(events)) as Stamped<InspectionEvent>[];
    let state: InspectionState | undefined;
    for (const event of copy) {
      frozen(event);
      if (state) frozen(state);
      state = evolve(state, event);
    }
    expect(state).toEqual(fold(events));
  });

  it('an inspection must begin with InspectionPlanned', () => {
    expect(() => fold(stamp([{ type: 'VisitStarted', data: { startedAt: at(T.visitStarted) } }], people.lead, T.visitStarted))).toThrow(
      /first event/,
    );
  });

  it('records who cancelled, or "system"', () => {
    const cancelled = plannedStory().record([{ type: 'InspectionCancelled', data: { reason: 'Test.', statusBefore: 'planned' } }], system);
    expect(cancelled.state.cancellation).toMatchObject({ by: 'system', statusBefore: 'planned' });
  });

  it('a return keeps the comment across the resubmission', () => {
    const story = draftingStory()
      .run(people.lead, conclusionCommand())
      .run(people.chairman, { type: 'ReturnConclusion', comment: 'Lower the rating.' }, '2026-03-13 09:00')
      .run(people.lead, { ...conclusionCommand(), rating: 'poor' }, '2026-03-13 15:00');
    expect(story.state.conclusion).toMatchObject({
      rating: 'poor',
      submittedAt: at('2026-03-13 15:00'),
      returns: [{ comment: 'Lower the rating.', at: at('2026-03-13 09:00') }],
    });
  });

  it('a rejected action takes its new due date and is no longer overdue', () => {
    let story = remediatingStory();
    const f2 = actionFor(story.state, 'f-2').id;
    story = story.record(
      [{ type: 'CorrectiveActionOverdue', data: { actionId: f2, dueAt: endOfDay(T.plannedDue) } }],
      system,
      '2026-05-16 00:00',
    );
    expect(actionFor(story.state, 'f-2').overdue).toBe(true);
    story = story.run(people.lead, { type: 'VerifyAction', actionId: f2, decision: 'rejected', note: 'No.', newDueDate: '2026-06-05' });
    expect(actionFor(story.state, 'f-2')).toMatchObject({
      status: 'rejected',
      overdue: false,
      dueDate: '2026-06-05',
      dueAt: endOfDay('2026-06-05'),
      rejections: 1,
    });
  });
});

/**
 * Random walks through the lifecycle: at each step everything a person could sensibly try (and
 * the earliest due timer) is put to the decider, and one of the accepted moves is taken, at a
 * random later time. Cancelling is rare, so walks get far. Whatever the path, the state stays
 * consistent and every timer the state implies is accepted when it falls due.
 */
describe('random walks through the decider', () => {
  type Move = (s: InspectionState, now: Date) => [Actor, InspectionCommand] | undefined;
  const day = (now: Date, days: number) => toLocalDate(new Date(now.getTime() + days * 86_400_000));
  const first = <T>(items: readonly T[], test: (item: T) => boolean) => items.find(test);
  const openFindings = (s: InspectionState) => s.findings.filter((f) => f.status === 'open');
  const pendingDispute = (s: InspectionState) => first(s.findings, (f) => f.dispute?.status === 'pending');
  const actionIn = (s: InspectionState, ...statuses: string[]) => first(s.actions, (a) => statuses.includes(a.status));
  const CANCEL = 'cancel';
  const MOVES: [string, Move][] = [
    ['start', () => [people.lead, { type: 'StartVisit' }]],
    ['reschedule', (_s, now) => [people.lead, { type: 'RescheduleVisit', windowStart: day(now, 0), windowEnd: day(now, 10) }]],
    [
      'record',
      (s) => [
        people.inspectorAn,
        { type: 'RecordFinding', findingId: `r-${s.findings.length + 1}`, criterionCode: 'KL-01', severity: 'minor', description: 'Late.' },
      ],
    ],
    [
      'record (lead)',
      (s) => [
        people.lead,
        { type: 'RecordFinding', findingId: `r-${s.findings.length + 1}`, criterionCode: 'UX-01', severity: 'major', description: 'Rude.' },
      ],
    ],
    [
      'amend',
      (s) =>
        openFindings(s)[0] && [
          people.inspectorAn,
          { type: 'AmendFinding', findingId: openFindings(s)[0].id, changes: { severity: 'critical' } },
        ],
    ],
    [
      'withdraw',
      (s) => openFindings(s)[0] && [people.lead, { type: 'WithdrawFinding', findingId: openFindings(s)[0].id, reason: 'Not confirmed.' }],
    ],
    ['end', () => [people.lead, { type: 'EndVisit' }]],
    [
      'conclude',
      (s, now) => [
        people.lead,
        conclusionCommand(
          openFindings(s).map((f) => f.id),
          day(now, 60),
        ),
      ],
    ],
    [
      'conclude (fewer actions)',
      (s, now) => [
        people.lead,
        conclusionCommand(
          openFindings(s)
            .slice(1)
            .map((f) => f.id),
          day(now, 60),
        ),
      ],
    ],
    ['dissent', () => [people.inspectorBinh, { type: 'RecordDissent', text: 'I disagree.' }]],
    ['return', () => [people.chairman, { type: 'ReturnConclusion', comment: 'Redo.' }]],
    ['approve', () => [people.chairman, { type: 'ApproveConclusion' }]],
    [
      'accept all',
      (s) =>
        s.approval && [
          people.unitHead,
          { type: 'SubmitResponse', items: s.approval.approved.conclusion.actions.map((a) => acceptItem(a.findingId, a.dueDate)) },
        ],
    ],
    [
      'dispute all',
      (s) =>
        s.approval && [
          people.unitHead,
          { type: 'SubmitResponse', items: s.approval.approved.conclusion.actions.map((a) => disputeItem(a.findingId)) },
        ],
    ],
    [
      'ask for time',
      (s) =>
        s.responseDeadline && [
          people.unitHead,
          {
            type: 'RequestExtension',
            reason: 'Flood.',
            requestedDeadline: toLocalDate(new Date(Date.parse(s.responseDeadline.dueAt) + 7 * 86_400_000)),
          },
        ],
    ],
    ['grant', () => [people.lead, { type: 'DecideExtension', decision: 'granted', note: '' }]],
    ['refuse', () => [people.lead, { type: 'DecideExtension', decision: 'refused', note: '' }]],
    [
      'uphold',
      (s) => pendingDispute(s) && [people.lead, { type: 'ResolveDispute', findingId: pendingDispute(s)!.id, decision: 'upheld', note: '' }],
    ],
    [
      'withdraw dispute',
      (s) =>
        pendingDispute(s) && [people.lead, { type: 'ResolveDispute', findingId: pendingDispute(s)!.id, decision: 'withdrawn', note: '' }],
    ],
    [
      'report',
      (s) =>
        actionIn(s, 'open', 'rejected') && [
          people.unitHead,
          { type: 'ReportAction', actionId: actionIn(s, 'open', 'rejected')!.id, note: 'Done.' },
        ],
    ],
    [
      'verify',
      (s) =>
        actionIn(s, 'reported') && [
          people.lead,
          { type: 'VerifyAction', actionId: actionIn(s, 'reported')!.id, decision: 'verified', note: '' },
        ],
    ],
    [
      'reject',
      (s, now) =>
        actionIn(s, 'reported') && [
          people.lead,
          { type: 'VerifyAction', actionId: actionIn(s, 'reported')!.id, decision: 'rejected', note: 'No.', newDueDate: day(now, 20) },
        ],
    ],
    [
      'follow up',
      (s, now) => [
        people.lead,
        {
          type: 'ScheduleFollowUp',
          followUpInspectionId: `fu-${s.followUps.length + 1}`,
          windowStart: day(now, 30),
          windowEnd: day(now, 35),
        },
      ],
    ],
    [
      'decide case',
      (s) =>
        first(s.cases, (c) => c.status === 'open') && [
          people.chairman,
          { type: 'DecideAccountability', caseId: first(s.cases, (c) => c.status === 'open')!.id, outcome: 'reminded', note: 'x' },
        ],
    ],
    [CANCEL, () => [people.chairman, { type: 'CancelInspection', reason: 'Merged.' }]],
  ];

  interface Walk {
    readonly statuses: InspectionState['status'][];
    readonly story: InspectionStory;
  }

  function walk(steps: readonly [number, number, number][]): Walk {
    let story = plannedStory().run(
      people.lead,
      { type: 'RescheduleVisit', windowStart: '2026-03-02', windowEnd: '2026-03-20' },
      '2026-03-02 09:30',
    );
    let clock = localTime('2026-03-02 10:00');
    const statuses: InspectionState['status'][] = [story.state.status];
    for (const [choice, minutes, cancelRoll] of steps) {
      clock = minutesAfter(clock, minutes);
      const s = story.state;
      const candidates: [Actor, InspectionCommand, Date][] = [];
      const timer = dueTimers(s)[0];
      if (timer) {
        const when = new Date(Math.max(Date.parse(timer.at), Date.parse(s.lastEventAt)));
        const decision = decide(s, timer.command, system, fixedContext(when, story.events.length * 10 + 1));
        expect(isRejection(decision) ? `${timer.command.type} refused: ${decision.reason}` : 'accepted').toBe('accepted');
        if (Date.parse(timer.at) <= clock.getTime()) candidates.push([system, timer.command, when]);
      }
      for (const [name, move] of MOVES) {
        if (name === CANCEL && cancelRoll !== 0) continue;
        const chosen = move(s, clock);
        if (chosen) candidates.push([...chosen, clock]);
      }
      const accepted = candidates
        .map(([actor, command, when]) => ({
          actor,
          when,
          decision: decide(s, command, actor, fixedContext(when, story.events.length * 10 + 1)),
        }))
        .filter((c) => !isRejection(c.decision));
      if (accepted.length === 0) continue;
      const taken = accepted[choice % accepted.length];
      const next = story.record(taken.decision as InspectionEvent[], taken.actor, taken.when);
      clock = new Date(Math.max(clock.getTime(), taken.when.getTime()));

      const after = next.state;
      expect(after).toEqual(next.events.slice(story.events.length).reduce((state, event) => evolve(state, event), s));
      expect(Date.parse(after.lastEventAt)).toBeGreaterThanOrEqual(Date.parse(s.lastEventAt));
      if (s.status === 'closed' || s.status === 'cancelled') expect(after.status).toBe(s.status);
      if (after.status === 'closed' && s.status !== 'closed') {
        expect(after.findings.some((f) => f.dispute?.status === 'pending')).toBe(false);
        expect(
          after.actions.every((a) => a.status === 'verified' || after.findings.find((f) => f.id === a.findingId)?.status === 'withdrawn'),
        ).toBe(true);
      }
      const approved = new Set(after.approval?.approved.findings.map((f) => f.id) ?? []);
      expect(after.actions.every((a) => approved.has(a.findingId))).toBe(true);
      expect(new Set(after.actions.map((a) => a.findingId)).size).toBe(after.actions.length);
      for (const action of after.actions) {
        expect(after.cases.filter((c) => c.actionId === action.id).length).toBe(action.rejections >= 2 ? 1 : 0);
      }
      if (!after.startedAt) expect(canSeeInspection(people.unitHead, after)).toBe(false);
      story = next;
      statuses.push(after.status);
    }
    return { statuses, story };
  }

  const steps = (min: number, max: number) =>
    fc.array(fc.tuple(fc.nat(1000), fc.integer({ min: 0, max: 12 * 60 }), fc.nat(39)), { minLength: min, maxLength: max });

  it('accepted events always fold into a consistent state, and every due timer is accepted', () => {
    fc.assert(
      fc.property(steps(1, 80), (s) => void walk(s)),
      { numRuns: 150 },
    );
  });

  it('the walks reach every status of the lifecycle', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(steps(60, 100), (s) => {
        walk(s).statuses.forEach((status) => seen.add(status));
      }),
      { numRuns: 40, seed: 20260310 },
    );
    expect([...seen].sort()).toEqual([...INSPECTION_STATUSES].sort());
  });
});
