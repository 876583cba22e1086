import {
  INSPECTION_STATUSES,
  InspectionStatus,
  iso,
  isTerminal,
  Rating,
  Severity,
} from '@inspectorate/domain';
import type { ActionRow, CaseRow } from '@inspectorate/read-model/rows';
import {
  CASE_REASON_LABEL,
  isRating,
  OVERDUE_LABEL,
  OverdueKind,
  RATING_LABEL,
  RATING_ORDER,
  SEVERITY_LABEL,
  SEVERITY_ORDER,
} from './labels';
import { CriterionNames, ReportInspection, ReportRows, UnitDirectory, UnitRef, unitRef } from './input';
import { Ratio, ratio } from './ratio';

/**
 * The building blocks every report is made of, each a pure function of rows and `asOf`. The
 * definitions (what is counted, over what) are written once, here, next to the code.
 */

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const before = (at: Date | null, asOf: Date): at is Date => at !== null && at.getTime() < asOf.getTime();

// ---------------------------------------------------------------------------------------------
// Inspections

export interface InspectionCounts {
  /** Every inspection in scope that the viewer may know of, whatever became of it (the plan). */
  readonly planned: number;
  /** Still `planned`: the visit has not started (only the team and the chairman ever count these). */
  readonly notYetStarted: number;
  /** The visit started, whatever happened after. */
  readonly started: number;
  /** Started and neither closed nor cancelled. */
  readonly ongoing: number;
  readonly closed: number;
  readonly cancelled: number;
  readonly byStatus: Readonly<Record<InspectionStatus, number>>;
  /** started / planned: how much of the plan was carried out. */
  readonly startedOfPlanned: Ratio;
  /** closed / started: how many of the inspections that took place are finished. */
  readonly closedOfStarted: Ratio;
}

export function inspectionCounts(inspections: readonly ReportInspection[]): InspectionCounts {
  const byStatus = Object.fromEntries(INSPECTION_STATUSES.map((s) => [s, 0])) as Record<InspectionStatus, number>;
  for (const i of inspections) byStatus[i.status] += 1;
  const planned = inspections.length;
  const started = inspections.filter((i) => i.startedAt !== null).length;
  const closed = byStatus.closed;
  return {
    planned,
    notYetStarted: byStatus.planned,
    started,
    ongoing: inspections.filter((i) => i.startedAt !== null && !isTerminal(i.status)).length,
    closed,
    cancelled: byStatus.cancelled,
    byStatus,
    startedOfPlanned: ratio(started, planned),
    closedOfStarted: ratio(closed, started),
  };
}

// ---------------------------------------------------------------------------------------------
// Conclusions

export interface ConclusionCounts {
  /** Visits that ended: each owes a conclusion. */
  readonly visitsEnded: number;
  /** Submitted to the chairman at least once. */
  readonly submitted: number;
  readonly approved: number;
  /** Still being drafted after their deadline. */
  readonly overdue: number;
  /** approved / visitsEnded. */
  readonly approvedOfVisitsEnded: Ratio;
}

export function conclusionCounts(inspections: readonly ReportInspection[], asOf: Date): ConclusionCounts {
  const visitsEnded = inspections.filter((i) => i.visitEndedAt !== null).length;
  const approved = inspections.filter((i) => i.approvedAt !== null).length;
  return {
    visitsEnded,
    submitted: inspections.filter((i) => i.submittedAt !== null).length,
    approved,
    overdue: inspections.filter((i) => isConclusionOverdue(i, asOf)).length,
    approvedOfVisitsEnded: ratio(approved, visitsEnded),
  };
}

// ---------------------------------------------------------------------------------------------
// Findings

export interface SeverityCount {
  readonly severity: Severity;
  readonly label: string;
  readonly total: number;
  readonly open: number;
}

export interface CriterionCount {
  readonly criterionCode: string;
  /** The criterion's Vietnamese name in the checklist version the inspection used. */
  readonly name: string;
  readonly nameEn: string;
  readonly total: number;
  readonly open: number;
}

export interface FindingsSummary {
  /** Findings recorded and not withdrawn (a withdrawn finding is not a finding). */
  readonly total: number;
  /** Of those, still unresolved: the inspection is not closed or cancelled and no verified action answers it. */
  readonly open: number;
  readonly withdrawn: number;
  /** critical, major, minor: always all three. */
  readonly bySeverity: readonly SeverityCount[];
  /** Most findings first, then by code; only criteria with findings. */
  readonly byCriterion: readonly CriterionCount[];
}

export function findingsSummary(rows: ReportRows, names: CriterionNames = new Map()): FindingsSummary {
  const live = rows.findings.filter((f) => f.status !== 'withdrawn');
  const checklistOf = new Map(rows.inspections.map((i) => [i.id, checklistVersionOf(i)]));
  const bySeverity = SEVERITY_ORDER.map((severity) => {
    const of = live.filter((f) => f.severity === severity);
    return { severity, label: SEVERITY_LABEL[severity], total: of.length, open: of.filter((f) => f.open).length };
  });
  const criteria = new Map<string, { total: number; open: number; version: string | undefined }>();
  for (const f of live) {
    const entry = criteria.get(f.criterionCode) ?? { total: 0, open: 0, version: checklistOf.get(f.inspectionId) };
    entry.total += 1;
    if (f.open) entry.open += 1;
    criteria.set(f.criterionCode, entry);
  }
  const byCriterion = [...criteria.entries()]
    .map(([code, c]) => {
      const criterion = criterionNamed(names, code, c.version);
      return { criterionCode: code, name: criterion?.nameVi ?? code, nameEn: criterion?.name ?? code, total: c.total, open: c.open };
    })
    .sort((a, b) => b.total - a.total || a.criterionCode.localeCompare(b.criterionCode));
  return {
    total: live.length,
    open: live.filter((f) => f.open).length,
    withdrawn: rows.findings.length - live.length,
    bySeverity,
    byCriterion,
  };
}

function checklistVersionOf(row: ReportInspection): string | undefined {
  return row.state?.checklistVersion;
}

/** The criterion in the inspection's checklist version; a code unknown there is looked up in the other versions given. */
function criterionNamed(names: CriterionNames, code: string, version: string | undefined) {
  return (version ? names.get(version)?.find((c) => c.code === code) : undefined) ?? [...names.values()].flat().find((c) => c.code === code);
}

// ---------------------------------------------------------------------------------------------
// Responses

export interface ResponseCounts {
  /**
   * Responses that were due by `asOf`: those submitted, plus those whose deadline passed with
   * none while the unit owed one (still awaiting it, or cancelled only after the deadline). An
   * inspection closed at approval (nothing to remedy) owes no response.
   */
  readonly due: number;
  readonly submitted: number;
  readonly onTime: number;
  readonly late: number;
  /** Deadline passed, no response yet, still awaited. */
  readonly overdue: number;
  /** Awaited, deadline not yet passed. */
  readonly pending: number;
  /** onTime / due. */
  readonly onTimeRate: Ratio;
}

export function responseCounts(inspections: readonly ReportInspection[], asOf: Date): ResponseCounts {
  let submitted = 0;
  let onTime = 0;
  let missedAndGone = 0;
  let overdue = 0;
  let pending = 0;
  for (const i of inspections) {
    if (i.responseSubmittedAt !== null) {
      submitted += 1;
      if (i.responseLate !== true) onTime += 1;
    } else if (isResponseOverdue(i, asOf)) {
      overdue += 1;
    } else if (i.status === 'awaiting_response') {
      pending += 1;
    } else if (
      i.status === 'cancelled' &&
      before(i.responseDueAt, asOf) &&
      i.cancelledAt !== null &&
      i.cancelledAt.getTime() > i.responseDueAt.getTime()
    ) {
      missedAndGone += 1;
    }
  }
  const due = submitted + overdue + missedAndGone;
  return { due, submitted, onTime, late: submitted - onTime, overdue, pending, onTimeRate: ratio(onTime, due) };
}

// ---------------------------------------------------------------------------------------------
// Corrective actions

export interface RemediationCounts {
  /** Corrective actions planned, except those of cancelled inspections. */
  readonly total: number;
  readonly verified: number;
  /** Reported done by the unit, awaiting the lead's verification. */
  readonly reported: number;
  /** Open or rejected (to be redone). */
  readonly open: number;
  /** Open or rejected with their due date before `asOf`. */
  readonly overdue: number;
  /** verified / total. */
  readonly completionRate: Ratio;
}

export function remediationCounts(rows: ReportRows, asOf: Date): RemediationCounts {
  const cancelled = new Set(rows.inspections.filter((i) => i.status === 'cancelled').map((i) => i.id));
  const actions = rows.actions.filter((a) => !cancelled.has(a.inspectionId));
  const verified = actions.filter((a) => a.status === 'verified').length;
  return {
    total: actions.length,
    verified,
    reported: actions.filter((a) => a.status === 'reported').length,
    open: actions.filter((a) => a.status === 'open' || a.status === 'rejected').length,
    overdue: actions.filter((a) => isActionOverdue(a, asOf)).length,
    completionRate: ratio(verified, actions.length),
  };
}

// ---------------------------------------------------------------------------------------------
// Overdue: "a deadline before asOf, with the thing still not done"

export interface OverdueItem extends UnitRef {
  readonly kind: OverdueKind;
  readonly label: string;
  readonly dueAt: string;
  /** Whole days (24 h) between the deadline and `asOf`. */
  readonly daysOverdue: number;
  readonly inspectionId: string;
  readonly campaignId: string;
  readonly year: number;
  /** For an action: the action, its finding and who carries it out. */
  readonly actionId: string | null;
  readonly findingId: string | null;
  readonly owner: string | null;
}

export function isConclusionOverdue(i: ReportInspection, asOf: Date): boolean {
  return i.status === 'drafting' && before(i.conclusionDueAt, asOf);
}

export function isResponseOverdue(i: ReportInspection, asOf: Date): boolean {
  return i.status === 'awaiting_response' && i.responseSubmittedAt === null && before(i.responseDueAt, asOf);
}

export function isActionOverdue(a: ActionRow, asOf: Date): boolean {
  return (a.status === 'open' || a.status === 'rejected') && before(a.dueAt, asOf);
}

const KIND_ORDER: Record<OverdueKind, number> = { conclusion: 0, response: 1, action: 2 };

/** Everything overdue, oldest deadline first (ties: conclusions, responses, actions, then by id). */
export function overdueItems(rows: ReportRows, asOf: Date, units: UnitDirectory): OverdueItem[] {
  const items: OverdueItem[] = [];
  const item = (kind: OverdueKind, i: ReportInspection, dueAt: Date, action?: ActionRow): OverdueItem => ({
    kind,
    label: OVERDUE_LABEL[kind],
    dueAt: iso(dueAt),
    daysOverdue: Math.floor((asOf.getTime() - dueAt.getTime()) / MS_PER_DAY),
    ...unitRef(units, i.unitId),
    inspectionId: i.id,
    campaignId: i.campaignId,
    year: i.year,
    actionId: action?.id ?? null,
    findingId: action?.findingId ?? null,
    owner: action?.owner ?? null,
  });
  const byId = new Map(rows.inspections.map((i) => [i.id, i]));
  for (const i of rows.inspections) {
    if (isConclusionOverdue(i, asOf)) items.push(item('conclusion', i, i.conclusionDueAt!));
    if (isResponseOverdue(i, asOf)) items.push(item('response', i, i.responseDueAt!));
  }
  for (const a of rows.actions) {
    const i = byId.get(a.inspectionId);
    if (i && !isTerminal(i.status) && isActionOverdue(a, asOf)) items.push(item('action', i, a.dueAt, a));
  }
  return items.sort(
    (a, b) =>
      Date.parse(a.dueAt) - Date.parse(b.dueAt) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.actionId ?? a.inspectionId).localeCompare(b.actionId ?? b.inspectionId),
  );
}

export interface OverdueByKind {
  readonly conclusion: number;
  readonly response: number;
  readonly action: number;
}

export function countByKind(items: readonly OverdueItem[]): OverdueByKind {
  return {
    conclusion: items.filter((i) => i.kind === 'conclusion').length,
    response: items.filter((i) => i.kind === 'response').length,
    action: items.filter((i) => i.kind === 'action').length,
  };
}

// ---------------------------------------------------------------------------------------------
// Accountability cases

export interface CaseItem extends UnitRef {
  readonly caseId: string;
  readonly inspectionId: string;
  readonly reason: string;
  readonly label: string;
  readonly actionId: string | null;
  readonly openedAt: string;
  readonly daysOpen: number;
}

export interface AccountabilitySummary {
  readonly total: number;
  readonly open: number;
  readonly decided: number;
  /** Open cases, oldest first. */
  readonly openCases: readonly CaseItem[];
}

export function accountabilitySummary(cases: readonly CaseRow[], asOf: Date, units: UnitDirectory): AccountabilitySummary {
  const open = cases
    .filter((c) => c.status === 'open')
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.id.localeCompare(b.id))
    .map((c) => ({
      caseId: c.id,
      inspectionId: c.inspectionId,
      ...unitRef(units, c.unitId),
      reason: c.reason,
      label: CASE_REASON_LABEL[c.reason] ?? c.reason,
      actionId: c.actionId,
      openedAt: iso(c.openedAt),
      daysOpen: Math.floor((asOf.getTime() - c.openedAt.getTime()) / MS_PER_DAY),
    }));
  return { total: cases.length, open: open.length, decided: cases.length - open.length, openCases: open };
}

// ---------------------------------------------------------------------------------------------
// Ratings

export interface RatingEntry {
  readonly inspectionId: string;
  readonly rating: Rating;
  readonly label: string;
  readonly approvedAt: string;
}

/** Approved ratings, oldest approval first. */
export function ratingsOf(inspections: readonly ReportInspection[]): RatingEntry[] {
  return inspections
    .filter((i): i is ReportInspection & { approvedAt: Date } => i.approvedAt !== null && isRating(i.rating))
    .sort((a, b) => a.approvedAt.getTime() - b.approvedAt.getTime() || a.id.localeCompare(b.id))
    .map((i) => ({
      inspectionId: i.id,
      rating: i.rating as Rating,
      label: RATING_LABEL[i.rating as Rating],
      approvedAt: iso(i.approvedAt),
    }));
}

export function latestRating(inspections: readonly ReportInspection[]): RatingEntry | null {
  const all = ratingsOf(inspections);
  return all.length > 0 ? all[all.length - 1] : null;
}

export function ratingRank(rating: Rating): number {
  return RATING_ORDER.indexOf(rating);
}

/**
 * Standard competition ranking ("1, 1, 3"): items that compare equal share a rank, and the next
 * rank skips as many places as were shared. `items` must already be sorted by `same` first.
 */
export function competitionRanks<T>(items: readonly T[], same: (a: T, b: T) => boolean): number[] {
  const ranks: number[] = [];
  items.forEach((item, index) => {
    ranks.push(index > 0 && same(items[index - 1], item) ? ranks[index - 1] : index + 1);
  });
  return ranks;
}
