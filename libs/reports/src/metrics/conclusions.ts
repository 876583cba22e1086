import { ReportInspection } from '../input';
import { Ratio, ratio } from '../ratio';
import { isConclusionOverdue } from './overdue';

export interface ConclusionCounts {
  /** Visits that ended: each owes a conclusion. */
  readonly visitsEnded: number;
  /** Submitted to the chairman at least once. */
  readonly submitted: number;
  readonly approved: number;
  /** Still being drafted after their deadline. */
  readonly overdue: number;
  /** approved / visitsEnded. */
  readonly approvedOfVisitsEnded: Ratio;
}

export function conclusionCounts(inspections: readonly ReportInspection[], asOf: Date): ConclusionCounts {
  const visitsEnded = inspections.filter((i) => i.visitEndedAt !== null).length;
  const approved = inspections.filter((i) => i.approvedAt !== null).length;
  return {
    visitsEnded,
    submitted: inspections.filter((i) => i.submittedAt !== null).length,
    approved,
    overdue: inspections.filter((i) => isConclusionOverdue(i, asOf)).length,
    approvedOfVisitsEnded: ratio(approved, visitsEnded),
  };
}
