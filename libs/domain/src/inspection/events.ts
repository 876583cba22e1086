import { AccountabilityOutcome, AccountabilityReason, ApprovedConclusion, ConclusionContent, Evidence, FindingContent, ReminderSubject, ResponseItem, Team, VisitWindow } from './model';
import { Policy } from '../policy/policy';
import type { CampaignCancellationCause } from './commands';
import { Instant } from '../shared/time';
import type { EventShape } from '../shared/envelope';

/**
 * The facts of one inspection's stream. Events are never edited or deleted; `evolve` folds them
 * into state and the projector folds them into read models. Deadlines are computed once, when
 * the event is decided, and recorded in it: a later change to the calendar never moves a
 * deadline that was already announced.
 */
export type InspectionEvent =
  | { type: 'InspectionPlanned'; data: { inspectionId: string; campaignId: string; unitId: string; year: number; team: Team; policy: Policy; checklistVersion: string; criterionCodes?: readonly string[]; window: VisitWindow; followUpOf?: string } }
  | { type: 'VisitRescheduled'; data: { window: VisitWindow; previousWindow: VisitWindow } }
  | { type: 'VisitWindowMissed'; data: { window: VisitWindow } }
  | { type: 'VisitStarted'; data: { startedAt: Instant } }
  | { type: 'FindingRecorded'; data: { findingId: string; authorId: string } & FindingContent }
  | { type: 'FindingAmended'; data: { findingId: string; changes: Partial<FindingContent> } }
  | { type: 'FindingWithdrawn'; data: { findingId: string; reason: string; withdrawnBy: string } }
  | { type: 'VisitEnded'; data: { endedAt: Instant; conclusionDueAt: Instant } }
  | { type: 'ConclusionSubmitted'; data: { conclusion: ConclusionContent } }
  | { type: 'DissentRecorded'; data: { authorId: string; text: string } }
  | { type: 'ConclusionReturned'; data: { comment: string } }
  | { type: 'ConclusionOverdue'; data: { dueAt: Instant } }
  | { type: 'ConclusionApproved'; data: { contentHash: string; approved: ApprovedConclusion } }
  | { type: 'UnitNotified'; data: { unitId: string; responseDueAt?: Instant } }
  | { type: 'ReminderSent'; data: { subject: ReminderSubject; dueAt: Instant; reminderKey: string; actionId?: string } }
  | { type: 'ResponseSubmitted'; data: { items: ResponseItem[]; late: boolean; dueAt: Instant } }
  | { type: 'ResponseOverdue'; data: { dueAt: Instant } }
  | { type: 'ExtensionRequested'; data: { reason: string; requestedDeadline: string; requestedDueAt: Instant; currentDueAt: Instant } }
  | { type: 'ExtensionDecided'; data: { decision: 'granted' | 'refused'; note: string; previousDueAt: Instant; newDueAt?: Instant } }
  | { type: 'DisputeResolved'; data: { findingId: string; decision: 'upheld' | 'withdrawn'; note: string } }
  | { type: 'CorrectiveActionPlanned'; data: { actionId: string; findingId: string; requirement: string; owner: string; dueDate: string; dueAt: Instant; requiredDueAt: Instant } }
  | { type: 'CorrectiveActionReported'; data: { actionId: string; note: string; evidence: Evidence[] } }
  | { type: 'CorrectiveActionVerified'; data: { actionId: string; note: string } }
  | { type: 'CorrectiveActionRejected'; data: { actionId: string; note: string; newDueDate: string; newDueAt: Instant; rejectionCount: number } }
  | { type: 'CorrectiveActionOverdue'; data: { actionId: string; dueAt: Instant } }
  | { type: 'AccountabilityCaseOpened'; data: { caseId: string; reason: AccountabilityReason; unitId: string; actionId?: string } }
  | { type: 'AccountabilityDecided'; data: { caseId: string; outcome: AccountabilityOutcome; note: string } }
  | { type: 'FollowUpScheduled'; data: { followUpInspectionId: string; window: VisitWindow } }
  | { type: 'InspectionClosed'; data: Record<string, never> }
  /** `cause` and `by` are set when the campaign cancelled it (its actor is then `system`). */
  | { type: 'InspectionCancelled'; data: { reason: string; statusBefore: string; cause?: CampaignCancellationCause; by?: string } }
  /** The campaign's team changed (`by` changed it); permissions follow the new team from here on. */
  | { type: 'InspectionTeamChanged'; data: { team: Team; previousTeam: Team; by: string } }
  /** A calendar correction moved a running deadline (the administrator applied it; `reason` says why). */
  | { type: 'DeadlineRecomputed'; data: { deadline: 'conclusion' | 'response'; previousDueAt: Instant; dueAt: Instant; reason: string } };

export type InspectionEventType = InspectionEvent['type'];
export type InspectionEventOf<T extends InspectionEventType> = Extract<InspectionEvent, { type: T }>;

export const INSPECTION_EVENT_TYPES: readonly InspectionEventType[] = [
  'InspectionPlanned',
  'VisitRescheduled',
  'VisitWindowMissed',
  'VisitStarted',
  'FindingRecorded',
  'FindingAmended',
  'FindingWithdrawn',
  'VisitEnded',
  'ConclusionSubmitted',
  'DissentRecorded',
  'ConclusionReturned',
  'ConclusionOverdue',
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
  'FollowUpScheduled',
  'InspectionClosed',
  'InspectionCancelled',
  'DeadlineRecomputed',
  'InspectionTeamChanged',
];

const INSPECTION_EVENT_TYPE_SET: ReadonlySet<string> = new Set(INSPECTION_EVENT_TYPES);

/** Whether an event (of the log, of any stream) is an inspection's: narrows it without a cast. */
export function isInspectionEvent<E extends EventShape>(event: E): event is Extract<E, { type: InspectionEventType }> {
  return INSPECTION_EVENT_TYPE_SET.has(event.type);
}
