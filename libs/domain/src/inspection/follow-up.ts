import { toLocalDate, yearOf } from '../calendar/local-date';
import { PlanInspectionCommand } from './commands';
import { InspectionEventOf } from './events';
import { InspectionState } from './state';

/**
 * The follow-up inspection that a `FollowUpScheduled` event asks for, as the command that plans
 * it: the same unit, team, policy, checklist and campaign as the inspection it follows up, in the
 * scheduled window. It counts in the year its window opens, in Asia/Ho_Chi_Minh: a window that
 * opens on 1 January opens at 17:00 UTC on 31 December, so the UTC year would be one too early.
 * The workflow decides this command like any other (`decide`), so its checks apply unchanged.
 */
export function followUpPlan(state: InspectionState, scheduled: InspectionEventOf<'FollowUpScheduled'>['data']): PlanInspectionCommand {
  const { followUpInspectionId, window } = scheduled;
  return {
    type: 'PlanInspection',
    inspectionId: followUpInspectionId,
    campaignId: state.campaignId,
    unitId: state.unitId,
    year: localYearOf(window.opensAt) ?? state.year,
    team: state.team,
    policy: state.policy,
    checklistVersion: state.checklistVersion,
    ...(state.criterionCodes ? { criterionCodes: state.criterionCodes } : {}),
    windowStart: window.windowStart,
    windowEnd: window.windowEnd,
    followUpOf: state.id,
  };
}

/** The year in Asia/Ho_Chi_Minh at an instant, or undefined if it is not one. */
function localYearOf(instant: string): number | undefined {
  const at = new Date(instant);
  return Number.isNaN(at.getTime()) ? undefined : yearOf(toLocalDate(at));
}
