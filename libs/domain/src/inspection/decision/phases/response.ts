/** Once the conclusion is approved: the unit answers each finding, may ask once for more time, or falls overdue. */
import { Decision, HandlerTable } from '../context';
import { requireLead, requireUnitHead } from '../permissions';
import { requireStatus } from '../preconditions';
import { DATE_HINT, requireText } from '../validation';
import { InspectionEvent } from '../../events';
import { ResponseItem } from '../../model';
import { InspectionState } from '../../state';
import { LIMITS } from '../../../shared/limits';
import { conflict, FieldError, invalid, isRejection } from '../../../shared/rejection';
import { dueInstant, iso } from '../../../shared/time';

export const responseHandlers: Pick<HandlerTable, 'SubmitResponse' | 'RequestExtension' | 'DecideExtension' | 'MarkResponseOverdue'> = {
  SubmitResponse: ({ state: s, command, user, now, newId }) => {
    const denied = requireUnitHead(user, s, 'respond to the conclusion') ?? requireStatus(s, ['awaiting_response'], 'submit a response');
    if (denied) return denied;
    return submitResponse(s, command.items, now, newId);
  },

  RequestExtension: ({ state: s, command, user }) => {
    const denied = requireUnitHead(user, s, 'request an extension') ?? requireStatus(s, ['awaiting_response'], 'request an extension');
    if (denied) return denied;
    if (s.extension) return conflict(`An extension may be requested only once; it was already requested (${s.extension.status}).`);
    const reason = requireText(command.reason, 'reason', LIMITS.text.long);
    if (isRejection(reason)) return reason;
    const requestedDueAt = dueInstant(command.requestedDeadline);
    if (!requestedDueAt) return invalid('Invalid requested deadline.', [{ field: 'requestedDeadline', message: DATE_HINT }]);
    const currentDueAt = s.responseDeadline!.dueAt;
    if (requestedDueAt.getTime() <= Date.parse(currentDueAt)) {
      return invalid('The requested deadline must be later than the current one.', [
        { field: 'requestedDeadline', message: `must be after the current deadline ${currentDueAt}` },
      ]);
    }
    return [{ type: 'ExtensionRequested', data: { reason, requestedDeadline: command.requestedDeadline, requestedDueAt: iso(requestedDueAt), currentDueAt } }];
  },

  DecideExtension: ({ state: s, command, user, now }) => {
    const denied = requireLead(user, s, 'decide an extension request') ?? requireStatus(s, ['awaiting_response'], 'decide an extension request');
    if (denied) return denied;
    if (s.extension?.status !== 'pending') return conflict('There is no pending extension request to decide.');
    const note = requireText(command.note, 'note', LIMITS.text.long, { allowEmpty: true });
    if (isRejection(note)) return note;
    const previousDueAt = s.responseDeadline!.dueAt;
    if (command.decision === 'refused') {
      return [{ type: 'ExtensionDecided', data: { decision: 'refused', note, previousDueAt } }];
    }
    if (command.decision !== 'granted') return invalid('Invalid decision.', [{ field: 'decision', message: 'must be "granted" or "refused"' }]);
    const deadline = command.deadline ?? s.extension.requestedDeadline;
    const newDueAt = dueInstant(deadline);
    if (!newDueAt) return invalid('Invalid deadline.', [{ field: 'deadline', message: DATE_HINT }]);
    if (newDueAt.getTime() <= now.getTime()) {
      return invalid('A granted deadline must be in the future.', [{ field: 'deadline', message: 'must be in the future' }]);
    }
    if (newDueAt.getTime() <= Date.parse(previousDueAt)) {
      return invalid('A granted deadline must be later than the current one.', [{ field: 'deadline', message: `must be after the current deadline ${previousDueAt}` }]);
    }
    return [{ type: 'ExtensionDecided', data: { decision: 'granted', note, previousDueAt, newDueAt: iso(newDueAt) } }];
  },

  MarkResponseOverdue: ({ state: s, now, newId }) => {
    const busy = requireStatus(s, ['awaiting_response'], 'mark the response overdue');
    if (busy) return busy;
    if (s.responseOverdue || !s.responseDeadline) return conflict('No response deadline is running.');
    if (now.getTime() < Date.parse(s.responseDeadline.dueAt)) return conflict('The response deadline has not passed.');
    return [
      { type: 'ResponseOverdue', data: { dueAt: s.responseDeadline.dueAt } },
      { type: 'AccountabilityCaseOpened', data: { caseId: newId(), reason: 'response_overdue', unitId: s.unitId } },
    ];
  },
};

/**
 * Every finding with a required action is answered: accepted with a plan due no later than the
 * conclusion requires, or disputed with an explanation. Each accepted one plans its corrective action.
 */
function submitResponse(s: InspectionState, items: ResponseItem[], now: Date, newId: () => string): Decision {
  const approved = s.approval!.approved;
  const required = new Map(approved.conclusion.actions.map((a) => [a.findingId, a]));
  const liveFindings = new Set(approved.findings.map((f) => f.id));
  const errors: FieldError[] = [];
  if (!Array.isArray(items) || items.length === 0) return invalid('A response needs at least one item.', [{ field: 'items', message: 'must not be empty' }]);
  if (items.length > LIMITS.response.items) return invalid('Too many items.', [{ field: 'items', message: `at most ${LIMITS.response.items}` }]);
  const seen = new Set<string>();
  const cleaned: ResponseItem[] = [];
  items.forEach((item, index) => {
    const at = `items.${index}`;
    if (!liveFindings.has(item.findingId)) errors.push({ field: `${at}.findingId`, message: 'must name a finding of the approved conclusion' });
    else if (seen.has(item.findingId)) errors.push({ field: `${at}.findingId`, message: 'answers the same finding twice' });
    seen.add(item.findingId);
    if (item.position !== 'accepted' && item.position !== 'disputed') {
      errors.push({ field: `${at}.position`, message: 'must be "accepted" or "disputed"' });
      return;
    }
    const explanation = requireText(item.explanation, `${at}.explanation`, LIMITS.text.long, { allowEmpty: item.position === 'accepted' });
    if (isRejection(explanation)) {
      errors.push(...(explanation.errors ?? []));
      return;
    }
    const requiredAction = required.get(item.findingId);
    if (item.position === 'accepted' && requiredAction) {
      if (!item.plan) {
        errors.push({ field: `${at}.plan`, message: 'is required when accepting a finding that needs a corrective action' });
        return;
      }
      const owner = requireText(item.plan.owner, `${at}.plan.owner`, LIMITS.text.short);
      if (isRejection(owner)) errors.push(...(owner.errors ?? []));
      const planDue = dueInstant(item.plan.dueDate);
      if (!planDue) errors.push({ field: `${at}.plan.dueDate`, message: DATE_HINT });
      else if (planDue.getTime() > Date.parse(requiredAction.dueAt)) {
        errors.push({ field: `${at}.plan.dueDate`, message: `must be no later than the required due date ${requiredAction.dueDate}` });
      } else if (planDue.getTime() <= now.getTime()) {
        errors.push({ field: `${at}.plan.dueDate`, message: 'must be in the future' });
      }
      if (!isRejection(owner)) cleaned.push({ findingId: item.findingId, position: 'accepted', explanation, plan: { owner, dueDate: item.plan.dueDate } });
      return;
    }
    cleaned.push({ findingId: item.findingId, position: item.position, explanation });
  });
  const missing = [...required.keys()].filter((id) => !seen.has(id));
  if (missing.length > 0) errors.push({ field: 'items', message: `must answer every finding with a required action; missing: ${missing.join(', ')}` });
  if (errors.length > 0) return invalid('The response is not valid.', errors);

  const dueAt = s.responseDeadline!.dueAt;
  const events: InspectionEvent[] = [{ type: 'ResponseSubmitted', data: { items: cleaned, late: now.getTime() > Date.parse(dueAt), dueAt } }];
  for (const item of cleaned) {
    const requiredAction = required.get(item.findingId);
    if (item.position === 'accepted' && requiredAction && item.plan) {
      events.push({
        type: 'CorrectiveActionPlanned',
        data: {
          actionId: newId(),
          findingId: item.findingId,
          requirement: requiredAction.requirement,
          owner: item.plan.owner,
          dueDate: item.plan.dueDate,
          dueAt: iso(dueInstant(item.plan.dueDate)!),
          requiredDueAt: requiredAction.dueAt,
        },
      });
    }
  }
  return events;
}
