/**
 * Remediation: disputes are resolved, corrective actions reported, verified or rejected, and fall
 * overdue; from here on the lead may also schedule a follow-up inspection of the same unit.
 */
import { HandlerTable } from '../context';
import { requireLead, requireUnitHead } from '../permissions';
import { findAction, findFinding, requireRoom, requireStatus } from '../preconditions';
import { requireText, resolveWindow, validateDueDate, validateEvidence } from '../validation';
import { InspectionEvent } from '../../events';
import { LIMITS } from '../../../shared/limits';
import { conflict, invalid, isRejection, notFound } from '../../../shared/rejection';
import { iso } from '../../../shared/time';

/** Who owns an action planned because the lead upheld a disputed finding. */
export const UPHELD_ACTION_OWNER = 'Thủ trưởng đơn vị (head of unit)';

export const remediationHandlers: Pick<HandlerTable, 'ResolveDispute' | 'ReportAction' | 'VerifyAction' | 'MarkActionOverdue' | 'ScheduleFollowUp'> = {
  ResolveDispute: ({ state: s, command, user, newId }) => {
    const denied = requireLead(user, s, 'resolve a dispute') ?? requireStatus(s, ['remediating'], 'resolve a dispute');
    if (denied) return denied;
    const finding = findFinding(s, command.findingId);
    if (!finding) return notFound(`Finding ${command.findingId} not found.`);
    if (finding.dispute?.status !== 'pending') return conflict(`Finding ${finding.id} has no pending dispute.`);
    if (command.decision !== 'upheld' && command.decision !== 'withdrawn') {
      return invalid('Invalid decision.', [{ field: 'decision', message: 'must be "upheld" or "withdrawn"' }]);
    }
    const note = requireText(command.note, 'note', LIMITS.text.long, { allowEmpty: true });
    if (isRejection(note)) return note;
    const events: InspectionEvent[] = [{ type: 'DisputeResolved', data: { findingId: finding.id, decision: command.decision, note } }];
    const required = s.approval?.approved.conclusion.actions.find((a) => a.findingId === finding.id);
    if (command.decision === 'upheld' && required) {
      events.push({
        type: 'CorrectiveActionPlanned',
        data: {
          actionId: newId(),
          findingId: finding.id,
          requirement: required.requirement,
          owner: UPHELD_ACTION_OWNER,
          dueDate: required.dueDate,
          dueAt: required.dueAt,
          requiredDueAt: required.dueAt,
        },
      });
    }
    return events;
  },

  ReportAction: ({ state: s, command, user }) => {
    const denied = requireUnitHead(user, s, 'report a corrective action') ?? requireStatus(s, ['remediating'], 'report a corrective action');
    if (denied) return denied;
    const action = findAction(s, command.actionId);
    if (!action) return notFound(`Corrective action ${command.actionId} not found.`);
    if (action.status !== 'open' && action.status !== 'rejected') {
      return conflict(`Corrective action ${action.id} is ${action.status}; only an open or rejected action can be reported.`);
    }
    const full = requireRoom(action.reports.length, LIMITS.action.reports, 'report the corrective action', `corrective action ${action.id}`, 'reports');
    if (full) return full;
    const note = requireText(command.note, 'note', LIMITS.text.long);
    if (isRejection(note)) return note;
    const evidence = validateEvidence(command.evidence ?? [], LIMITS.action.evidence);
    if (isRejection(evidence)) return evidence;
    return [{ type: 'CorrectiveActionReported', data: { actionId: action.id, note, evidence } }];
  },

  VerifyAction: ({ state: s, command, user, now, calendar, newId }) => {
    const denied = requireLead(user, s, 'verify a corrective action') ?? requireStatus(s, ['remediating'], 'verify a corrective action');
    if (denied) return denied;
    const action = findAction(s, command.actionId);
    if (!action) return notFound(`Corrective action ${command.actionId} not found.`);
    if (action.status !== 'reported') {
      return conflict(`Corrective action ${action.id} is ${action.status}; only a reported action can be verified.`);
    }
    const note = requireText(command.note, 'note', LIMITS.text.long, { allowEmpty: command.decision === 'verified' });
    if (isRejection(note)) return note;
    if (command.decision === 'verified') return [{ type: 'CorrectiveActionVerified', data: { actionId: action.id, note } }];
    if (command.decision !== 'rejected') return invalid('Invalid decision.', [{ field: 'decision', message: 'must be "verified" or "rejected"' }]);
    if (!command.newDueDate) return invalid('A rejection needs a new due date.', [{ field: 'newDueDate', message: 'is required when rejecting' }]);
    const newDueAt = validateDueDate(command.newDueDate, 'newDueDate', now, s, calendar);
    if (isRejection(newDueAt)) return newDueAt;
    const rejectionCount = action.rejections + 1;
    const events: InspectionEvent[] = [
      { type: 'CorrectiveActionRejected', data: { actionId: action.id, note, newDueDate: command.newDueDate, newDueAt: iso(newDueAt), rejectionCount } },
    ];
    if (rejectionCount === 2) {
      events.push({ type: 'AccountabilityCaseOpened', data: { caseId: newId(), reason: 'action_rejected_twice', unitId: s.unitId, actionId: action.id } });
    }
    return events;
  },

  MarkActionOverdue: ({ state: s, command, now }) => {
    const busy = requireStatus(s, ['remediating'], 'mark a corrective action overdue');
    if (busy) return busy;
    const action = findAction(s, command.actionId);
    if (!action) return notFound(`Corrective action ${command.actionId} not found.`);
    if (action.overdue || (action.status !== 'open' && action.status !== 'rejected')) {
      return conflict(`Corrective action ${action.id} is not open.`);
    }
    if (now.getTime() < Date.parse(action.dueAt)) return conflict(`Corrective action ${action.id} is not due yet.`);
    return [{ type: 'CorrectiveActionOverdue', data: { actionId: action.id, dueAt: action.dueAt } }];
  },

  ScheduleFollowUp: ({ state: s, command, user, now }) => {
    const denied = requireLead(user, s, 'schedule a follow-up inspection') ?? requireStatus(s, ['remediating', 'closed'], 'schedule a follow-up inspection');
    if (denied) return denied;
    if (command.followUpInspectionId === s.id || s.followUps.includes(command.followUpInspectionId)) {
      return conflict(`Follow-up inspection ${command.followUpInspectionId} already exists.`);
    }
    const full = requireRoom(s.followUps.length, LIMITS.inspection.followUps, 'schedule a follow-up inspection', 'the inspection', 'follow-ups');
    if (full) return full;
    const window = resolveWindow(command.windowStart, command.windowEnd, now);
    if (isRejection(window)) return window;
    return [{ type: 'FollowUpScheduled', data: { followUpInspectionId: command.followUpInspectionId, window } }];
  },
};
