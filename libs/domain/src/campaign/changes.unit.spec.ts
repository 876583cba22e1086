import { CampaignCommand, CampaignEvent, CampaignState, decideCampaign, evolveCampaign, withInspectionStatus } from './campaign';
import { ordersFor, ordersForFollowUp } from './changes';
import { Actor, UserActor } from '../shared/actor';
import { Stamped } from '../shared/envelope';
import { isRejection, Rejection } from '../shared/rejection';
import { fixedContext as context } from '@inspectorate/domain-testing/decider-spec';
import { CAMPAIGN_ID, CHECKLIST_VERSION, localTime, OTHER_UNIT_ID, people, system, TEAM, UNIT_ID } from '@inspectorate/domain-testing/fixtures';

const NOW = localTime('2026-03-02 09:00');

function decided(state: CampaignState | undefined, command: CampaignCommand, actor: Actor): CampaignEvent[] | Rejection {
  return decideCampaign(state, command, actor, context(NOW));
}

function apply(state: CampaignState | undefined, command: CampaignCommand, actor: Actor): CampaignState {
  const events = decided(state, command, actor);
  if (isRejection(events)) throw new Error(`Rejected (${events.code}): ${events.reason}`);
  return events.reduce<CampaignState | undefined>((s, e) => evolveCampaign(s, { ...e, actor, occurredAt: NOW.toISOString() } as Stamped<CampaignEvent>), state)!;
}

function refusal(state: CampaignState, command: CampaignCommand, actor: Actor): string {
  const result = decided(state, command, actor);
  if (!isRejection(result)) throw new Error(`Expected a rejection, got ${result.map((e) => e.type).join(', ')}`);
  return result.code;
}

const campaign = (): CampaignState =>
  apply(
    undefined,
    {
      type: 'CreateCampaign',
      campaignId: CAMPAIGN_ID,
      title: 'Kiểm tra 2026',
      year: 2026,
      legalBasis: 'Kế hoạch 45/KH-UBND',
      leadInspectorId: TEAM.leadInspectorId,
      inspectorIds: [...TEAM.inspectorIds],
      targets: [
        { inspectionId: 'inspection-1', unitId: UNIT_ID, windowStart: '2026-03-09', windowEnd: '2026-03-13' },
        { inspectionId: 'inspection-2', unitId: OTHER_UNIT_ID, windowStart: '2026-03-16', windowEnd: '2026-03-20' },
      ],
      checklistVersion: CHECKLIST_VERSION,
    },
    people.lead,
  );

const newTeam = { type: 'ChangeCampaignTeam' as const, leadInspectorId: people.otherLead.userId, inspectorIds: [people.inspectorAn.userId, people.lead.userId] };

describe('changing a campaign', () => {
  it('records a new title and legal basis, trimmed, with what they replaced', () => {
    const [event] = decided(campaign(), { type: 'ChangeCampaignDetails', title: '  Kiểm tra công vụ 2026 ', legalBasis: 'Kế hoạch 46/KH-UBND' }, people.lead) as CampaignEvent[];
    expect(event).toEqual({
      type: 'CampaignDetailsChanged',
      data: { title: 'Kiểm tra công vụ 2026', legalBasis: 'Kế hoạch 46/KH-UBND', previousTitle: 'Kiểm tra 2026', previousLegalBasis: 'Kế hoạch 45/KH-UBND' },
    });
    expect(apply(campaign(), { type: 'ChangeCampaignDetails', legalBasis: 'Kế hoạch 46/KH-UBND' }, people.lead)).toMatchObject({ title: 'Kiểm tra 2026', legalBasis: 'Kế hoạch 46/KH-UBND' });
  });

  it('records nothing when nothing changes, and refuses empty or too long texts', () => {
    expect(decided(campaign(), { type: 'ChangeCampaignDetails', title: 'Kiểm tra 2026' }, people.lead)).toEqual([]);
    const empty = decided(campaign(), { type: 'ChangeCampaignDetails', title: '  ', legalBasis: 'x'.repeat(1001) }, people.lead) as Rejection;
    expect(empty.code).toBe('invalid');
    expect(empty.errors?.map((e) => e.field)).toEqual(['title', 'legalBasis']);
  });

  it.each([
    ['an inspector of the team', people.inspectorAn],
    ['another lead inspector', people.otherLead],
    ['the chairman', people.chairman],
    ['the admin', people.admin],
    ['the system', system],
  ])('lets only the lead change the details, not %s', (_, actor) => {
    expect(refusal(campaign(), { type: 'ChangeCampaignDetails', title: 'Khác' }, actor)).toBe('forbidden');
  });

  it('records the new team with who joined and who left, and the inspections follow it', () => {
    const before = campaign();
    const events = decided(before, newTeam, people.lead) as CampaignEvent[];
    expect(events).toEqual([
      {
        type: 'CampaignTeamChanged',
        data: {
          team: { leadInspectorId: people.otherLead.userId, inspectorIds: [people.inspectorAn.userId, people.lead.userId] },
          previousTeam: TEAM,
          added: [people.otherLead.userId],
          removed: [people.inspectorBinh.userId],
        },
      },
    ]);
    const closedOne = withInspectionStatus(before, 'inspection-2', 'closed');
    const orders = ordersFor(events.filter((e) => e.type === 'CampaignTeamChanged') as never, closedOne, people.lead);
    expect(orders).toEqual([{ inspectionId: 'inspection-1', command: { type: 'FollowCampaignTeam', team: expect.objectContaining({ leadInspectorId: people.otherLead.userId }), by: people.lead.userId } }]);
    expect(apply(before, newTeam, people.lead).team.leadInspectorId).toBe(people.otherLead.userId);
  });

  it('lets the chairman replace the lead, but nobody else; the new lead cannot also be an inspector', () => {
    expect(isRejection(decided(campaign(), newTeam, people.chairman))).toBe(false);
    expect(refusal(campaign(), newTeam, people.inspectorAn)).toBe('forbidden');
    expect(refusal(campaign(), newTeam, people.otherLead)).toBe('forbidden');
    expect(refusal(campaign(), { ...newTeam, inspectorIds: [people.otherLead.userId] }, people.lead)).toBe('invalid');
    expect(refusal(campaign(), { ...newTeam, leadInspectorId: '' }, people.lead)).toBe('invalid');
    // After the change the old lead may no longer change it.
    expect(refusal(apply(campaign(), newTeam, people.lead), { type: 'ChangeCampaignDetails', title: 'Khác' }, people.lead)).toBe('forbidden');
  });

  it('removes a target only while it is planned, and cancels its inspection', () => {
    const state = campaign();
    const events = decided(state, { type: 'RemoveTarget', inspectionId: 'inspection-1', reason: 'Đơn vị vừa được kiểm tra.' }, people.lead) as CampaignEvent[];
    expect(events).toEqual([{ type: 'CampaignTargetRemoved', data: { inspectionId: 'inspection-1', unitId: UNIT_ID, reason: 'Đơn vị vừa được kiểm tra.' } }]);
    expect(ordersFor(events as never, state, people.lead)).toEqual([
      { inspectionId: 'inspection-1', command: { type: 'CancelWithCampaign', reason: 'Đơn vị vừa được kiểm tra.', cause: 'target_removed', by: people.lead.userId } },
    ]);
    const after = apply(state, { type: 'RemoveTarget', inspectionId: 'inspection-1', reason: 'Đơn vị vừa được kiểm tra.' }, people.lead);
    expect(after.targets.map((t) => t.inspectionId)).toEqual(['inspection-2']);
    expect(after.removedTargets).toEqual([{ inspectionId: 'inspection-1', unitId: UNIT_ID, reason: 'Đơn vị vừa được kiểm tra.', at: NOW.toISOString() }]);
    expect(refusal(after, { type: 'RemoveTarget', inspectionId: 'inspection-1', reason: 'Lần nữa.' }, people.lead)).toBe('conflict');
    expect(refusal(withInspectionStatus(state, 'inspection-2', 'in_progress'), { type: 'RemoveTarget', inspectionId: 'inspection-2', reason: 'Muộn.' }, people.lead)).toBe('conflict');
    expect(refusal(state, { type: 'RemoveTarget', inspectionId: 'inspection-2', reason: '' }, people.lead)).toBe('invalid');
    expect(refusal(state, { type: 'RemoveTarget', inspectionId: 'inspection-2', reason: 'Không.' }, people.chairman)).toBe('forbidden');
  });

  it('cancels the campaign with a reason, and with it every open inspection', () => {
    const state = withInspectionStatus(campaign(), 'inspection-2', 'closed');
    const events = decided(state, { type: 'CancelCampaign', reason: 'Sáp nhập đơn vị hành chính.' }, people.chairman) as CampaignEvent[];
    expect(events).toEqual([{ type: 'CampaignCancelled', data: { reason: 'Sáp nhập đơn vị hành chính.', openInspectionIds: ['inspection-1'] } }]);
    expect(ordersFor(events as never, state, people.chairman as UserActor).map((o) => [o.inspectionId, o.command.type])).toEqual([['inspection-1', 'CancelWithCampaign']]);
    const cancelled = apply(state, { type: 'CancelCampaign', reason: 'Sáp nhập đơn vị hành chính.' }, people.lead);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellation: { reason: 'Sáp nhập đơn vị hành chính.', by: people.lead.userId } });
    expect(refusal(state, { type: 'CancelCampaign', reason: 'x' }, people.inspectorAn)).toBe('forbidden');
    expect(refusal(state, { type: 'CancelCampaign', reason: ' ' }, people.lead)).toBe('invalid');
  });

  it('refuses every change once the campaign is cancelled, and it never completes afterwards', () => {
    const cancelled = apply(campaign(), { type: 'CancelCampaign', reason: 'Dừng.' }, people.lead);
    for (const command of [
      { type: 'ChangeCampaignDetails', title: 'Khác' },
      newTeam,
      { type: 'RemoveTarget', inspectionId: 'inspection-1', reason: 'x' },
      { type: 'CancelCampaign', reason: 'Lần nữa.' },
      { type: 'AddTarget', inspectionId: 'inspection-3', unitId: UNIT_ID, windowStart: '2026-03-09', windowEnd: '2026-03-13' },
    ] as CampaignCommand[]) {
      expect(refusal(cancelled, command, people.lead)).toBe('conflict');
    }
    let state = withInspectionStatus(cancelled, 'inspection-1', 'cancelled');
    state = withInspectionStatus(state, 'inspection-2', 'cancelled');
    expect(decided(state, { type: 'RecordInspectionStatus', inspectionId: 'inspection-2', status: 'cancelled' }, system)).toEqual([]);
  });

  it('cancels a follow-up that joins it once cancelled, with its reason; an active campaign keeps it', () => {
    const adopt = { type: 'AdoptFollowUp', inspectionId: 'inspection-9', unitId: UNIT_ID, followUpOf: 'inspection-1' } as const;
    const cancelled = apply(campaign(), { type: 'CancelCampaign', reason: 'Dừng.' }, people.chairman);
    expect(ordersForFollowUp(apply(cancelled, adopt, system), 'inspection-9')).toEqual([
      { inspectionId: 'inspection-9', command: { type: 'CancelWithCampaign', reason: 'Dừng.', cause: 'campaign_cancelled', by: people.chairman.userId } },
    ]);
    expect(ordersForFollowUp(apply(campaign(), adopt, system), 'inspection-9')).toEqual([]);
  });

  it('cannot cancel a completed campaign', () => {
    const done = { ...campaign(), status: 'completed' as const };
    expect(refusal(done, { type: 'CancelCampaign', reason: 'Muộn.' }, people.lead)).toBe('conflict');
  });
});
