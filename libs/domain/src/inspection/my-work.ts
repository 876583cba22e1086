import { defaultCalendar, deadlineAfter, isCalendarGap, toLocalDate, WorkingCalendar } from '../calendar';
import { UserActor } from '../shared/actor';
import { Instant } from '../shared/time';
import { InspectionState } from './state';
import { canSeeInspection, isTeamMember, isTerminal } from './visibility';

/**
 * "My work" (Việc của tôi): what is waiting for one person, derived from the inspections'
 * states. Pure: the same state, person and moment always give the same list.
 */
export const WORK_KINDS = [
  // the campaign's lead inspector
  'draft_conclusion',
  'resolve_dispute',
  'decide_extension',
  'verify_action',
  'reschedule_missed_window',
  'start_visit',
  // an inspector (or the lead) of the team
  'open_visit',
  // the head of the inspected unit
  'respond',
  'report_action',
  // the chairman
  'approve_conclusion',
  'decide_case',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export interface WorkItemFacts {
  readonly kind: WorkKind;
  readonly inspectionId: string;
  readonly campaignId: string;
  readonly unitId: string;
  readonly findingId?: string;
  readonly actionId?: string;
  readonly caseId?: string;
  /** When it is due; null when nothing sets a deadline (a visit in progress, an approval, a case). */
  readonly dueAt: Instant | null;
}

export interface WorkItemTiming {
  /** Working days from today to the due date (Asia/Ho_Chi_Minh, the calendar's holidays); negative once late. */
  readonly workingDaysLeft: number | null;
  readonly overdue: boolean;
}

/** What `state` asks of `actor` at `now`. Nothing from an inspection the actor may not see. */
export function workFor(actor: UserActor, s: InspectionState, now: Date, calendar: WorkingCalendar = defaultCalendar): WorkItemFacts[] {
  if (!canSeeInspection(actor, s)) return [];
  const item = (kind: WorkKind, dueAt: Instant | null, refs: Pick<WorkItemFacts, 'findingId' | 'actionId' | 'caseId'> = {}): WorkItemFacts => ({
    kind,
    inspectionId: s.id,
    campaignId: s.campaignId,
    unitId: s.unitId,
    ...refs,
    dueAt,
  });
  const items: WorkItemFacts[] = [];
  const live = !isTerminal(s.status);

  if (actor.role === 'lead_inspector' && s.team.leadInspectorId === actor.userId && live) {
    if (s.status === 'planned') {
      if (s.windowMissed) items.push(item('reschedule_missed_window', s.window.closesAt));
      else if (Date.parse(s.window.opensAt) <= now.getTime() && now.getTime() < Date.parse(s.window.closesAt)) items.push(item('start_visit', s.window.closesAt));
    }
    if (s.status === 'drafting') items.push(item('draft_conclusion', s.conclusionDeadline?.dueAt ?? null));
    if (s.extension?.status === 'pending') items.push(item('decide_extension', s.responseDeadline?.dueAt ?? null));
    for (const finding of s.findings) {
      if (finding.status === 'open' && finding.dispute?.status === 'pending') items.push(item('resolve_dispute', null, { findingId: finding.id }));
    }
    for (const action of s.actions) {
      if (action.status !== 'reported' || !action.reportedAt) continue;
      const due = uncountedAsNull(() => deadlineAfter(new Date(action.reportedAt!), s.policy.verificationDeadline, calendar).toISOString());
      items.push(item('verify_action', due, { findingId: action.findingId, actionId: action.id }));
    }
  }

  if ((actor.role === 'inspector' || actor.role === 'lead_inspector') && isTeamMember(actor, s.team) && s.status === 'in_progress') {
    items.push(item('open_visit', null));
  }

  if (actor.role === 'unit_head' && actor.unitId === s.unitId && live) {
    if (s.status === 'awaiting_response' && !s.response) items.push(item('respond', s.responseDeadline?.dueAt ?? null));
    for (const action of s.actions) {
      if (action.status === 'open' || action.status === 'rejected') items.push(item('report_action', action.dueAt, { findingId: action.findingId, actionId: action.id }));
    }
  }

  if (actor.role === 'chairman') {
    if (s.status === 'awaiting_approval') items.push(item('approve_conclusion', null));
    for (const found of s.cases) if (found.status === 'open') items.push(item('decide_case', null, { caseId: found.id }));
  }
  return items;
}

export function workTiming(dueAt: Instant | null, now: Date, calendar: WorkingCalendar = defaultCalendar): WorkItemTiming {
  if (dueAt === null) return { workingDaysLeft: null, overdue: false };
  const due = new Date(dueAt);
  const workingDaysLeft = uncountedAsNull(() => calendar.workingDaysBetween(toLocalDate(now), toLocalDate(due)));
  return { workingDaysLeft, overdue: due.getTime() < now.getTime() };
}

/** A count into a year without a calendar is unknown (null), never a Monday-to-Friday guess. */
function uncountedAsNull<T>(count: () => T): T | null {
  try {
    return count();
  } catch (error) {
    if (isCalendarGap(error)) return null;
    throw error;
  }
}

/** Most urgent first: overdue, then the earliest due, then what has no due date; ties in a stable order. */
export function compareWork(a: WorkItemFacts & WorkItemTiming, b: WorkItemFacts & WorkItemTiming): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    const byDue = Date.parse(a.dueAt) - Date.parse(b.dueAt);
    if (byDue !== 0) return byDue;
  }
  return key(a).localeCompare(key(b));
}

const key = (w: WorkItemFacts) => `${WORK_KINDS.indexOf(w.kind).toString().padStart(2, '0')}:${w.inspectionId}:${w.actionId ?? w.findingId ?? w.caseId ?? ''}`;
