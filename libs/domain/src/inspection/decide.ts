/**
 * decide(state, command, actor, ctx) → the events that follow, or a rejection a person can read.
 *
 * This file is the front door and the dispatch only. The rules live with their phase
 * (`decision/phases/*`: planning, visit, conclusion, response, remediation, any phase); who may
 * do what in `decision/permissions.ts`; whether it can be done now in `decision/preconditions.ts`;
 * whether the content makes sense in `decision/validation.ts` (bounds in `LIMITS`); and closing
 * by itself in `decision/closure.ts`.
 *
 * Checks run in the order a user would want to hear about them: whether the inspection exists
 * for you (404), whether you may do this (403), whether it can be done now (409), and whether
 * what you sent makes sense (400).
 */
import { InspectionCommand, InspectionCommandType, SYSTEM_COMMANDS } from './commands';
import { InspectionState } from './state';
import { canSeeInspection } from './visibility';
import { withClosure } from './decision/closure';
import { Decision, DecisionContext, Handler, HandlerTable } from './decision/context';
import { anyPhaseHandlers } from './decision/phases/any-phase';
import { campaignDrivenHandlers } from './decision/phases/campaign-driven';
import { conclusionHandlers } from './decision/phases/conclusion';
import { planningHandlers } from './decision/phases/planning';
import { remediationHandlers } from './decision/phases/remediation';
import { responseHandlers } from './decision/phases/response';
import { visitHandlers } from './decision/phases/visit';
import { calendarCorrectionHandlers } from './decision/phases/calendar-correction';
import { defaultCalendar, isCalendarGap } from '../calendar';
import { Actor, isUser } from '../shared/actor';
import { conflict, forbidden, invalid, isRejection, notFound } from '../shared/rejection';
import { iso } from '../shared/time';

export type { Decision, DecisionContext, Handler, HandlerInput, HandlerTable } from './decision/context';
export { isRemediationComplete } from './decision/closure';
export { UPHELD_ACTION_OWNER } from './decision/phases/remediation';
export { resolveWindow } from './decision/validation';
export { deadlineCorrections } from './decision/phases/calendar-correction';
export type { DeadlineCorrection } from './decision/phases/calendar-correction';

/** Every command's handler, by lifecycle phase. Missing one is a compile error. */
const HANDLERS: HandlerTable = {
  ...planningHandlers,
  ...visitHandlers,
  ...conclusionHandlers,
  ...responseHandlers,
  ...remediationHandlers,
  ...anyPhaseHandlers,
  ...calendarCorrectionHandlers,
  ...campaignDrivenHandlers,
};

export function decide(state: InspectionState | undefined, command: InspectionCommand, actor: Actor, ctx: DecisionContext): Decision {
  const input = { command, actor, user: isUser(actor) ? actor : undefined, now: ctx.now, calendar: ctx.calendar ?? defaultCalendar, newId: ctx.newId };
  if (command.type === 'PlanInspection') return HANDLERS.PlanInspection({ ...input, command, state });
  if (!state) return notFound('Inspection not found.');

  const isSystemCommand = SYSTEM_COMMANDS.has(command.type);
  if (isUser(actor)) {
    if (!canSeeInspection(actor, state)) return notFound('Inspection not found.');
    if (isSystemCommand) return forbidden(`${command.type} is done by the system's timers, not by a person.`);
  } else if (!isSystemCommand) {
    return forbidden(`${command.type} must be sent by a person, not by the system.`);
  }
  if (new Date(state.lastEventAt).getTime() > ctx.now.getTime()) {
    return invalid(`A command cannot take effect at ${iso(ctx.now)}, before the inspection's last event (${state.lastEventAt}).`);
  }

  // The table pairs each command type with its handler; TypeScript cannot follow that pairing
  // through an index by a union, hence the one widening here.
  const handler = HANDLERS[command.type] as Handler<InspectionCommandType>;
  const decided = decideCounting(() => handler({ ...input, state }));
  if (isRejection(decided)) return decided;
  return withClosure(state, decided, actor, ctx.now);
}

/**
 * Runs a handler; a deadline that would fall in (or be counted through) a year the calendar has
 * no entries for is refused with the year named, never counted as a plain Monday-to-Friday week.
 */
function decideCounting(run: () => Decision): Decision {
  try {
    return run();
  } catch (error) {
    if (isCalendarGap(error)) {
      return conflict(`There is no working-day calendar for ${error.year}, so this deadline cannot be counted. An administrator must enter that year's holidays first.`);
    }
    throw error;
  }
}

export type { InspectionCommandType };
