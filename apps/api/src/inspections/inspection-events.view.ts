import { Actor, InspectionEventType, InspectionState, isTeamMember, UserActor } from '@inspectorate/domain';
import { StoredEvent } from '@inspectorate/event-store';

export interface EventView {
  readonly id: string;
  /** Not shown to a unit head: positions and versions count the events hidden from them. */
  readonly position?: number;
  readonly version?: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly data: unknown;
}

/**
 * What a unit head may read of an inspection's history: what happened at their unit from the
 * visit on, and what was approved. Never the planning (windows, reschedules), the draft
 * conclusion and its returns, the team's reminders, or a scheduled follow-up.
 */
const UNIT_HEAD_EVENTS: ReadonlySet<InspectionEventType> = new Set<InspectionEventType>([
  'VisitStarted',
  'FindingRecorded',
  'FindingAmended',
  'FindingWithdrawn',
  'VisitEnded',
  'ConclusionApproved',
  'UnitNotified',
  'ReminderSent',
  'ResponseSubmitted',
  'ResponseOverdue',
  'ExtensionRequested',
  'ExtensionDecided',
  'DisputeResolved',
  'CorrectiveActionPlanned',
  'CorrectiveActionReported',
  'CorrectiveActionVerified',
  'CorrectiveActionRejected',
  'CorrectiveActionOverdue',
  'AccountabilityCaseOpened',
  'AccountabilityDecided',
  'InspectionClosed',
  'InspectionCancelled',
  // Only a moved response deadline (the conclusion's is the team's business), filtered below.
  'DeadlineRecomputed',
]);

export function visibleEvents(events: readonly StoredEvent[], state: InspectionState, viewer: UserActor): EventView[] {
  const insider = viewer.role === 'chairman' || isTeamMember(viewer, state.team);
  return events
    .filter((event) => {
      if (viewer.role !== 'unit_head') return insider || event.type !== 'FollowUpScheduled';
      if (!UNIT_HEAD_EVENTS.has(event.type as InspectionEventType)) return false;
      if (event.type === 'DeadlineRecomputed') return (event.data as { deadline?: string }).deadline === 'response';
      return event.type !== 'ReminderSent' || (event.data as { subject?: string }).subject === 'response';
    })
    .map((event) => ({
      id: event.id,
      ...(viewer.role === 'unit_head' ? {} : { position: event.position, version: event.version }),
      type: event.type,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.actor,
      data: viewer.role === 'unit_head' ? redactForUnit(event) : event.data,
    }));
}

function redactForUnit(event: StoredEvent): unknown {
  if (event.type === 'VisitEnded') {
    const { endedAt } = event.data as { endedAt: string };
    return { endedAt };
  }
  return event.data;
}
