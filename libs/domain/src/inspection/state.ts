import type { CampaignCancellationCause } from './commands';
import { AccountabilityOutcome, AccountabilityReason, ApprovedConclusion, ConclusionContent, Dissent, Evidence, FindingContent, InspectionStatus, ResponseItem, Team, VisitWindow } from './model';
import { Policy } from '../policy/policy';
import { Instant } from '../shared/time';

export interface FindingState extends FindingContent {
  readonly id: string;
  readonly authorId: string;
  readonly recordedAt: Instant;
  readonly amendedAt?: Instant;
  /** `withdrawn` by its author or the lead during the visit, or after a dispute resolved so. */
  readonly status: 'open' | 'withdrawn';
  readonly withdrawal?: { readonly reason: string; readonly by: string; readonly at: Instant };
  readonly dispute?: { readonly status: 'pending' | 'upheld' | 'withdrawn'; readonly explanation: string; readonly note?: string; readonly resolvedAt?: Instant };
}

export interface ConclusionState extends ConclusionContent {
  readonly submittedAt: Instant;
  readonly returns: readonly { readonly comment: string; readonly at: Instant }[];
}

export interface ActionState {
  readonly id: string;
  readonly findingId: string;
  readonly requirement: string;
  readonly owner: string;
  readonly dueDate: string;
  readonly dueAt: Instant;
  /** The due date the approved conclusion required; a plan may not go beyond it. */
  readonly requiredDueAt: Instant;
  readonly status: 'open' | 'reported' | 'verified' | 'rejected';
  readonly overdue: boolean;
  readonly plannedAt: Instant;
  readonly rejections: number;
  readonly reports: readonly { readonly note: string; readonly evidence: readonly Evidence[]; readonly at: Instant }[];
  readonly reportedAt?: Instant;
  readonly verifiedAt?: Instant;
  readonly lastRejection?: { readonly note: string; readonly at: Instant };
}

export interface AccountabilityCaseState {
  readonly id: string;
  readonly reason: AccountabilityReason;
  readonly unitId: string;
  readonly actionId?: string;
  readonly openedAt: Instant;
  readonly status: 'open' | 'decided';
  readonly outcome?: AccountabilityOutcome;
  readonly note?: string;
  readonly decidedAt?: Instant;
}

/** A deadline and when it was set: reminders only count from then on. */
export interface Deadline {
  readonly dueAt: Instant;
  readonly setAt: Instant;
}

export interface InspectionState {
  readonly id: string;
  readonly campaignId: string;
  readonly unitId: string;
  readonly year: number;
  readonly status: InspectionStatus;
  readonly team: Team;
  readonly policy: Policy;
  readonly checklistVersion: string;
  /** The criteria findings may name; absent for inspections planned before they travelled in events (criterionCodesOf). */
  readonly criterionCodes?: readonly string[];
  readonly window: VisitWindow;
  readonly windowMissed: boolean;
  readonly plannedAt: Instant;
  readonly followUpOf?: string;
  readonly followUps: readonly string[];
  readonly startedAt?: Instant;
  readonly visitEndedAt?: Instant;
  readonly findings: readonly FindingState[];
  readonly conclusionDeadline?: Deadline;
  readonly conclusionOverdue: boolean;
  readonly conclusion?: ConclusionState;
  readonly dissents: readonly Dissent[];
  readonly approval?: { readonly contentHash: string; readonly approvedAt: Instant; readonly approved: ApprovedConclusion };
  readonly responseDeadline?: Deadline;
  readonly responseOverdue: boolean;
  readonly response?: { readonly items: readonly ResponseItem[]; readonly submittedAt: Instant; readonly late: boolean };
  readonly extension?: {
    readonly status: 'pending' | 'granted' | 'refused';
    readonly reason: string;
    readonly requestedDeadline: string;
    readonly requestedDueAt: Instant;
    readonly requestedAt: Instant;
    readonly note?: string;
    readonly decidedAt?: Instant;
  };
  readonly actions: readonly ActionState[];
  readonly cases: readonly AccountabilityCaseState[];
  /** Keys of reminders already sent, so a restarted timer never sends one twice. */
  readonly remindersSent: readonly string[];
  readonly closedAt?: Instant;
  /** `cause` is set when the campaign cancelled it (the campaign was cancelled, or this planned target removed). */
  readonly cancellation?: { readonly reason: string; readonly at: Instant; readonly by: string; readonly statusBefore: string; readonly cause?: CampaignCancellationCause };
  /** The time of the latest event: commands may not be dated before it. */
  readonly lastEventAt: Instant;
}
