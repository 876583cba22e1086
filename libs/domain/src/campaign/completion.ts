import { InspectionStatus } from '../inspection/model';
import { isTerminal } from '../inspection/visibility';

/** What completion needs of an inspection: its status and, once finished, when. */
export interface CompletionFacts {
  readonly status: InspectionStatus;
  readonly closedAt: Date | null;
  readonly cancelledAt: Date | null;
}

export interface Completion {
  readonly status: 'active' | 'completed';
  readonly completedAt?: Date;
}

/**
 * The one rule of completion: a campaign with these inspections is complete once it has some and
 * every one is closed or cancelled. The campaign workflow records CampaignCompleted by it, the read
 * model derives the stored status by it (completionOf), and so does every partial view.
 */
export function isComplete(statuses: readonly InspectionStatus[]): boolean {
  return statuses.length > 0 && statuses.every(isTerminal);
}

/**
 * A campaign's completion as derived from some of its inspections: completed once every one of
 * them is closed or cancelled, at the moment the last one was. The campaign itself derives it
 * from all of them; for someone who may see only some (outside the team, planned inspections do
 * not exist), it must be derived from those alone, or "still active" would betray a planned one.
 */
export function completionOf(inspections: readonly CompletionFacts[]): Completion {
  if (!isComplete(inspections.map((i) => i.status))) return { status: 'active' };
  const finishedAt = inspections.map((i) => (i.closedAt ?? i.cancelledAt)?.getTime() ?? 0);
  return { status: 'completed', completedAt: new Date(Math.max(...finishedAt)) };
}
