import { EntityManager } from 'typeorm';
import {
  CampaignEvent,
  CampaignState,
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
    const touchedUnitYears = new Map<string, { unitId: string; year: number }>();

    for (const stream of groupByStream(events)) {
      if (stream.kind === 'campaign') {
        await this.projectCampaign(manager, stream.streamId, stream.events);
      } else {
        const { state, statusChanged, scorecardInputsChanged } = await this.projectInspection(manager, stream.events);
        // Campaign progress and status depend only on its inspections' statuses; a unit's
        // scorecard only on the rows it counts. Recomputing them is most of an append's SQL.
        if (statusChanged) touchedCampaigns.add(state.campaignId);
        if (scorecardInputsChanged) touchedUnitYears.set(`${state.unitId}:${state.year}`, { unitId: state.unitId, year: state.year });
      }
    }
    for (const campaignId of touchedCampaigns) await refreshCampaignProgress(manager, campaignId);
    for (const { unitId, year } of touchedUnitYears.values()) await refreshUnitScorecard(manager, unitId, year);
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
    await refreshCampaignProgress(manager, state.id);
  }

  private async projectInspection(manager: EntityManager, events: StoredEvent<InspectionEvent>[]): Promise<{ state: InspectionState; statusChanged: boolean; scorecardInputsChanged: boolean }> {
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
    const scorecardInputsChanged =
      !existing || findings.length > 0 || actions.length > 0 || cases.length > 0 || SCORECARD_COLUMNS.some((column) => !same(existing[column], row[column]));
    return { state, statusChanged: existing?.status !== state.status, scorecardInputsChanged };
  }
}

/** The inspection columns a unit scorecard reads (refreshUnitScorecard). */
const SCORECARD_COLUMNS = ['status', 'startedAt', 'responseSubmittedAt', 'responseLate', 'responseOverdue', 'rating', 'approvedAt'] as const;

function same(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
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

async function refreshCampaignProgress(manager: EntityManager, campaignId: string): Promise<void> {
  await manager.query(
    `INSERT INTO campaign_progress (campaign_id, planned, in_progress, closed, cancelled, cancelled_before_visit, total)
     SELECT $1::uuid,
            count(*) FILTER (WHERE status = 'planned'),
            count(*) FILTER (WHERE status NOT IN ('planned', 'closed', 'cancelled')),
            count(*) FILTER (WHERE status = 'closed'),
            count(*) FILTER (WHERE status = 'cancelled'),
            count(*) FILTER (WHERE status = 'cancelled' AND started_at IS NULL),
            count(*)
       FROM inspections WHERE campaign_id = $1
     ON CONFLICT (campaign_id) DO UPDATE SET
       planned = EXCLUDED.planned, in_progress = EXCLUDED.in_progress, closed = EXCLUDED.closed,
       cancelled = EXCLUDED.cancelled, cancelled_before_visit = EXCLUDED.cancelled_before_visit, total = EXCLUDED.total`,
    [campaignId],
  );
  // A campaign's status is derived from its inspections, in the same transaction as the last one
  // closing, so a read right after that command already sees it. The campaign workflow records
  // CampaignCompleted (and CampaignReopened) as facts shortly after; they never disagree for long,
  // and deriving keeps this row independent of the order in which the two streams are appended.
  // A cancelled campaign stays cancelled (CampaignCancelled is the one status not derived).
  await manager.query(
    `UPDATE campaigns c
        SET status = CASE WHEN c.status = 'cancelled' THEN 'cancelled'
                          WHEN p.total > 0 AND p.planned + p.in_progress = 0 THEN 'completed' ELSE 'active' END,
            completed_at = CASE WHEN c.status <> 'cancelled' AND p.total > 0 AND p.planned + p.in_progress = 0
                                THEN (SELECT max(coalesce(i.closed_at, i.cancelled_at)) FROM inspections i WHERE i.campaign_id = c.id)
                                ELSE NULL END
       FROM campaign_progress p
      WHERE p.campaign_id = c.id AND c.id = $1`,
    [campaignId],
  );
}

/**
 * Counts match the reports' definitions (libs/reports): findings and actions of cancelled
 * inspections do not count; an action is overdue while open or rejected past its due date.
 */
async function refreshUnitScorecard(manager: EntityManager, unitId: string, year: number): Promise<void> {
  await manager.query(
    `WITH own AS (SELECT * FROM inspections WHERE unit_id = $1 AND year = $2),
          live AS (SELECT f.* FROM findings f JOIN own i ON i.id = f.inspection_id WHERE i.status <> 'cancelled' AND f.status = 'open'),
          acts AS (SELECT a.* FROM corrective_actions a JOIN own i ON i.id = a.inspection_id WHERE i.status <> 'cancelled')
     INSERT INTO unit_scorecards (unit_id, year, inspections, closed, findings, open_findings, critical_findings,
                                  actions_total, actions_verified, actions_overdue, responses_on_time, responses_due,
                                  accountability_cases, latest_rating)
     SELECT $1::uuid, $2::int,
            (SELECT count(*) FROM own WHERE started_at IS NOT NULL),
            (SELECT count(*) FROM own WHERE status = 'closed'),
            (SELECT count(*) FROM live),
            (SELECT count(*) FROM live WHERE open),
            (SELECT count(*) FROM live WHERE severity = 'critical'),
            (SELECT count(*) FROM acts),
            (SELECT count(*) FROM acts WHERE status = 'verified'),
            (SELECT count(*) FROM acts WHERE overdue AND status IN ('open', 'rejected')),
            (SELECT count(*) FROM own WHERE response_submitted_at IS NOT NULL AND NOT response_late),
            (SELECT count(*) FROM own WHERE response_submitted_at IS NOT NULL OR response_overdue),
            (SELECT count(*) FROM accountability_cases c WHERE c.unit_id = $1 AND c.year = $2),
            (SELECT rating FROM own WHERE rating IS NOT NULL ORDER BY approved_at DESC LIMIT 1)
     ON CONFLICT (unit_id, year) DO UPDATE SET
       inspections = EXCLUDED.inspections, closed = EXCLUDED.closed, findings = EXCLUDED.findings,
       open_findings = EXCLUDED.open_findings, critical_findings = EXCLUDED.critical_findings,
       actions_total = EXCLUDED.actions_total, actions_verified = EXCLUDED.actions_verified,
       actions_overdue = EXCLUDED.actions_overdue, responses_on_time = EXCLUDED.responses_on_time,
       responses_due = EXCLUDED.responses_due, accountability_cases = EXCLUDED.accountability_cases,
       latest_rating = EXCLUDED.latest_rating`,
    [unitId, year],
  );
}

