import { ReportInspection } from '../input';
import { Ratio, ratio } from '../ratio';
import { isResponseOverdue } from './overdue';
import { before } from './time';

export interface ResponseCounts {
  /**
   * Responses that were due by `asOf`: those submitted, plus those whose deadline passed with
   * none while the unit owed one (still awaiting it, or cancelled only after the deadline). An
   * inspection closed at approval (nothing to remedy) owes no response.
   */
  readonly due: number;
  readonly submitted: number;
  readonly onTime: number;
  readonly late: number;
  /** Deadline passed, no response yet, still awaited. */
  readonly overdue: number;
  /** Awaited, deadline not yet passed. */
  readonly pending: number;
  /** onTime / due. */
  readonly onTimeRate: Ratio;
}

export function responseCounts(inspections: readonly ReportInspection[], asOf: Date): ResponseCounts {
  let submitted = 0;
  let onTime = 0;
  let missedAndGone = 0;
  let overdue = 0;
  let pending = 0;
  for (const i of inspections) {
    if (i.responseSubmittedAt !== null) {
      submitted += 1;
      if (i.responseLate !== true) onTime += 1;
    } else if (isResponseOverdue(i, asOf)) {
      overdue += 1;
    } else if (i.status === 'awaiting_response') {
      pending += 1;
    } else if (
      i.status === 'cancelled' &&
      before(i.responseDueAt, asOf) &&
      i.cancelledAt !== null &&
      i.cancelledAt.getTime() > i.responseDueAt.getTime()
    ) {
      missedAndGone += 1;
    }
  }
  const due = submitted + overdue + missedAndGone;
  return { due, submitted, onTime, late: submitted - onTime, overdue, pending, onTimeRate: ratio(onTime, due) };
}
