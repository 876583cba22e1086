import { ReportRows } from '../input';
import { Ratio, ratio } from '../ratio';
import { isActionOverdue } from './overdue';

export interface RemediationCounts {
  /** Corrective actions planned, except those of cancelled inspections. */
  readonly total: number;
  readonly verified: number;
  /** Reported done by the unit, awaiting the lead's verification. */
  readonly reported: number;
  /** Open or rejected (to be redone). */
  readonly open: number;
  /** Open or rejected with their due date before `asOf`. */
  readonly overdue: number;
  /** verified / total. */
  readonly completionRate: Ratio;
}

export function remediationCounts(rows: ReportRows, asOf: Date): RemediationCounts {
  const cancelled = new Set(rows.inspections.filter((i) => i.status === 'cancelled').map((i) => i.id));
  const actions = rows.actions.filter((a) => !cancelled.has(a.inspectionId));
  const verified = actions.filter((a) => a.status === 'verified').length;
  return {
    total: actions.length,
    verified,
    reported: actions.filter((a) => a.status === 'reported').length,
    open: actions.filter((a) => a.status === 'open' || a.status === 'rejected').length,
    overdue: actions.filter((a) => isActionOverdue(a, asOf)).length,
    completionRate: ratio(verified, actions.length),
  };
}
