import { EntityManager } from 'typeorm';
import {
  CampaignEvent,
  CampaignState,
  CompletionFacts,
  completionOf,
  evolve,
  evolveCampaign,
  InspectionEvent,
  InspectionState,
  isCampaignEvent,
  isInspectionEvent,
  notificationsFor,
  streamIds,
} from '@inspectorate/domain';
import { StoredEvent } from '@inspectorate/event-store';
import {
  AccountabilityCaseEntity,
  CampaignEntity,
  CorrectiveActionEntity,
  FindingEntity,
  InspectionEntity,
  NotificationEntity,
} from './entities';
import { actionRows, campaignRow, caseRows, findingRows, inspectionRow } from './rows';

/**
 * Folds appended events into the read model, inside the append's transaction: a read never
 * lags the write it follows, and a failed projection rolls the events back with it. A rebuild
 * replays the whole log through this same code.
 */
export class Projector {
  async project(manager: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    const touchedCampaigns = new Set<string>();

    for (const stream of groupByStream(events)) {
      if (stream.kind === 'campaign') {
        await this.projectCampaign(manager, stream.streamId, stream.events);
      } else {
        const { state, statusChanged } = await this.projectInspection(manager, stream.events);
        // A campaign's status depends only on its inspections' statuses: derive it again only
        // when one changed.
        if (statusChanged) touchedCampaigns.add(state.campaignId);
      }
    }
    for (const campaignId of touchedCampaigns) await refreshCampaignStatus(manager, campaignId);
  }

  private async projectCampaign(manager: EntityManager, streamId: string, events: StoredEvent<CampaignEvent>[]): Promise<void> {
    const existing = await manager.findOne(CampaignEntity, { where: { id: streamIds.parse(streamId)!.id } });
    let state: CampaignState | undefined = existing?.state;
    let version = existing?.version ?? 0;
    for (const event of events) {
      if (event.version <= version) continue;
      state = evolveCampaign(state, event);
      version = event.version;
    }
    if (!state) return;
    await manager.upsert(CampaignEntity, campaignRow(state, version), ['id']);
    await refreshCampaignStatus(manager, state.id);
  }

  private async projectInspection(manager: EntityManager, events: StoredEvent<InspectionEvent>[]): Promise<{ state: InspectionState; statusChanged: boolean }> {
    const id = streamIds.parse(events[0].streamId)!.id;
    const existing = await manager.findOne(InspectionEntity, { where: { id } });
    let state: InspectionState | undefined = existing?.state;
    let version = existing?.version ?? 0;
    const notifications: NotificationEntity[] = [];
    for (const event of events) {
      if (event.version <= version) continue;
      state = evolve(state, event);
      version = event.version;
      notificationsFor(event, state).forEach((draft, index) => {
        const audience = draft.audience;
        notifications.push({
          id: `${event.id}:${index}`,
          eventId: event.id,
          eventPosition: event.position,
          inspectionId: state!.id,
          recipientUserId: 'userId' in audience ? audience.userId : null,
          recipientRole: 'role' in audience ? audience.role : null,
          recipientUnitId: 'unitId' in audience ? audience.unitId : null,
          kind: draft.kind,
          topic: draft.topic,
          message: draft.message,
          messageVi: draft.messageVi,
          createdAt: new Date(event.occurredAt),
        });
      });
    }
    if (!state) throw new Error(`Inspection stream ${events[0].streamId} has no InspectionPlanned event`);
    const updatedAt = new Date(events[events.length - 1].occurredAt);
    const row = inspectionRow(state, version, updatedAt);
    await manager.upsert(InspectionEntity, row, ['id']);
    // Rows derive from the state, so only those that differ from the ones the previous state gave
    // need writing (an append used to rewrite every finding of its inspection).
    const previous = existing?.state;
    const findings = changedRows(previous ? findingRows(previous) : [], findingRows(state));
    if (findings.length > 0) await manager.upsert(FindingEntity, findings, ['id']);
    const actions = changedRows(previous ? actionRows(previous) : [], actionRows(state));
    if (actions.length > 0) await manager.upsert(CorrectiveActionEntity, actions, ['id']);
    const cases = changedRows(previous ? caseRows(previous) : [], caseRows(state));
    if (cases.length > 0) await manager.upsert(AccountabilityCaseEntity, cases, ['id']);
    if (notifications.length > 0) await manager.insert(NotificationEntity, notifications);
    return { state, statusChanged: existing?.status !== state.status };
  }
}

function changedRows<R extends { id: string }>(before: readonly R[], after: readonly R[]): R[] {
  const previous = new Map(before.map((row) => [row.id, JSON.stringify(row)]));
  return after.filter((row) => previous.get(row.id) !== JSON.stringify(row));
}

type StreamEvents =
  | { readonly kind: 'inspection'; readonly streamId: string; readonly events: StoredEvent<InspectionEvent>[] }
  | { readonly kind: 'campaign'; readonly streamId: string; readonly events: StoredEvent<CampaignEvent>[] };

/**
 * The events of each stream, in the order the streams first appear, typed by the stream's kind.
 * An event of the other kind in a stream means the log is corrupt: projecting it would be wrong.
 */
function groupByStream(events: readonly StoredEvent[]): StreamEvents[] {
  const streams = new Map<string, StreamEvents>();
  for (const event of events) {
    let stream = streams.get(event.streamId);
    if (!stream) {
      stream = event.streamType === 'campaign' ? { kind: 'campaign', streamId: event.streamId, events: [] } : { kind: 'inspection', streamId: event.streamId, events: [] };
      streams.set(event.streamId, stream);
    }
    if (stream.kind === 'campaign' && isCampaignEvent(event)) stream.events.push(event);
    else if (stream.kind === 'inspection' && isInspectionEvent(event)) stream.events.push(event);
    else throw new Error(`Event ${event.id} (${event.type}) does not belong in ${stream.kind} stream ${event.streamId}.`);
  }
  return [...streams.values()];
}

async function refreshCampaignStatus(manager: EntityManager, campaignId: string): Promise<void> {
  // A campaign's status is derived from its inspections, in the same transaction as the last one
  // closing, so a read right after that command already sees it. The campaign workflow records
  // CampaignCompleted (and CampaignReopened) as facts shortly after; they never disagree for long,
  // and deriving keeps this row independent of the order in which the two streams are appended.
  // The rule is the domain's `completionOf`, the same one that gives a viewer who sees only some
  // of the inspections their status, so there is one definition of "completed".
  const inspections: CompletionFacts[] = await manager.query(
    `SELECT status, closed_at AS "closedAt", cancelled_at AS "cancelledAt" FROM inspections WHERE campaign_id = $1`,
    [campaignId],
  );
  const { status, completedAt } = completionOf(inspections);
  // A cancelled campaign stays cancelled (CampaignCancelled is the one status not derived).
  await manager.query(`UPDATE campaigns SET status = $2, completed_at = $3 WHERE id = $1 AND status <> 'cancelled'`, [campaignId, status, completedAt ?? null]);
}
