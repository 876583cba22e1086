/** Commands not tied to one phase: cancellation, accountability decisions, and the timers' reminders. */
import { HandlerTable } from '../context';
import { isLead, requireChairman } from '../permissions';
import { requireStatus } from '../preconditions';
import { requireText } from '../validation';
import { ACCOUNTABILITY_OUTCOMES, InspectionStatus, ReminderSubject } from '../../model';
import { isTerminal } from '../../visibility';
import { LIMITS } from '../../../shared/limits';
import { conflict, forbidden, invalid, isRejection, notFound } from '../../../shared/rejection';

/** The status in which each kind of reminder makes sense; anywhere else it would be noise (or a leak). */
const REMINDER_STATUS: Record<ReminderSubject, InspectionStatus> = {
  conclusion: 'drafting',
  response: 'awaiting_response',
  verification: 'remediating',
};

export const anyPhaseHandlers: Pick<HandlerTable, 'CancelInspection' | 'DecideAccountability' | 'SendReminder'> = {
  CancelInspection: ({ state: s, command, user }) => {
    if (!user || !(isLead(user, s) || user.role === 'chairman')) {
      return forbidden("Only the campaign's lead inspector or the chairman may cancel an inspection.");
    }
    if (isTerminal(s.status)) return conflict(`Cannot cancel the inspection: it is already ${s.status}.`);
    const reason = requireText(command.reason, 'reason', LIMITS.text.long);
    if (isRejection(reason)) return reason;
    return [{ type: 'InspectionCancelled', data: { reason, statusBefore: s.status } }];
  },

  DecideAccountability: ({ state: s, command, user }) => {
    const denied = requireChairman(user, 'decide an accountability case');
    if (denied) return denied;
    const found = s.cases.find((c) => c.id === command.caseId);
    if (!found) return notFound(`Accountability case ${command.caseId} not found.`);
    if (found.status !== 'open') return conflict(`Accountability case ${found.id} was already decided (${found.outcome}).`);
    if (!ACCOUNTABILITY_OUTCOMES.includes(command.outcome)) {
      return invalid('Invalid outcome.', [{ field: 'outcome', message: `must be one of ${ACCOUNTABILITY_OUTCOMES.join(', ')}` }]);
    }
    const note = requireText(command.note, 'note', LIMITS.text.long);
    if (isRejection(note)) return note;
    return [{ type: 'AccountabilityDecided', data: { caseId: found.id, outcome: command.outcome, note } }];
  },

  SendReminder: ({ state: s, command }) => {
    const busy = requireStatus(s, [REMINDER_STATUS[command.subject]], `send a ${command.subject} reminder`);
    if (busy) return busy;
    if (s.remindersSent.includes(command.reminderKey)) return conflict('This reminder was already sent.');
    return [{ type: 'ReminderSent', data: { subject: command.subject, dueAt: command.dueAt, reminderKey: command.reminderKey, actionId: command.actionId } }];
  },
};
