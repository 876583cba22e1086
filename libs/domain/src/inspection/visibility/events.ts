import { InspectionEventType } from '../events';
import { InspectionSight } from './fields';

/**
 * What a unit head may read of an inspection's history: what happened at their unit from the
 * visit on, and what was approved. Never the planning (windows, reschedules), the draft
 * conclusion and its returns, the team's reminders, or a scheduled follow-up.
 */
export const UNIT_HEAD_EVENTS: ReadonlySet<InspectionEventType> = new Set<InspectionEventType>([
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

/** An event as the policy needs it: its type and its data (a stored event is one). */
export interface EventFacts {
  readonly type: string;
  readonly data: unknown;
}

/**
 * Whether this event of a visible inspection is shown. Staff see the whole history but a
 * follow-up scheduled from it unless they are insiders; a unit head sees `UNIT_HEAD_EVENTS`, and
 * of the reminders only those about their own response.
 */
export function canSeeEvent(sight: InspectionSight, event: EventFacts): boolean {
  if (sight.wholeHistory) return sight.followUps || event.type !== 'FollowUpScheduled';
  if (!UNIT_HEAD_EVENTS.has(event.type as InspectionEventType)) return false;
  if (event.type === 'DeadlineRecomputed') return (event.data as { deadline?: string }).deadline === 'response';
  return event.type !== 'ReminderSent' || (event.data as { subject?: string }).subject === 'response';
}

/** The event's data as shown: a unit head learns when the visit ended, not the team's notes on it. */
export function visibleEventData(sight: InspectionSight, event: EventFacts): unknown {
  if (sight.wholeHistory || event.type !== 'VisitEnded') return event.data;
  const { endedAt } = event.data as { endedAt: string };
  return { endedAt };
}
