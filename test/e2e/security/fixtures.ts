import { randomUUID } from 'node:crypto';
import { eventually, Scenario } from '../../harness/scenario';
import { TestStack } from '../../harness/stack';
import { TestUser } from '../../harness/people';
import { inDays, inSeconds } from '../../harness/time';
import { textFile, uploadAttachment } from './http';

/**
 * What each target of the permission matrix stands for. "Own unit" and "other unit" are seen from
 * the unit head of unit A (headA): an inspection of unit A and one of unit B, both visited, run by
 * the same team (lead, inspector1, inspector2). "Planned secret" is an inspection of unit A whose
 * visit has not started: it exists for its team and the chairman only.
 */
export interface TargetFixture {
  readonly unitId: string;
  readonly campaignId: string;
  /** A campaign whose every inspection ended (completed): a cancel of it is refused. */
  readonly completedCampaignId: string;
  /** Own/other unit: remediating (approved conclusion, F1 accepted, its action reported, a decided case). Secret: planned, its window missed. */
  readonly inspectionId: string;
  /** Own/other unit: visited, then cancelled (its workflow has ended). Secret: cancelled before its visit (still never seen by the unit). */
  readonly endedInspectionId: string;
  /** A live finding of `inspectionId` (accepted, no dispute); for the secret target, an id that exists nowhere. */
  readonly findingId: string;
  /** A reported corrective action of `inspectionId`; for the secret target, an id that exists nowhere. */
  readonly actionId: string;
  /** A decided accountability case of `inspectionId`; for the secret target none can exist: an id that exists nowhere. */
  readonly caseId: string;
  /** Own/other: the unit head's "conclusion approved" notification. Secret: the lead's "window missed" notification. */
  readonly notificationId: string;
  /** Own/other: uploaded by inspector1 and cited as evidence of F1. Secret: uploaded by inspector1 for it, cited nowhere yet. */
  readonly attachmentId: string;
}

export type TargetName = 'ownUnit' | 'otherUnit' | 'plannedSecret';
export type MatrixFixtures = Record<TargetName, TargetFixture>;

const POLICY = { responseDeadline: { duration: 'PT3S' }, reminderOffsets: [] };

/** Builds the matrix's fixtures once per test file (about ten seconds: two short response deadlines run out). */
export async function buildMatrixFixtures(stack: TestStack): Promise<MatrixFixtures> {
  const { api, people } = stack;
  const scenario = new Scenario(stack);

  const visited = await scenario.campaign({ units: [people.units.a, people.units.b], policy: POLICY });
  const ended = await scenario.campaign({ units: [people.units.a, people.units.b] });
  const missed = await scenario.campaign({ units: [people.units.a], windows: { windowStart: inDays(0), windowEnd: inSeconds(2) } });
  const cancelledBeforeVisit = await scenario.campaign({ units: [people.units.a] });
  const inspectionOf = (campaign: { targets: { unitId: string; inspectionId: string }[] }, unitId: string) =>
    campaign.targets.find((t) => t.unitId === unitId)!.inspectionId;

  const remediating = async (unitId: string, head: TestUser) => {
    const id = inspectionOf(visited, unitId);
    await scenario.start(id);
    const attachment = await uploadAttachment(stack, people.inspector1, textFile(`Biên bản kiểm tra ${unitId}\n`));
    const findingId = await scenario.finding(id, people.inspector1, { evidence: [{ attachmentId: attachment.id }, { text: 'Ảnh chụp tại chỗ' }] });
    await scenario.endVisit(id);
    await scenario.conclude(id, [{ findingId }]);
    await scenario.approve(id);
    const caseId = await eventually(async () => {
      const view = await api.expect(200, api.get(people.chairman, `/inspections/${id}`));
      return view.accountabilityCaseIds[0] as string | undefined;
    });
    const responded = await scenario.respond(id, head, [{ findingId, position: 'accepted' }]);
    const actionId = responded.actions[0].id as string;
    await scenario.report(id, head, actionId);
    await api.expect(200, api.post(people.chairman, `/accountability-cases/${caseId}/decision`, { outcome: 'reminded', note: 'Nhắc nhở.' }));
    const notifications = await api.expect(200, api.get(head, '/me/notifications?limit=500'));
    const notificationId = notifications.items.find((n: { inspectionId: string; topic: string }) => n.inspectionId === id && n.topic === 'conclusion.approved').id;
    return { inspectionId: id, findingId, actionId, caseId, notificationId, attachmentId: attachment.id };
  };
  const visitedThenCancelled = async (unitId: string) => {
    const id = inspectionOf(ended, unitId);
    await scenario.start(id);
    await api.expect(200, api.post(people.lead, `/inspections/${id}/cancel`, { reason: 'Đơn vị sáp nhập.' }));
    return id;
  };

  const [a, b, endedA, endedB] = await Promise.all([
    remediating(people.units.a, people.headA),
    remediating(people.units.b, people.headB),
    visitedThenCancelled(people.units.a),
    visitedThenCancelled(people.units.b),
  ]);

  const secretId = inspectionOf(missed, people.units.a);
  await eventually(async () => {
    const view = await api.expect(200, api.get(people.lead, `/inspections/${secretId}`));
    return view.window.missed ? view : undefined;
  });
  const leadNotes = await api.expect(200, api.get(people.lead, '/me/notifications?limit=500'));
  const missedNotice = leadNotes.items.find((n: { inspectionId: string; topic: string }) => n.inspectionId === secretId && n.topic === 'visit.window_missed');
  const secretCancelledId = inspectionOf(cancelledBeforeVisit, people.units.a);
  await api.expect(200, api.post(people.lead, `/inspections/${secretCancelledId}/cancel`, { reason: 'Thay đổi kế hoạch.' }));
  const secretUpload = await uploadAttachment(stack, people.inspector1, textFile('Danh sách cần kiểm tra (mật)\n'));
  // Campaigns whose inspections all ended complete by themselves, a moment later: let them settle.
  for (const campaign of [ended, cancelledBeforeVisit]) {
    await eventually(async () => ((await api.expect(200, api.get(people.chairman, `/campaigns/${campaign.id}`))).status === 'completed' ? true : undefined));
  }

  return {
    ownUnit: { unitId: people.units.a, campaignId: visited.id, completedCampaignId: ended.id, endedInspectionId: endedA, ...a },
    otherUnit: { unitId: people.units.b, campaignId: visited.id, completedCampaignId: ended.id, endedInspectionId: endedB, ...b },
    plannedSecret: {
      unitId: people.units.a,
      campaignId: missed.id,
      completedCampaignId: cancelledBeforeVisit.id,
      inspectionId: secretId,
      endedInspectionId: secretCancelledId,
      findingId: randomUUID(),
      actionId: randomUUID(),
      caseId: randomUUID(),
      notificationId: missedNotice.id,
      attachmentId: secretUpload.id,
    },
  };
}
