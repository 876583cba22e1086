/**
 * A correction of the working-day calendar reaching a running inspection. Deadlines are counted
 * once, when they are set, and recorded in their event; a later change to the calendar moves
 * them only through this command, sent by the administrator, whose `DeadlineRecomputed` events
 * say which deadline moved, from when to when, and why. Only deadlines that were counted from
 * the calendar and are still running are recomputed: a granted extension's date was chosen by a
 * person, and a deadline already marked overdue has had its consequences.
 */
import { HandlerTable } from '../context';
import { requireText } from '../validation';
import { InspectionState } from '../../state';
import { deadlineAfter, DeadlineSpec, WorkingCalendar } from '../../../calendar';
import { LIMITS } from '../../../shared/limits';
import { conflict, forbidden, isRejection } from '../../../shared/rejection';
import { Instant, iso } from '../../../shared/time';

export type RecomputableDeadline = 'conclusion' | 'response';

export interface DeadlineCorrection {
  readonly deadline: RecomputableDeadline;
  readonly previousDueAt: Instant;
  readonly dueAt: Instant;
}

/** The running deadlines of `s` that `calendar` would put elsewhere. Throws CalendarGapError like any count. */
export function deadlineCorrections(s: InspectionState, calendar: WorkingCalendar): DeadlineCorrection[] {
  const corrections: DeadlineCorrection[] = [];
  const recount = (deadline: RecomputableDeadline, from: Instant, spec: DeadlineSpec, previousDueAt: Instant) => {
    if (!('workingDays' in spec)) return; // an exact duration does not depend on the calendar
    const dueAt = iso(deadlineAfter(new Date(from), spec, calendar));
    if (dueAt !== previousDueAt) corrections.push({ deadline, previousDueAt, dueAt });
  };
  if ((s.status === 'drafting' || s.status === 'awaiting_approval') && s.conclusionDeadline && !s.conclusionOverdue && s.visitEndedAt) {
    recount('conclusion', s.visitEndedAt, s.policy.conclusionDeadline, s.conclusionDeadline.dueAt);
  }
  if (s.status === 'awaiting_response' && s.responseDeadline && !s.responseOverdue && !s.response && s.approval && s.extension?.status !== 'granted') {
    recount('response', s.approval.approvedAt, s.policy.responseDeadline, s.responseDeadline.dueAt);
  }
  return corrections;
}

export const calendarCorrectionHandlers: Pick<HandlerTable, 'RecomputeDeadlines'> = {
  RecomputeDeadlines: ({ state: s, command, user, calendar }) => {
    if (!user || user.role !== 'admin') return forbidden('Only the administrator may apply a calendar correction to running inspections.');
    const reason = requireText(command.reason, 'reason', LIMITS.text.long);
    if (isRejection(reason)) return reason;
    const corrections = deadlineCorrections(s, calendar);
    if (corrections.length === 0) return conflict('The calendar correction changes no running deadline of this inspection.');
    return corrections.map((c) => ({ type: 'DeadlineRecomputed' as const, data: { ...c, reason } }));
  },
};
