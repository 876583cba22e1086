/**
 * The caps on the lists an inspection's state holds (LIMITS): its state travels in Temporal
 * payloads, so a list without a cap could grow until the workflow wedged. A command that would
 * pass a cap is refused with a 409 that names the cap, and nothing is decided.
 */
import { InspectionEvent } from '../events';
import { actionFor, given, InspectionStory } from '@inspectorate/domain-testing/decider-spec';
import { people, T } from '@inspectorate/domain-testing/fixtures';
import { awaitingApprovalStory, conclusionCommand, inProgressStory, remediatingStory } from '@inspectorate/domain-testing/inspection-stories';
import { LIMITS } from '../../shared/limits';

/** `n` findings recorded by inspector An, straight into the story (the decider is tested on the next one). */
function withFindings(story: InspectionStory, n: number): InspectionStory {
  const events: InspectionEvent[] = Array.from({ length: n }, (_, i) => ({
    type: 'FindingRecorded',
    data: { findingId: `bulk-${i}`, authorId: people.inspectorAn.userId, criterionCode: 'KL-01', severity: 'minor', description: `Finding ${i}.`, evidence: [], people: [] },
  }));
  return story.record(events, people.inspectorAn);
}

/** The reason, word for word. */
const exactly = (reason: string) => new RegExp(`^${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const oneMoreFinding = { type: 'RecordFinding', findingId: 'one-too-many', criterionCode: 'KL-01', severity: 'minor', description: 'Late arrival.' } as const;

describe('the caps on what one inspection holds', () => {
  it(`an inspection holds at most ${LIMITS.inspection.findings} findings: one more is a conflict naming the cap`, () => {
    const story = inProgressStory();
    const full = withFindings(story, LIMITS.inspection.findings - story.state.findings.length);
    expect(full.state.findings).toHaveLength(LIMITS.inspection.findings);
    given(full)
      .when(people.inspectorBinh, oneMoreFinding)
      .thenRejected('conflict', exactly(`Cannot record a finding: the inspection already has ${LIMITS.inspection.findings} findings, the most allowed (${LIMITS.inspection.findings}).`));
  });

  it('the last finding under the cap is still recorded', () => {
    const story = inProgressStory();
    const almostFull = withFindings(story, LIMITS.inspection.findings - story.state.findings.length - 1);
    given(almostFull).when(people.inspectorBinh, oneMoreFinding).thenEvents('FindingRecorded');
  });

  it('withdrawn findings count towards the cap (they stay in the record)', () => {
    const story = inProgressStory();
    expect(story.state.findings.some((f) => f.status === 'withdrawn')).toBe(true);
    const full = withFindings(story, LIMITS.inspection.findings - story.state.findings.length);
    given(full).when(people.inspectorBinh, oneMoreFinding).thenRejected('conflict', /most allowed/);
  });

  it(`a draft carries at most ${LIMITS.inspection.dissents} dissents`, () => {
    let story = awaitingApprovalStory();
    while (story.state.dissents.length < LIMITS.inspection.dissents) story = story.run(people.inspectorAn, { type: 'RecordDissent', text: 'I disagree.' });
    given(story)
      .when(people.inspectorBinh, { type: 'RecordDissent', text: 'So do I.' })
      .thenRejected('conflict', exactly(`Cannot record a dissent: the inspection already has ${LIMITS.inspection.dissents} dissents, the most allowed (${LIMITS.inspection.dissents}).`));
  });

  it(`a conclusion is returned at most ${LIMITS.conclusion.returns} times`, () => {
    let story = awaitingApprovalStory();
    for (let i = 0; i < LIMITS.conclusion.returns; i += 1) {
      story = story.run(people.chairman, { type: 'ReturnConclusion', comment: `Return ${i + 1}.` }).run(people.lead, conclusionCommand());
    }
    given(story)
      .when(people.chairman, { type: 'ReturnConclusion', comment: 'Once more.' })
      .thenRejected('conflict', exactly(`Cannot return the conclusion: the conclusion already has ${LIMITS.conclusion.returns} returns, the most allowed (${LIMITS.conclusion.returns}).`));
  });

  it(`an inspection schedules at most ${LIMITS.inspection.followUps} follow-ups`, () => {
    let story = remediatingStory();
    const followUp = (id: string) => ({ type: 'ScheduleFollowUp', followUpInspectionId: id, windowStart: '2026-09-14', windowEnd: '2026-09-18' }) as const;
    for (let i = 0; i < LIMITS.inspection.followUps; i += 1) story = story.run(people.lead, followUp(`fu-${i}`));
    given(story)
      .when(people.lead, followUp('fu-one-too-many'))
      .thenRejected('conflict', exactly(`Cannot schedule a follow-up inspection: the inspection already has ${LIMITS.inspection.followUps} follow-ups, the most allowed (${LIMITS.inspection.followUps}).`));
  });

  it(`a corrective action is reported at most ${LIMITS.action.reports} times`, () => {
    let story = remediatingStory();
    const actionId = actionFor(story.state, 'f-2').id;
    while (actionFor(story.state, 'f-2').reports.length < LIMITS.action.reports) {
      story = story
        .run(people.lead, { type: 'VerifyAction', actionId, decision: 'rejected', note: 'Not done.', newDueDate: T.plannedDue })
        .run(people.unitHead, { type: 'ReportAction', actionId, note: 'Done now.' });
    }
    story = story.run(people.lead, { type: 'VerifyAction', actionId, decision: 'rejected', note: 'Still not done.', newDueDate: T.plannedDue });
    given(story)
      .when(people.unitHead, { type: 'ReportAction', actionId, note: 'Done, really.' })
      .thenRejected('conflict', exactly(`Cannot report the corrective action: corrective action ${actionId} already has ${LIMITS.action.reports} reports, the most allowed (${LIMITS.action.reports}).`));
  });

  it(`one finding carries at most ${LIMITS.finding.evidence} items of evidence (a 400 on the field)`, () => {
    const evidence = Array.from({ length: LIMITS.finding.evidence + 1 }, (_, i) => ({ text: `Photo ${i}` }));
    given(inProgressStory())
      .when(people.inspectorBinh, { ...oneMoreFinding, evidence })
      .thenInvalid('evidence');
  });

  it(`one report of a corrective action carries at most ${LIMITS.action.evidence} items of evidence (a 400 on the field)`, () => {
    const story = remediatingStory();
    const evidence = Array.from({ length: LIMITS.action.evidence + 1 }, (_, i) => ({ text: `Photo ${i}` }));
    given(story)
      .when(people.unitHead, { type: 'ReportAction', actionId: actionFor(story.state, 'f-1').id, note: 'Done.', evidence })
      .thenInvalid('evidence');
  });
});
