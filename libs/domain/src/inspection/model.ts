import { Policy } from '../policy/policy';
import { Instant } from '../shared/time';

export const INSPECTION_STATUSES = [
  'planned',
  'in_progress',
  'drafting',
  'awaiting_approval',
  'awaiting_response',
  'remediating',
  'closed',
  'cancelled',
] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RATINGS = ['good', 'fair', 'poor'] as const;
export type Rating = (typeof RATINGS)[number];

export const ACCOUNTABILITY_OUTCOMES = ['reminded', 'criticized', 'disciplinary_review'] as const;
export type AccountabilityOutcome = (typeof ACCOUNTABILITY_OUTCOMES)[number];

export interface Team {
  readonly leadInspectorId: string;
  readonly inspectorIds: readonly string[];
}

/**
 * A confidential visit window as the lead gave it (a day or an exact instant at each end) and
 * the instants it resolves to in Asia/Ho_Chi_Minh.
 */
export interface VisitWindow {
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly opensAt: Instant;
  readonly closesAt: Instant;
}

export type Evidence = { readonly attachmentId: string } | { readonly text: string };

export interface FindingContent {
  readonly criterionCode: string;
  readonly severity: Severity;
  readonly description: string;
  readonly evidence: readonly Evidence[];
  readonly people: readonly string[];
}

export interface RequiredAction {
  readonly findingId: string;
  readonly requirement: string;
  /** As the lead wrote it: a day or an exact instant. */
  readonly dueDate: string;
  readonly dueAt: Instant;
}

export interface ConclusionContent {
  readonly summary: string;
  readonly rating: Rating;
  readonly actions: readonly RequiredAction[];
}

export interface Dissent {
  readonly authorId: string;
  readonly text: string;
  readonly recordedAt: Instant;
}

export type ResponsePosition = 'accepted' | 'disputed';

export interface ActionPlan {
  readonly owner: string;
  readonly dueDate: string;
}

export interface ResponseItem {
  readonly findingId: string;
  readonly position: ResponsePosition;
  readonly explanation: string;
  readonly plan?: ActionPlan;
}

/** What the chairman approved, frozen: the unit receives exactly this. */
export interface ApprovedConclusion {
  readonly conclusion: ConclusionContent;
  readonly findings: readonly ({ readonly id: string } & FindingContent)[];
  readonly dissents: readonly Dissent[];
}

export type AccountabilityReason = 'response_overdue' | 'action_rejected_twice';

export type NotificationKind = 'reminder' | 'escalation' | 'request' | 'information';

export type ReminderSubject = 'conclusion' | 'response' | 'verification';

export type { Policy };
