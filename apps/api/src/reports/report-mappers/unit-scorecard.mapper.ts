import type { UnitScorecardReport, UnitYear } from '@inspectorate/reports';
import { UnitScorecardReportView, UnitYearView } from '../report.views';
import {
  toAccountabilitySummaryView,
  toConclusionCountsView,
  toFindingsSummaryView,
  toInspectionCountsView,
  toOverdueItemView,
  toRatingEntryView,
  toRemediationCountsView,
  toReportMetaView,
  toResponseCountsView,
  toUnitRefView,
} from './metrics.mapper';

/** A unit's scorecard as the API sends it: the library's report, field by field (see metrics.mapper.ts). */
export function toUnitScorecardReportView(report: UnitScorecardReport): UnitScorecardReportView {
  return {
    kind: report.kind,
    meta: toReportMetaView(report.meta),
    unit: toUnitRefView(report.unit),
    year: report.year,
    current: toUnitYearView(report.current),
    history: report.history.map(toUnitYearView),
    overdue: report.overdue.map(toOverdueItemView),
  };
}

function toUnitYearView(year: UnitYear): UnitYearView {
  return {
    year: year.year,
    inspections: toInspectionCountsView(year.inspections),
    conclusions: toConclusionCountsView(year.conclusions),
    findings: toFindingsSummaryView(year.findings),
    ratings: year.ratings.map(toRatingEntryView),
    latestRating: year.latestRating ? toRatingEntryView(year.latestRating) : null,
    responses: toResponseCountsView(year.responses),
    remediation: toRemediationCountsView(year.remediation),
    accountability: toAccountabilitySummaryView(year.accountability),
  };
}
