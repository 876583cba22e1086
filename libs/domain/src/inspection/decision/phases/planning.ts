/** Before the visit: planning, rescheduling, a window that closed unvisited, and the start of the visit. */
import { HandlerTable } from '../context';
import { requireLead } from '../permissions';
import { requireStatus } from '../preconditions';
import { resolveWindow } from '../validation';
import { criterionCodesOf } from '../../../checklist/templates';
import { criterionCodesProblems } from '../../../checklist/validation';
import { isUser } from '../../../shared/actor';
import { conflict, forbidden, invalid, isRejection } from '../../../shared/rejection';
import { iso } from '../../../shared/time';

export const planningHandlers: Pick<HandlerTable, 'PlanInspection' | 'RescheduleVisit' | 'MarkVisitWindowMissed' | 'StartVisit'> = {
  PlanInspection: ({ state, command, actor, now }) => {
    if (isUser(actor) && actor.role !== 'lead_inspector') return forbidden('Only a lead inspector may plan an inspection.');
    if (state) return conflict(`Inspection ${command.inspectionId} already exists (it is ${state.status}).`);
    if (command.criterionCodes !== undefined) {
      const problems = criterionCodesProblems(command.criterionCodes);
      if (problems.length > 0) return invalid('The checklist of the inspection is not valid.', problems);
    } else if (!criterionCodesOf(command)) return invalid(`Unknown checklist version ${command.checklistVersion}.`);
    const window = resolveWindow(command.windowStart, command.windowEnd, now);
    if (isRejection(window)) return window;
    return [
      {
        type: 'InspectionPlanned',
        data: {
          inspectionId: command.inspectionId,
          campaignId: command.campaignId,
          unitId: command.unitId,
          year: command.year,
          team: command.team,
          policy: command.policy,
          checklistVersion: command.checklistVersion,
          ...(command.criterionCodes ? { criterionCodes: [...command.criterionCodes] } : {}),
          window,
          ...(command.followUpOf ? { followUpOf: command.followUpOf } : {}),
        },
      },
    ];
  },

  RescheduleVisit: ({ state: s, command, user, now }) => {
    const denied = requireLead(user, s, 'reschedule the visit') ?? requireStatus(s, ['planned'], 'reschedule the visit');
    if (denied) return denied;
    const window = resolveWindow(command.windowStart, command.windowEnd, now);
    if (isRejection(window)) return window;
    return [{ type: 'VisitRescheduled', data: { window, previousWindow: s.window } }];
  },

  MarkVisitWindowMissed: ({ state: s, now }) => {
    const busy = requireStatus(s, ['planned'], 'mark the visit window missed');
    if (busy) return busy;
    if (s.windowMissed) return conflict('The visit window was already marked missed.');
    if (now.getTime() < Date.parse(s.window.closesAt)) return conflict('The visit window has not closed yet.');
    return [{ type: 'VisitWindowMissed', data: { window: s.window } }];
  },

  StartVisit: ({ state: s, user, now }) => {
    const denied = requireLead(user, s, 'start the visit') ?? requireStatus(s, ['planned'], 'start the visit');
    if (denied) return denied;
    if (now.getTime() < Date.parse(s.window.opensAt)) {
      return conflict(`The visit window opens at ${s.window.opensAt} (${s.window.windowStart}); the visit cannot start before it.`);
    }
    if (now.getTime() > Date.parse(s.window.closesAt)) {
      return conflict(`The visit window closed at ${s.window.closesAt} (${s.window.windowEnd}); reschedule the visit first.`);
    }
    return [{ type: 'VisitStarted', data: { startedAt: iso(now) } }];
  },
};
