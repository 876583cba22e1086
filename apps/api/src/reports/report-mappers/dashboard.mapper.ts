import type { DashboardReport, UnitOpenFindings, UnitRating } from '@inspectorate/reports';
import { DashboardReportView, DashboardUnitsView, UnitOpenFindingsView, UnitRatingView } from '../report.views';
import {
  toAccountabilitySummaryView,
  toConclusionCountsView,
  toFindingsSummaryView,
  toInspectionCountsView,
  toOverdueItemView,
  toRemediationCountsView,
  toReportMetaView,
  toResponseCountsView,
} from './metrics.mapper';

/** The dashboard as the API sends it: the library's report, field by field (see metrics.mapper.ts). */
export function toDashboardReportView(report: DashboardReport): DashboardReportView {
  return {
    kind: report.kind,
    meta: toReportMetaView(report.meta),
    year: report.year,
    inspections: toInspectionCountsView(report.inspections),
    conclusions: toConclusionCountsView(report.conclusions),
    findings: toFindingsSummaryView(report.findings),
    units: toDashboardUnitsView(report.units),
    responses: toResponseCountsView(report.responses),
    remediation: toRemediationCountsView(report.remediation),
    overdue: report.overdue.map(toOverdueItemView),
    accountability: toAccountabilitySummaryView(report.accountability),
  };
}

function toDashboardUnitsView(units: DashboardReport['units']): DashboardUnitsView {
  return { byOpenFindings: units.byOpenFindings.map(toUnitOpenFindingsView), byRating: units.byRating.map(toUnitRatingView) };
}

function toUnitOpenFindingsView(unit: UnitOpenFindings): UnitOpenFindingsView {
  return {
    rank: unit.rank,
    unitId: unit.unitId,
    unitCode: unit.unitCode,
    unitName: unit.unitName,
    openFindings: unit.openFindings,
    findings: unit.findings,
    inspections: unit.inspections,
  };
}

function toUnitRatingView(unit: UnitRating): UnitRatingView {
  return {
    rank: unit.rank,
    unitId: unit.unitId,
    unitCode: unit.unitCode,
    unitName: unit.unitName,
    rating: unit.rating,
    label: unit.label,
    approvedAt: unit.approvedAt,
    inspectionId: unit.inspectionId,
  };
}
