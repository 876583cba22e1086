/**
 * One inspection of ward 3, told step by step; each status of the lifecycle has a representative
 * story that continues the one before it. Test code only.
 *
 * Findings (f-6 is withdrawn during the visit; the conclusion requires an action for f-1…f-5):
 *   f-1 inspector An, f-2 inspector Bình, f-3 the lead, f-4 inspector An, f-5 inspector Bình.
 * In remediation: f-1 open, f-2 reported, f-3 verified, f-4 rejected twice (an accountability
 * case is open), f-5 disputed and pending.
 */
import { CAMPAIGN_ID, CHECKLIST_VERSION, DEFAULT_POLICY, INSPECTION_ID, people, system, T, TEAM, UNIT_ID } from './fixtures';
import { actionFor, InspectionStory, When } from './decider-spec';
import { InspectionCommand } from '../src/inspection/commands';
import { InspectionStatus, ResponseItem, Severity } from '../src/inspection/model';
import { Policy } from '../src/policy/policy';

export interface StoryOptions {
  readonly policy?: Policy;
  readonly windowStart?: string;
  readonly windowEnd?: string;
  readonly plannedAt?: When;
  readonly unitId?: string;
}

export function planCommand(options: StoryOptions = {}): Extract<InspectionCommand, { type: 'PlanInspection' }> {
  return {
    type: 'PlanInspection',
    inspectionId: INSPECTION_ID,
    campaignId: CAMPAIGN_ID,
    unitId: options.unitId ?? UNIT_ID,
    year: 2026,
    team: TEAM,
    policy: options.policy ?? DEFAULT_POLICY,
    checklistVersion: CHECKLIST_VERSION,
    windowStart: options.windowStart ?? T.windowStart,
    windowEnd: options.windowEnd ?? T.windowEnd,
  };
}

export const FINDINGS: Record<string, { criterionCode: string; severity: Severity; description: string }> = {
  'f-1': { criterionCode: 'KL-01', severity: 'major', description: 'Two officers absent from the one-stop desk at 09:00 without leave.' },
  'f-2': { criterionCode: 'KL-02', severity: 'minor', description: 'Three officers at the reception without name badges.' },
  'f-3': {
    criterionCode: 'TT-01',
    severity: 'critical',
    description: '14 land-use applications resolved after their legal deadline in Q1.',
  },
  'f-4': { criterionCode: 'VH-01', severity: 'major', description: 'Rules of office conduct not posted at the reception.' },
  'f-5': { criterionCode: 'LD-02', severity: 'major', description: 'No administrative reform plan for 2026 approved by the head of unit.' },
  'f-6': { criterionCode: 'UX-01', severity: 'minor', description: 'A citizen reports a rude answer at the desk (not confirmed).' },
};

const AUTHORS = {
  'f-1': people.inspectorAn,
  'f-2': people.inspectorBinh,
  'f-3': people.lead,
  'f-4': people.inspectorAn,
  'f-5': people.inspectorBinh,
  'f-6': people.inspectorAn,
} as const;

export const REQUIRED_FINDINGS = ['f-1', 'f-2', 'f-3', 'f-4', 'f-5'] as const;

export function recordFinding(findingId: keyof typeof AUTHORS): InspectionCommand {
  return { type: 'RecordFinding', findingId, ...FINDINGS[findingId], evidence: [{ text: 'Photo log, 10 March 2026' }], people: [] };
}

export function conclusionCommand(
  findingIds: readonly string[] = REQUIRED_FINDINGS,
  dueDate: string = T.requiredDue,
): Extract<InspectionCommand, { type: 'SubmitConclusion' }> {
  return {
    type: 'SubmitConclusion',
    summary: 'Discipline at the one-stop desk is weak; the head of unit does not track administrative reform.',
    rating: 'fair',
    actions: findingIds.map((findingId) => ({ findingId, requirement: `Remedy ${findingId} and report with evidence.`, dueDate })),
  };
}

export function acceptItem(findingId: string, dueDate: string = T.plannedDue): ResponseItem {
  return { findingId, position: 'accepted', explanation: '', plan: { owner: 'Deputy head Phạm Văn Tâm', dueDate } };
}

export function disputeItem(findingId: string): ResponseItem {
  return {
    findingId,
    position: 'disputed',
    explanation: 'The plan was approved on 5 January (decision 12/QĐ-UBND); the copy was at the archive.',
  };
}

/** The response of the representative story: everything accepted except f-5, which is disputed. */
export function responseItems(): ResponseItem[] {
  return [acceptItem('f-1'), acceptItem('f-2'), acceptItem('f-3'), acceptItem('f-4'), disputeItem('f-5')];
}

export function plannedStory(options: StoryOptions = {}): InspectionStory {
  return InspectionStory.empty().run(people.lead, planCommand(options), options.plannedAt ?? T.planned);
}

/** The visit started; five findings recorded and a sixth withdrawn by its author. */
export function inProgressStory(options: StoryOptions = {}): InspectionStory {
  return plannedStory(options)
    .run(people.lead, { type: 'StartVisit' }, T.visitStarted)
    .run(AUTHORS['f-1'], recordFinding('f-1'), '2026-03-10 09:00')
    .run(AUTHORS['f-2'], recordFinding('f-2'), '2026-03-10 09:10')
    .run(AUTHORS['f-3'], recordFinding('f-3'), '2026-03-10 09:20')
    .run(AUTHORS['f-4'], recordFinding('f-4'), '2026-03-10 09:30')
    .run(AUTHORS['f-5'], recordFinding('f-5'), '2026-03-10 09:40')
    .run(AUTHORS['f-6'], recordFinding('f-6'), '2026-03-10 09:50')
    .run(
      people.inspectorAn,
      { type: 'WithdrawFinding', findingId: 'f-6', reason: 'Could not be confirmed with the citizen.' },
      '2026-03-10 11:00',
    );
}

export function draftingStory(options: StoryOptions = {}): InspectionStory {
  return inProgressStory(options).run(people.lead, { type: 'EndVisit' }, T.visitEnded);
}

/** The conclusion requires an action for f-1…f-5; inspector Bình attached a dissent. */
export function awaitingApprovalStory(options: StoryOptions = {}): InspectionStory {
  return draftingStory(options)
    .run(people.lead, conclusionCommand(), T.conclusionSubmitted)
    .run(people.inspectorBinh, { type: 'RecordDissent', text: 'f-2 is too minor to need a corrective action.' }, T.dissent);
}

export function awaitingResponseStory(options: StoryOptions = {}): InspectionStory {
  return awaitingApprovalStory(options).run(people.chairman, { type: 'ApproveConclusion' }, T.approved);
}

/** Actions in every status (open, reported, verified, rejected twice) and a pending dispute. */
export function remediatingStory(options: StoryOptions = {}): InspectionStory {
  let story = awaitingResponseStory(options).run(people.unitHead, { type: 'SubmitResponse', items: responseItems() }, T.responded);
  const id = (findingId: string) => actionFor(story.state, findingId).id;
  const report = (findingId: string, at: When) => {
    story = story.run(
      people.unitHead,
      { type: 'ReportAction', actionId: id(findingId), note: `Done: ${findingId}.`, evidence: [{ text: 'Minutes of the unit meeting' }] },
      at,
    );
  };
  report('f-2', '2026-04-06 10:00');
  report('f-3', '2026-04-06 11:00');
  report('f-4', '2026-04-06 14:00');
  story = story.run(
    people.lead,
    { type: 'VerifyAction', actionId: id('f-3'), decision: 'verified', note: 'Checked the register.' },
    '2026-04-07 10:00',
  );
  story = story.run(
    people.lead,
    {
      type: 'VerifyAction',
      actionId: id('f-4'),
      decision: 'rejected',
      note: 'The rules are posted in the back office only.',
      newDueDate: '2026-05-22',
    },
    '2026-04-07 11:00',
  );
  report('f-4', '2026-04-08 10:00');
  story = story.run(
    people.lead,
    { type: 'VerifyAction', actionId: id('f-4'), decision: 'rejected', note: 'Still not visible to citizens.', newDueDate: T.requiredDue },
    '2026-04-09 10:00',
  );
  return story;
}

/** Every action verified, the dispute withdrawn; the accountability case of f-4 is still open. */
export function closedStory(options: StoryOptions = {}): InspectionStory {
  let story = remediatingStory(options).run(
    people.lead,
    { type: 'ResolveDispute', findingId: 'f-5', decision: 'withdrawn', note: 'The plan exists.' },
    '2026-04-10 10:00',
  );
  const id = (findingId: string) => actionFor(story.state, findingId).id;
  story = story.run(
    people.unitHead,
    { type: 'ReportAction', actionId: id('f-1'), note: 'Attendance is now checked daily.' },
    '2026-04-13 10:00',
  );
  story = story.run(people.unitHead, { type: 'ReportAction', actionId: id('f-4'), note: 'Posted at the reception.' }, '2026-04-13 11:00');
  story = story.run(people.lead, { type: 'VerifyAction', actionId: id('f-1'), decision: 'verified', note: '' }, '2026-04-14 10:00');
  story = story.run(people.lead, { type: 'VerifyAction', actionId: id('f-2'), decision: 'verified', note: '' }, '2026-04-14 10:10');
  return story.run(people.lead, { type: 'VerifyAction', actionId: id('f-4'), decision: 'verified', note: '' }, '2026-04-14 10:20');
}

/** Cancelled by the chairman during remediation (after the visit, so the unit knows of it). */
export function cancelledStory(options: StoryOptions = {}): InspectionStory {
  return remediatingStory(options).run(
    people.chairman,
    { type: 'CancelInspection', reason: 'The ward merges into a new commune under the two-tier reform.' },
    '2026-04-10 10:00',
  );
}

/** Cancelled by the lead while still planned: the unit never learns of it. */
export function cancelledBeforeVisitStory(options: StoryOptions = {}): InspectionStory {
  return plannedStory(options).run(people.lead, { type: 'CancelInspection', reason: 'The date leaked.' }, '2026-03-05 09:00');
}

/** Awaiting the response, with the unit head's request for an extension pending. */
export function withPendingExtension(): InspectionStory {
  return awaitingResponseStory().run(
    people.unitHead,
    { type: 'RequestExtension', reason: 'Flooding closed the office.', requestedDeadline: '2026-04-10' },
    '2026-03-18 09:00',
  );
}

export const REPRESENTATIVE_STORIES: Record<InspectionStatus, (options?: StoryOptions) => InspectionStory> = {
  planned: plannedStory,
  in_progress: inProgressStory,
  drafting: draftingStory,
  awaiting_approval: awaitingApprovalStory,
  awaiting_response: awaitingResponseStory,
  remediating: remediatingStory,
  closed: closedStory,
  cancelled: cancelledStory,
};

export { system };
