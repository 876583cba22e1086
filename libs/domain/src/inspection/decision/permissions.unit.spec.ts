/** Who may send each command: the right it takes, and the 403 that names it. */
import { InspectionCommand } from '../commands';
import { InspectionState } from '../state';
import { actionFor, given, InspectionStory, later, openCase, When } from '@inspectorate/domain-testing/decider-spec';
import { PERSON_LABELS, PersonName, people, T } from '@inspectorate/domain-testing/fixtures';
import { awaitingApprovalStory, awaitingResponseStory, conclusionCommand, draftingStory, inProgressStory, planCommand, plannedStory, remediatingStory, responseItems, withPendingExtension } from '@inspectorate/domain-testing/inspection-stories';

const EVERYONE = Object.keys(people) as PersonName[];

interface WhoMayRow {
  readonly name: string;
  readonly story: () => InspectionStory;
  readonly command: (s: InspectionState) => InspectionCommand;
  readonly at?: When;
  readonly may: PersonName[];
  readonly missingRight: RegExp;
}

const WHO_MAY: WhoMayRow[] = [
  {
    name: 'reschedule the visit',
    story: plannedStory,
    command: () => ({ type: 'RescheduleVisit', windowStart: '2026-03-16', windowEnd: '2026-03-20' }),
    may: ['lead'],
    missingRight: /lead inspector/,
  },
  {
    name: 'start the visit',
    story: plannedStory,
    command: () => ({ type: 'StartVisit' }),
    at: T.visitStarted,
    may: ['lead'],
    missingRight: /lead inspector/,
  },
  {
    name: 'cancel a planned inspection',
    story: plannedStory,
    command: () => ({ type: 'CancelInspection', reason: 'Leaked.' }),
    may: ['lead', 'chairman'],
    missingRight: /lead inspector or the chairman/,
  },
  {
    name: 'record a finding',
    story: inProgressStory,
    command: () => ({ type: 'RecordFinding', findingId: 'f-new', criterionCode: 'KL-01', severity: 'minor', description: 'Late arrival.' }),
    may: ['lead', 'inspectorAn', 'inspectorBinh'],
    missingRight: /member of the inspection team/,
  },
  {
    name: 'amend a finding',
    story: inProgressStory,
    command: () => ({ type: 'AmendFinding', findingId: 'f-1', changes: { severity: 'minor' } }),
    may: ['inspectorAn'],
    missingRight: /author/,
  },
  {
    name: 'withdraw a finding',
    story: inProgressStory,
    command: () => ({ type: 'WithdrawFinding', findingId: 'f-1', reason: 'On leave.' }),
    may: ['inspectorAn', 'lead'],
    missingRight: /author of a finding or the lead inspector/,
  },
  { name: 'end the visit', story: inProgressStory, command: () => ({ type: 'EndVisit' }), may: ['lead'], missingRight: /lead inspector/ },
  {
    name: 'submit the conclusion',
    story: draftingStory,
    command: () => conclusionCommand(),
    may: ['lead'],
    missingRight: /lead inspector/,
  },
  {
    name: 'record a dissent',
    story: awaitingApprovalStory,
    command: () => ({ type: 'RecordDissent', text: 'I disagree.' }),
    may: ['inspectorAn', 'inspectorBinh'],
    missingRight: /inspector of this inspection's team/,
  },
  {
    name: 'return the conclusion',
    story: awaitingApprovalStory,
    command: () => ({ type: 'ReturnConclusion', comment: 'Redo.' }),
    may: ['chairman'],
    missingRight: /chairman/,
  },
  {
    name: 'approve the conclusion',
    story: awaitingApprovalStory,
    command: () => ({ type: 'ApproveConclusion' }),
    may: ['chairman'],
    missingRight: /chairman/,
  },
  {
    name: 'submit the response',
    story: awaitingResponseStory,
    command: () => ({ type: 'SubmitResponse', items: responseItems() }),
    may: ['unitHead'],
    missingRight: /head of the inspected unit/,
  },
  {
    name: 'request an extension',
    story: awaitingResponseStory,
    command: () => ({ type: 'RequestExtension', reason: 'Flooding.', requestedDeadline: '2026-04-10' }),
    may: ['unitHead'],
    missingRight: /head of the inspected unit/,
  },
  {
    name: 'decide an extension',
    story: withPendingExtension,
    command: () => ({ type: 'DecideExtension', decision: 'refused', note: 'No.' }),
    may: ['lead'],
    missingRight: /lead inspector/,
  },
  {
    name: 'resolve a dispute',
    story: remediatingStory,
    command: () => ({ type: 'ResolveDispute', findingId: 'f-5', decision: 'withdrawn', note: 'Fine.' }),
    may: ['lead'],
    missingRight: /lead inspector/,
  },
  {
    name: 'report a corrective action',
    story: remediatingStory,
    command: (s) => ({ type: 'ReportAction', actionId: actionFor(s, 'f-1').id, note: 'Done.' }),
    may: ['unitHead'],
    missingRight: /head of the inspected unit/,
  },
  {
    name: 'verify a corrective action',
    story: remediatingStory,
    command: (s) => ({ type: 'VerifyAction', actionId: actionFor(s, 'f-2').id, decision: 'verified', note: '' }),
    may: ['lead'],
    missingRight: /lead inspector/,
  },
  {
    name: 'schedule a follow-up',
    story: remediatingStory,
    command: () => ({ type: 'ScheduleFollowUp', followUpInspectionId: 'fu-1', windowStart: '2026-09-14', windowEnd: '2026-09-18' }),
    may: ['lead'],
    missingRight: /lead inspector/,
  },
  {
    name: 'cancel an inspection under way',
    story: remediatingStory,
    command: () => ({ type: 'CancelInspection', reason: 'Merged.' }),
    may: ['lead', 'chairman'],
    missingRight: /lead inspector or the chairman/,
  },
  {
    name: 'decide an accountability case',
    story: remediatingStory,
    command: (s) => ({ type: 'DecideAccountability', caseId: openCase(s)!.id, outcome: 'reminded', note: 'First time.' }),
    may: ['chairman'],
    missingRight: /chairman/,
  },
];

describe('who may send each command (in a status where it is allowed)', () => {
  describe.each(WHO_MAY.map((row) => [row.name, row] as const))('to %s', (_name, row) => {
    const story = row.story();
    const s = story.state;
    const visibleTo = (name: PersonName) => {
      if (s.startedAt) return name !== 'otherUnitHead';
      return ['lead', 'inspectorAn', 'inspectorBinh', 'chairman'].includes(name);
    };
    it.each(
      EVERYONE.map(
        (name) =>
          [
            PERSON_LABELS[name],
            row.may.includes(name) ? 'may' : visibleTo(name) ? 'is refused (403)' : 'is told it does not exist (404)',
            name,
          ] as const,
      ),
    )('%s %s', (_label, _verdict, name) => {
      const outcome = given(story).when(people[name], row.command(s), later(s, row.at));
      if (row.may.includes(name)) expect(outcome.events.length).toBeGreaterThan(0);
      else if (visibleTo(name)) outcome.thenForbidden(row.missingRight);
      else outcome.thenNotFound(/^Inspection not found\.$/);
    });
  });

  it.each([
    ['the lead of the team', 'may', people.lead, true],
    ['another lead inspector (a campaign may be created for the lead it names)', 'may', people.otherLead, true],
    ['an inspector', 'may not', people.inspectorAn, false],
    ['the chairman', 'may not', people.chairman, false],
    ['an admin', 'may not', people.admin, false],
    ['a unit head', 'may not', people.unitHead, false],
  ] as const)('planning an inspection: %s %s', (_who, _verdict, actor, may) => {
    const outcome = given(InspectionStory.empty()).when(actor, planCommand(), T.planned);
    if (may) outcome.thenEvents('InspectionPlanned');
    else outcome.thenForbidden(/lead inspector/);
  });

  it('a unit head planning over an existing (secret) inspection is refused without learning that it exists', () => {
    const rejection = given(plannedStory())
      .when(people.unitHead, planCommand(), '2026-03-03 09:00')
      .thenForbidden(/lead inspector/);
    expect(rejection.reason).not.toMatch(/planned|exists/);
  });
});
