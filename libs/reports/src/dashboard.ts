import { Rating } from '@inspectorate/domain';
import { RATING_LABEL } from './labels';
import { ReportContext, ReportMeta, reportMeta, ReportRows, selectRows, UnitRef, unitRef, visibleRows } from './input';
import {
  AccountabilitySummary,
  accountabilitySummary,
  competitionRanks,
  ConclusionCounts,
  conclusionCounts,
  findingsSummary,
  FindingsSummary,
  inspectionCounts,
  InspectionCounts,
  latestRating,
  OverdueItem,
  overdueItems,
  ratingRank,
  remediationCounts,
  RemediationCounts,
  responseCounts,
  ResponseCounts,
} from './metrics';

/** "What the chairman wants to see" for one year (the inspections of that year's campaigns). */
export interface DashboardReport {
  readonly kind: 'dashboard';
  readonly meta: ReportMeta;
  readonly year: number;
  readonly inspections: InspectionCounts;
  readonly conclusions: ConclusionCounts;
  readonly findings: FindingsSummary;
  readonly units: {
    /** Most open findings first; every unit with an inspection in the year, even at 0. */
    readonly byOpenFindings: readonly UnitOpenFindings[];
    /** Best latest rating first (good, fair, poor); only units with an approved conclusion. */
    readonly byRating: readonly UnitRating[];
  };
  readonly responses: ResponseCounts;
  readonly remediation: RemediationCounts;
  /** Everything overdue, oldest deadline first. */
  readonly overdue: readonly OverdueItem[];
  readonly accountability: AccountabilitySummary;
}

export interface UnitOpenFindings extends UnitRef {
  /** Competition rank ("1, 1, 3"): units with as many open findings share a rank. */
  readonly rank: number;
  readonly openFindings: number;
  readonly findings: number;
  /** Inspections of the unit that started in the year. */
  readonly inspections: number;
}

export interface UnitRating extends UnitRef {
  readonly rank: number;
  readonly rating: Rating;
  readonly label: string;
  readonly approvedAt: string;
  readonly inspectionId: string;
}

export function dashboardReport(all: ReportRows, year: number, ctx: ReportContext): DashboardReport {
  const rows = selectRows(visibleRows(all, ctx.viewer), (i) => i.year === year);
  return {
    kind: 'dashboard',
    meta: reportMeta(ctx),
    year,
    inspections: inspectionCounts(rows.inspections),
    conclusions: conclusionCounts(rows.inspections, ctx.asOf),
    findings: findingsSummary(rows, ctx.criteria),
    units: unitRankings(rows, ctx),
    responses: responseCounts(rows.inspections, ctx.asOf),
    remediation: remediationCounts(rows, ctx.asOf),
    overdue: overdueItems(rows, ctx.asOf, ctx.units),
    accountability: accountabilitySummary(rows.cases, ctx.asOf, ctx.units),
  };
}

/** Units ranked by open findings and by their latest rating (ties broken by unit code). */
export function unitRankings(rows: ReportRows, ctx: ReportContext): DashboardReport['units'] {
  const unitIds = [...new Set(rows.inspections.map((i) => i.unitId))];
  const perUnit = unitIds.map((unitId) => {
    const unitRows = selectRows(rows, (i) => i.unitId === unitId);
    const live = unitRows.findings.filter((f) => f.status !== 'withdrawn');
    return {
      ...unitRef(ctx.units, unitId),
      openFindings: live.filter((f) => f.open).length,
      findings: live.length,
      inspections: unitRows.inspections.filter((i) => i.startedAt !== null).length,
      latest: latestRating(unitRows.inspections),
    };
  });
  const byOpen = [...perUnit].sort((a, b) => b.openFindings - a.openFindings || a.unitCode.localeCompare(b.unitCode));
  const openRanks = competitionRanks(byOpen, (a, b) => a.openFindings === b.openFindings);
  const rated = perUnit
    .filter((u) => u.latest !== null)
    .sort((a, b) => ratingRank(a.latest!.rating) - ratingRank(b.latest!.rating) || a.unitCode.localeCompare(b.unitCode));
  const ratingRanks = competitionRanks(rated, (a, b) => a.latest!.rating === b.latest!.rating);
  return {
    byOpenFindings: byOpen.map(({ latest: _latest, ...u }, index) => ({ rank: openRanks[index], ...u })),
    byRating: rated.map(({ unitId, unitCode, unitName, latest }, index) => ({
      rank: ratingRanks[index],
      unitId,
      unitCode,
      unitName,
      rating: latest!.rating,
      label: RATING_LABEL[latest!.rating],
      approvedAt: latest!.approvedAt,
      inspectionId: latest!.inspectionId,
    })),
  };
}
