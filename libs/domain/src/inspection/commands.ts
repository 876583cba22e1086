import { AccountabilityOutcome, Evidence, FindingContent, Rating, ReminderSubject, ResponseItem, Severity, Team } from './model';
import { Policy } from '../policy/policy';

/**
 * What people (and the workflow's timers) ask of an inspection. Ids of things a client must be
 * able to address right away (a new finding, a follow-up inspection) are chosen by the caller;
 * everything else is named by the decider.
 */
export type InspectionCommand =
  | {
      type: 'PlanInspection';
      inspectionId: string;
      campaignId: string;
      unitId: string;
      year: number;
      team: Team;
      policy: Policy;
      checklistVersion: string;
      /** The codes of that version's criteria (absent in commands from before they travelled with it). */
      criterionCodes?: readonly string[];
      windowStart: string;
      windowEnd: string;
      followUpOf?: string;
    }
  | { type: 'RescheduleVisit'; windowStart: string; windowEnd: string }
  | { type: 'StartVisit' }
  | { type: 'RecordFinding'; findingId: string; criterionCode: string; severity: Severity; description: string; evidence?: Evidence[]; people?: string[] }
  | { type: 'AmendFinding'; findingId: string; changes: Partial<FindingContent> }
  | { type: 'WithdrawFinding'; findingId: string; reason: string }
  | { type: 'EndVisit' }
  | { type: 'SubmitConclusion'; summary: string; rating: Rating; actions: { findingId: string; requirement: string; dueDate: string }[] }
  | { type: 'RecordDissent'; text: string }
  | { type: 'ReturnConclusion'; comment: string }
  | { type: 'ApproveConclusion'; contentHash?: string }
  | { type: 'SubmitResponse'; items: ResponseItem[] }
  | { type: 'RequestExtension'; reason: string; requestedDeadline: string }
  | { type: 'DecideExtension'; decision: 'granted' | 'refused'; deadline?: string; note: string }
  | { type: 'ResolveDispute'; findingId: string; decision: 'upheld' | 'withdrawn'; note: string }
  | { type: 'ReportAction'; actionId: string; note: string; evidence?: Evidence[] }
  | { type: 'VerifyAction'; actionId: string; decision: 'verified' | 'rejected'; note: string; newDueDate?: string }
  | { type: 'ScheduleFollowUp'; followUpInspectionId: string; windowStart: string; windowEnd: string }
  | { type: 'CancelInspection'; reason: string }
  /** The administrator applies a corrected working-day calendar (the one the command carries) to this inspection's running deadlines. */
  | { type: 'RecomputeDeadlines'; reason: string }
  | { type: 'DecideAccountability'; caseId: string; outcome: AccountabilityOutcome; note: string }
  // Sent by the workflow's timers, as `system`:
  | { type: 'MarkVisitWindowMissed' }
  | { type: 'SendReminder'; subject: ReminderSubject; dueAt: string; reminderKey: string; actionId?: string }
  | { type: 'MarkConclusionOverdue' }
  | { type: 'MarkResponseOverdue' }
  | { type: 'MarkActionOverdue'; actionId: string }
  // Sent by the campaign's workflow, as `system`, after the campaign decided a change (by `by`):
  | { type: 'FollowCampaignTeam'; team: Team; by: string }
  | { type: 'CancelWithCampaign'; reason: string; cause: CampaignCancellationCause; by: string };

/** Why a campaign cancelled one of its inspections: the whole campaign was, or the planned target was removed. */
export type CampaignCancellationCause = 'campaign_cancelled' | 'target_removed';

export type InspectionCommandType = InspectionCommand['type'];
export type PlanInspectionCommand = Extract<InspectionCommand, { type: 'PlanInspection' }>;

export const SYSTEM_COMMANDS: ReadonlySet<InspectionCommandType> = new Set([
  'MarkVisitWindowMissed',
  'SendReminder',
  'MarkConclusionOverdue',
  'MarkResponseOverdue',
  'MarkActionOverdue',
  'FollowCampaignTeam',
  'CancelWithCampaign',
]);

export type { Severity };
