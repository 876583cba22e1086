/** The transition table of domain.md, cell by cell: every command in every status. */
import { InspectionCommand } from '../commands';
import { INSPECTION_STATUSES } from '../model';
import { describeExpectation, expectationFor, MATRIX } from '@inspectorate/domain-testing/command-matrix';
import { given, later } from '@inspectorate/domain-testing/decider-spec';
import { REPRESENTATIVE_STORIES } from '@inspectorate/domain-testing/inspection-stories';

describe('every inspection command in every status (the transition table)', () => {
  it('covers every command type of the decider', () => {
    const covered = new Set(MATRIX.map((row) => row.name.split(' ')[0]));
    const all: InspectionCommand['type'][] = [
      'PlanInspection',
      'RescheduleVisit',
      'StartVisit',
      'RecordFinding',
      'AmendFinding',
      'WithdrawFinding',
      'EndVisit',
      'SubmitConclusion',
      'RecordDissent',
      'ReturnConclusion',
      'ApproveConclusion',
      'SubmitResponse',
      'RequestExtension',
      'DecideExtension',
      'ResolveDispute',
      'ReportAction',
      'VerifyAction',
      'ScheduleFollowUp',
      'CancelInspection',
      'DecideAccountability',
      'MarkVisitWindowMissed',
      'SendReminder',
      'MarkConclusionOverdue',
      'MarkResponseOverdue',
      'MarkActionOverdue',
    ];
    expect([...covered].sort()).toEqual([...all].sort());
  });

  describe.each(INSPECTION_STATUSES.map((status) => [status]))('when the inspection is %s', (status) => {
    const story = REPRESENTATIVE_STORIES[status]();
    const s = story.state;

    it('the representative story really is in that status', () => {
      expect(s.status).toBe(status);
    });

    it.each(MATRIX.map((row) => [`${row.name} by ${row.who} ${describeExpectation(expectationFor(row, status, s))}`, row] as const))(
      '%s',
      (_title, row) => {
        const expected = expectationFor(row, status, s);
        const outcome = given(story).when(row.actor, row.command(s), later(s, row.at?.(s)));
        if ('accepted' in expected) outcome.thenEvents(...expected.accepted);
        else outcome.thenRejected(expected.rejected, expected.reason);
      },
    );
  });
});
