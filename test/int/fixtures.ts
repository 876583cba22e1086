import { randomUUID } from 'node:crypto';
import { Actor, DEMO_CHECKLIST_2023, DEFAULT_POLICY, DomainEvent, streamIds } from '@inspectorate/domain';
import { NewEvent, StreamAppend } from '@inspectorate/event-store';

/**
 * Small, valid event histories for the event log's integration tests: the projector folds them
 * with the real domain `evolve`, so they must be events the domain would decide.
 */
export const people = {
  lead: randomUUID(),
  inspector: randomUUID(),
  unitA: randomUUID(),
  unitB: randomUUID(),
};

const leadActor: Actor = { kind: 'user', userId: people.lead, role: 'lead_inspector' };
const inspectorActor: Actor = { kind: 'user', userId: people.inspector, role: 'inspector' };

let clock = Date.parse('2026-03-02T01:00:00.000Z');
/** Strictly increasing instants, so every history folds in a sensible order. */
export function tick(): string {
  clock += 60_000;
  return new Date(clock).toISOString();
}

type EventOf<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

function event<T extends DomainEvent['type']>(type: T, data: EventOf<T>['data'], actor: Actor = leadActor): NewEvent {
  // A type and its data, checked against each other above; TypeScript cannot pair them itself.
  const decided = { type, data } as EventOf<T>;
  return { id: randomUUID(), ...decided, actor, occurredAt: tick(), metadata: { correlationId: randomUUID() } };
}

const team = { leadInspectorId: people.lead, inspectorIds: [people.inspector] };
const window = { windowStart: '2026-03-02', windowEnd: '2026-03-13', opensAt: '2026-03-01T17:00:00.000Z', closesAt: '2026-03-13T17:00:00.000Z' };

export interface PlannedCampaign {
  readonly campaignId: string;
  readonly inspectionIds: string[];
  /** CampaignCreated and one InspectionPlanned per unit, as the campaign workflow appends them: one call, several streams. */
  readonly appends: StreamAppend[];
}

export function plannedCampaign(unitIds: string[] = [people.unitA]): PlannedCampaign {
  const campaignId = randomUUID();
  const targets = unitIds.map((unitId) => ({ inspectionId: randomUUID(), unitId }));
  const campaign: StreamAppend = {
    streamId: streamIds.campaign(campaignId),
    streamType: 'campaign',
    expectedVersion: 0,
    events: [
      event('CampaignCreated', {
        campaignId,
        title: 'Kiểm tra công vụ (int)',
        year: 2026,
        legalBasis: 'Kế hoạch 01/KH (int)',
        team,
        policy: DEFAULT_POLICY,
        checklistVersion: DEMO_CHECKLIST_2023.version,
        targets,
      }),
    ],
  };
  const inspections: StreamAppend[] = targets.map((t) => ({
    streamId: streamIds.inspection(t.inspectionId),
    streamType: 'inspection',
    expectedVersion: 0,
    events: [
      event('InspectionPlanned', {
        inspectionId: t.inspectionId,
        campaignId,
        unitId: t.unitId,
        year: 2026,
        team,
        policy: DEFAULT_POLICY,
        checklistVersion: DEMO_CHECKLIST_2023.version,
        window,
      }),
    ],
  }));
  return { campaignId, inspectionIds: targets.map((t) => t.inspectionId), appends: [campaign, ...inspections] };
}

export function visitStarted(inspectionId: string, expectedVersion: number): StreamAppend {
  return { streamId: streamIds.inspection(inspectionId), streamType: 'inspection', expectedVersion, events: [event('VisitStarted', { startedAt: tick() })] };
}

export function findingRecorded(inspectionId: string, expectedVersion: number, description = 'Hai công chức vắng mặt không lý do.'): StreamAppend {
  return {
    streamId: streamIds.inspection(inspectionId),
    streamType: 'inspection',
    expectedVersion,
    events: [
      event(
        'FindingRecorded',
        { findingId: randomUUID(), authorId: people.inspector, criterionCode: 'KL-01', severity: 'major', description, evidence: [{ text: 'Biên bản' }], people: [] },
        inspectorActor,
      ),
    ],
  };
}
