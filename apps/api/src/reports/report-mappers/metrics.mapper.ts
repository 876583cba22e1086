import type {
  AccountabilitySummary,
  CaseItem,
  ConclusionCounts,
  CriterionCount,
  FindingsSummary,
  InspectionCounts,
  OverdueItem,
  RatingEntry,
  Ratio,
  RemediationCounts,
  ReportMeta,
  ResponseCounts,
  SeverityCount,
  UnitRef,
} from '@inspectorate/reports';
import {
  AccountabilitySummaryView,
  CaseItemView,
  ConclusionCountsView,
  CriterionCountView,
  FindingsSummaryView,
  InspectionCountsView,
  OverdueItemView,
  RatingEntryView,
  RatioView,
  RemediationCountsView,
  ReportMetaView,
  ResponseCountsView,
  SeverityCountView,
  UnitRefView,
} from '../report.views';

/**
 * The building blocks every report is made of (libs/reports/src/metrics), as the API sends them.
 * Each mapper names every field of its view class and nothing else: the class is the one
 * definition of what is sent, so a field the class does not describe cannot be sent (the compiler
 * refuses the literal) and one it requires cannot be left out. Fields are written in the order
 * the library computes them, so the JSON is the library's report, byte for byte.
 */

export function toRatioView(ratio: Ratio): RatioView {
  return { numerator: ratio.numerator, denominator: ratio.denominator, percent: ratio.percent, text: ratio.text };
}

export function toReportMetaView(meta: ReportMeta): ReportMetaView {
  return { asOf: meta.asOf, source: meta.source, viewerRole: meta.viewerRole, scopeUnitId: meta.scopeUnitId };
}

export function toUnitRefView(unit: UnitRef): UnitRefView {
  return { unitId: unit.unitId, unitCode: unit.unitCode, unitName: unit.unitName };
}

export function toInspectionCountsView(counts: InspectionCounts): InspectionCountsView {
  const { byStatus } = counts;
  return {
    planned: counts.planned,
    notYetStarted: counts.notYetStarted,
    started: counts.started,
    ongoing: counts.ongoing,
    closed: counts.closed,
    cancelled: counts.cancelled,
    byStatus: {
      planned: byStatus.planned,
      in_progress: byStatus.in_progress,
      drafting: byStatus.drafting,
      awaiting_approval: byStatus.awaiting_approval,
      awaiting_response: byStatus.awaiting_response,
      remediating: byStatus.remediating,
      closed: byStatus.closed,
      cancelled: byStatus.cancelled,
    },
    startedOfPlanned: toRatioView(counts.startedOfPlanned),
    closedOfStarted: toRatioView(counts.closedOfStarted),
  };
}

export function toConclusionCountsView(counts: ConclusionCounts): ConclusionCountsView {
  return {
    visitsEnded: counts.visitsEnded,
    submitted: counts.submitted,
    approved: counts.approved,
    overdue: counts.overdue,
    approvedOfVisitsEnded: toRatioView(counts.approvedOfVisitsEnded),
  };
}

export function toFindingsSummaryView(findings: FindingsSummary): FindingsSummaryView {
  return {
    total: findings.total,
    open: findings.open,
    withdrawn: findings.withdrawn,
    bySeverity: findings.bySeverity.map(toSeverityCountView),
    byCriterion: findings.byCriterion.map(toCriterionCountView),
  };
}

function toSeverityCountView(count: SeverityCount): SeverityCountView {
  return { severity: count.severity, label: count.label, total: count.total, open: count.open };
}

function toCriterionCountView(count: CriterionCount): CriterionCountView {
  return { criterionCode: count.criterionCode, name: count.name, nameEn: count.nameEn, total: count.total, open: count.open };
}

export function toResponseCountsView(counts: ResponseCounts): ResponseCountsView {
  return {
    due: counts.due,
    submitted: counts.submitted,
    onTime: counts.onTime,
    late: counts.late,
    overdue: counts.overdue,
    pending: counts.pending,
    onTimeRate: toRatioView(counts.onTimeRate),
  };
}

export function toRemediationCountsView(counts: RemediationCounts): RemediationCountsView {
  return {
    total: counts.total,
    verified: counts.verified,
    reported: counts.reported,
    open: counts.open,
    overdue: counts.overdue,
    completionRate: toRatioView(counts.completionRate),
  };
}

export function toOverdueItemView(item: OverdueItem): OverdueItemView {
  return {
    kind: item.kind,
    label: item.label,
    dueAt: item.dueAt,
    daysOverdue: item.daysOverdue,
    unitId: item.unitId,
    unitCode: item.unitCode,
    unitName: item.unitName,
    inspectionId: item.inspectionId,
    campaignId: item.campaignId,
    year: item.year,
    actionId: item.actionId,
    findingId: item.findingId,
    owner: item.owner,
  };
}

export function toAccountabilitySummaryView(accountability: AccountabilitySummary): AccountabilitySummaryView {
  return {
    total: accountability.total,
    open: accountability.open,
    decided: accountability.decided,
    openCases: accountability.openCases.map(toCaseItemView),
  };
}

function toCaseItemView(item: CaseItem): CaseItemView {
  return {
    caseId: item.caseId,
    inspectionId: item.inspectionId,
    unitId: item.unitId,
    unitCode: item.unitCode,
    unitName: item.unitName,
    reason: item.reason,
    label: item.label,
    actionId: item.actionId,
    openedAt: item.openedAt,
    daysOpen: item.daysOpen,
  };
}

export function toRatingEntryView(entry: RatingEntry): RatingEntryView {
  return { inspectionId: entry.inspectionId, rating: entry.rating, label: entry.label, approvedAt: entry.approvedAt };
}
