/** After the visit: the lead drafts the conclusion, inspectors may dissent, the chairman returns or approves it. */
import { CommandOf, Decision, HandlerTable } from '../context';
import { requireChairman, requireLead, requireTeamInspector } from '../permissions';
import { findFinding, requireRoom, requireStatus } from '../preconditions';
import { requireText, validateDueDate } from '../validation';
import { approvedContentHash, approvedSnapshot } from '../../approval';
import { RATINGS } from '../../model';
import { InspectionState } from '../../state';
import { deadlineAfter, WorkingCalendar } from '../../../calendar';
import { LIMITS } from '../../../shared/limits';
import { conflict, FieldError, invalid, isRejection } from '../../../shared/rejection';
import { iso } from '../../../shared/time';

export const conclusionHandlers: Pick<HandlerTable, 'SubmitConclusion' | 'RecordDissent' | 'ReturnConclusion' | 'ApproveConclusion' | 'MarkConclusionOverdue'> = {
  SubmitConclusion: ({ state: s, command, user, now, calendar }) => {
    const denied = requireLead(user, s, 'submit the conclusion') ?? requireStatus(s, ['drafting'], 'submit the conclusion');
    if (denied) return denied;
    return submitConclusion(s, command, now, calendar);
  },

  RecordDissent: ({ state: s, command, user }) => {
    const denied =
      requireTeamInspector(user, s, 'record a dissent') ??
      requireStatus(s, ['drafting', 'awaiting_approval'], 'record a dissent') ??
      requireRoom(s.dissents.length, LIMITS.inspection.dissents, 'record a dissent', 'the inspection', 'dissents');
    if (denied) return denied;
    const text = requireText(command.text, 'text', LIMITS.text.long);
    if (isRejection(text)) return text;
    return [{ type: 'DissentRecorded', data: { authorId: user!.userId, text } }];
  },

  ReturnConclusion: ({ state: s, command, user }) => {
    const denied = requireChairman(user, 'return the conclusion') ?? requireStatus(s, ['awaiting_approval'], 'return the conclusion');
    if (denied) return denied;
    const returns = s.conclusion?.returns.length ?? 0;
    const full = requireRoom(returns, LIMITS.conclusion.returns, 'return the conclusion', 'the conclusion', 'returns');
    if (full) return full;
    const comment = requireText(command.comment, 'comment', LIMITS.text.long);
    if (isRejection(comment)) return comment;
    return [{ type: 'ConclusionReturned', data: { comment } }];
  },

  ApproveConclusion: ({ state: s, command, user, now, calendar }) => {
    const denied = requireChairman(user, 'approve the conclusion') ?? requireStatus(s, ['awaiting_approval'], 'approve the conclusion');
    if (denied) return denied;
    const approved = approvedSnapshot(s);
    const contentHash = approvedContentHash(approved);
    if (command.contentHash !== undefined && command.contentHash !== contentHash) {
      return conflict('The conclusion changed since you read it (its content hash differs); read it again before approving.');
    }
    // With nothing to remedy the unit is only informed: no response is due, and closure follows.
    const responseDueAt = approved.conclusion.actions.length > 0 ? iso(deadlineAfter(now, s.policy.responseDeadline, calendar)) : undefined;
    return [
      { type: 'ConclusionApproved', data: { contentHash, approved } },
      { type: 'UnitNotified', data: responseDueAt ? { unitId: s.unitId, responseDueAt } : { unitId: s.unitId } },
    ];
  },

  MarkConclusionOverdue: ({ state: s, now }) => {
    const busy = requireStatus(s, ['drafting'], 'mark the conclusion overdue');
    if (busy) return busy;
    if (s.conclusionOverdue || !s.conclusionDeadline) return conflict('No conclusion deadline is running.');
    if (now.getTime() < Date.parse(s.conclusionDeadline.dueAt)) return conflict('The conclusion deadline has not passed.');
    return [{ type: 'ConclusionOverdue', data: { dueAt: s.conclusionDeadline.dueAt } }];
  },
};

/** Every required action names a live finding (once) and a due date the policy allows. */
function submitConclusion(s: InspectionState, command: CommandOf<'SubmitConclusion'>, now: Date, calendar: WorkingCalendar): Decision {
  const errors: FieldError[] = [];
  const summary = requireText(command.summary, 'summary', LIMITS.text.long);
  if (isRejection(summary)) errors.push(...(summary.errors ?? []));
  if (!RATINGS.includes(command.rating)) errors.push({ field: 'rating', message: `must be one of ${RATINGS.join(', ')}` });
  const actions = Array.isArray(command.actions) ? command.actions : [];
  if (!Array.isArray(command.actions)) errors.push({ field: 'actions', message: 'must be a list' });
  if (actions.length > LIMITS.conclusion.actions) errors.push({ field: 'actions', message: `must have at most ${LIMITS.conclusion.actions} items` });
  const seen = new Set<string>();
  const resolved = actions.map((action, index) => {
    const finding = findFinding(s, action.findingId);
    if (!finding || finding.status !== 'open') {
      errors.push({ field: `actions.${index}.findingId`, message: 'must name a finding of this inspection that was not withdrawn' });
    } else if (seen.has(finding.id)) {
      errors.push({ field: `actions.${index}.findingId`, message: 'names the same finding as an earlier action' });
    }
    seen.add(action.findingId);
    const requirement = requireText(action.requirement, `actions.${index}.requirement`, LIMITS.text.long);
    if (isRejection(requirement)) errors.push(...(requirement.errors ?? []));
    const dueAt = validateDueDate(action.dueDate, `actions.${index}.dueDate`, now, s, calendar);
    if (isRejection(dueAt)) errors.push(...(dueAt.errors ?? []));
    return {
      findingId: action.findingId,
      requirement: isRejection(requirement) ? '' : requirement,
      dueDate: action.dueDate,
      dueAt: isRejection(dueAt) ? '' : iso(dueAt),
    };
  });
  if (errors.length > 0 || isRejection(summary)) return invalid('The conclusion is not valid.', errors);
  return [{ type: 'ConclusionSubmitted', data: { conclusion: { summary, rating: command.rating, actions: resolved } } }];
}
