import { randomUUID } from 'node:crypto';
import {
  Actor,
  CampaignCommand,
  CampaignState,
  DEMO_CHECKLIST_2023,
  decide,
  decideCampaign,
  EventShape,
  evolve,
  evolveCampaign,
  InspectionCommand,
  InspectionState,
  isRejection,
  streamIds,
  UserActor,
} from '@inspectorate/domain';
import { EventStore, NewEvent, StreamAppend } from '@inspectorate/event-store';
import { Projector } from '@inspectorate/read-model';

/**
 * Writes the rows of repository tests the way production does, without Temporal: each command is
 * decided by the real domain, its events appended by the real event store and projected by the
 * real projector in the same transaction (what the workflows' one activity does). So the SQL under
 * test reads rows no hand-written INSERT could drift from.
 */
export class DomainWriter {
  private readonly inspections = new Map<string, { state: InspectionState; version: number }>();
  private readonly campaigns = new Map<string, { state: CampaignState; version: number }>();

  constructor(private readonly store: EventStore, private readonly projector = new Projector()) {}

  /** A campaign and the planned inspections of its targets, in one append (as the campaign workflow does). */
  async campaign(lead: UserActor, inspectorIds: string[], targets: { unitId: string; windowStart: string; windowEnd: string }[]) {
    const now = new Date();
    const campaignId = randomUUID();
    const withIds = targets.map((t) => ({ ...t, inspectionId: randomUUID() }));
    const command: CampaignCommand = {
      type: 'CreateCampaign',
      campaignId,
      title: 'Kiểm tra công vụ (repository test)',
      year: Number(withIds[0].windowStart.slice(0, 4)),
      legalBasis: 'Kế hoạch 01/KH (repository test)',
      leadInspectorId: lead.userId,
      inspectorIds,
      targets: withIds,
      checklistVersion: DEMO_CHECKLIST_2023.version,
          criterionCodes: DEMO_CHECKLIST_2023.criteria.map((c) => c.code),
    };
    const decided = decideCampaign(undefined, command, lead, { now, newId: randomUUID });
    if (isRejection(decided)) throw new Error(`campaign refused: ${decided.reason}`);
    const campaignEvents = decided.map((e) => this.stamp(e, lead, now));
    let campaign = undefined as CampaignState | undefined;
    for (const event of campaignEvents) campaign = evolveCampaign(campaign, event as never);
    const appends: StreamAppend[] = [{ streamId: streamIds.campaign(campaignId), streamType: 'campaign', expectedVersion: 0, events: campaignEvents }];
    for (const target of withIds) {
      const planned = decide(
        undefined,
        {
          type: 'PlanInspection',
          inspectionId: target.inspectionId,
          campaignId,
          unitId: target.unitId,
          year: campaign!.year,
          team: campaign!.team,
          policy: campaign!.policy,
          checklistVersion: campaign!.checklistVersion,
          windowStart: target.windowStart,
          windowEnd: target.windowEnd,
        },
        lead,
        { now, newId: randomUUID },
      );
      if (isRejection(planned)) throw new Error(`inspection refused: ${planned.reason}`);
      const events = planned.map((e) => this.stamp(e, lead, now));
      this.inspections.set(target.inspectionId, { state: evolve(undefined, events[0] as never), version: events.length });
      appends.push({ streamId: streamIds.inspection(target.inspectionId), streamType: 'inspection', expectedVersion: 0, events });
    }
    await this.append(appends);
    this.campaigns.set(campaignId, { state: campaign!, version: campaignEvents.length });
    return { campaignId, inspectionIds: withIds.map((t) => t.inspectionId) };
  }

  /** One command to an inspection, decided on its current state and recorded with its projection. */
  async command(inspectionId: string, actor: Actor, command: InspectionCommand, at = new Date()): Promise<string[]> {
    const current = this.inspections.get(inspectionId);
    if (!current) throw new Error(`no inspection ${inspectionId} written here`);
    const decided = decide(current.state, command, actor, { now: at, newId: randomUUID });
    if (isRejection(decided)) throw new Error(`${command.type} refused: ${decided.reason}`);
    const events = decided.map((e) => this.stamp(e, actor, at));
    await this.append([{ streamId: streamIds.inspection(inspectionId), streamType: 'inspection', expectedVersion: current.version, events }]);
    let state = current.state;
    for (const event of events) state = evolve(state, event);
    this.inspections.set(inspectionId, { state, version: current.version + events.length });
    return events.map((e) => e.type);
  }

  state(inspectionId: string): InspectionState {
    return this.inspections.get(inspectionId)!.state;
  }

  private stamp<E extends EventShape>(event: E, actor: Actor, at: Date): NewEvent<E> {
    return { ...event, id: randomUUID(), actor, occurredAt: at.toISOString(), metadata: { correlationId: randomUUID() } };
  }

  private async append(appends: StreamAppend[]): Promise<void> {
    await this.store.append(appends, (manager, events) => this.projector.project(manager, events));
  }
}
