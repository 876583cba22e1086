import { InspectionCommand } from './commands';
import { ReminderSubject } from './model';
import { Deadline, InspectionState } from './state';
import { deadlineAfter, defaultCalendar, isCalendarGap, reminderTimes, WorkingCalendar } from '../calendar';
import { iso } from '../shared/time';

export type SystemCommand = Extract<
  InspectionCommand,
  { type: 'MarkVisitWindowMissed' | 'SendReminder' | 'MarkConclusionOverdue' | 'MarkResponseOverdue' | 'MarkActionOverdue' }
>;

export interface DueTimer {
  readonly at: string;
  readonly command: SystemCommand;
}

/**
 * Every timer the state implies, derived afresh after each event: the workflow sleeps until the
 * earliest and then sends its command as `system`. Because timers are derived, a granted
 * extension or a new due date moves them without any bookkeeping.
 */
export function dueTimers(s: InspectionState, calendar: WorkingCalendar = defaultCalendar): DueTimer[] {
  const timers: DueTimer[] = [];
  switch (s.status) {
    case 'planned':
      if (!s.windowMissed) timers.push({ at: s.window.closesAt, command: { type: 'MarkVisitWindowMissed' } });
      break;
    case 'drafting':
      if (s.conclusionDeadline && !s.conclusionOverdue) {
        timers.push(...reminders(s, 'conclusion', s.conclusionDeadline, calendar));
        timers.push({ at: s.conclusionDeadline.dueAt, command: { type: 'MarkConclusionOverdue' } });
      }
      break;
    case 'awaiting_response':
      if (s.responseDeadline && !s.responseOverdue) {
        timers.push(...reminders(s, 'response', s.responseDeadline, calendar));
        timers.push({ at: s.responseDeadline.dueAt, command: { type: 'MarkResponseOverdue' } });
      }
      break;
    case 'remediating':
      for (const action of s.actions) {
        if ((action.status === 'open' || action.status === 'rejected') && !action.overdue) {
          timers.push({ at: action.dueAt, command: { type: 'MarkActionOverdue', actionId: action.id } });
        }
        if (action.status === 'reported' && action.reportedAt) {
          const due = countable(() => deadlineAfter(new Date(action.reportedAt!), s.policy.verificationDeadline, calendar));
          if (!due) continue;
          const dueAt = iso(due);
          const reminderKey = `verification:${action.id}:${action.reportedAt}`;
          if (!s.remindersSent.includes(reminderKey)) {
            timers.push({ at: dueAt, command: { type: 'SendReminder', subject: 'verification', dueAt, reminderKey, actionId: action.id } });
          }
        }
      }
      break;
    case 'in_progress':
    case 'awaiting_approval':
    case 'closed':
    case 'cancelled':
      break;
  }
  return timers.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * A reminder counted into a year the calendar does not have is left out rather than guessed
 * (the deadline itself was counted when it was set, so its own timer still fires). A timer must
 * never throw: the workflow derives its timers after every event.
 */
function countable<T>(count: () => T): T | undefined {
  try {
    return count();
  } catch (error) {
    if (isCalendarGap(error)) return undefined;
    throw error;
  }
}

function reminders(s: InspectionState, subject: ReminderSubject, deadline: Deadline, calendar: WorkingCalendar): DueTimer[] {
  const setAt = Date.parse(deadline.setAt);
  return (countable(() => reminderTimes(new Date(deadline.dueAt), s.policy.reminderOffsets, calendar)) ?? [])
    .filter((at) => at.getTime() > setAt)
    .map((at) => ({ at: iso(at), key: `${subject}:${deadline.dueAt}:${iso(at)}` }))
    .filter(({ key }) => !s.remindersSent.includes(key))
    .map(({ at, key }) => ({ at, command: { type: 'SendReminder', subject, dueAt: deadline.dueAt, reminderKey: key } }));
}

/** The timers whose time has come, oldest first. */
export function timersDueBy(s: InspectionState, now: Date, calendar?: WorkingCalendar): DueTimer[] {
  return dueTimers(s, calendar).filter((t) => Date.parse(t.at) <= now.getTime());
}
