import { InspectionStatus } from '../inspection/model';
import { isTerminal } from '../inspection/visibility';

/** How far a campaign's inspections have come, counted by status. */
export interface Progress {
  /** Not visited yet. */
  readonly planned: number;
  /** Started, neither closed nor cancelled. */
  readonly inProgress: number;
  readonly closed: number;
  readonly cancelled: number;
  readonly total: number;
}

/**
 * The one definition of a campaign's progress, over the statuses of the inspections the viewer
 * may see (`visibleOf`): all of them for the team and the chairman, fewer for everyone else (a
 * planned inspection outside the team does not exist, so it counts nowhere, not even in total).
 * Like completion (completion.ts), it is derived where it is shown, never stored.
 */
export function progressOf(statuses: readonly InspectionStatus[]): Progress {
  const count = (test: (status: InspectionStatus) => boolean) => statuses.filter(test).length;
  return {
    planned: count((s) => s === 'planned'),
    inProgress: count((s) => s !== 'planned' && !isTerminal(s)),
    closed: count((s) => s === 'closed'),
    cancelled: count((s) => s === 'cancelled'),
    total: statuses.length,
  };
}
