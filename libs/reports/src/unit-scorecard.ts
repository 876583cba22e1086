import { ReportContext, ReportMeta, reportMeta, ReportRows, selectRows, UnitRef, unitRef, visibleRows } from './input';
import {
  AccountabilitySummary,
  accountabilitySummary,
  ConclusionCounts,
  conclusionCounts,
  findingsSummary,
  FindingsSummary,
  inspectionCounts,
  InspectionCounts,
  latestRating,
  OverdueItem,
  overdueItems,
  RatingEntry,
  ratingsOf,
  remediationCounts,
  RemediationCounts,
  responseCounts,
  ResponseCounts,
} from './metrics';

/** One unit, one year: is this unit getting better? */
export interface UnitYear {
  readonly year: number;
  readonly inspections: InspectionCounts;
  readonly conclusions: ConclusionCounts;
  readonly findings: FindingsSummary;
  /** Every approved rating of the year, oldest first. */
  readonly ratings: readonly RatingEntry[];
  readonly latestRating: RatingEntry | null;
  readonly responses: ResponseCounts;
  readonly remediation: RemediationCounts;
  readonly accountability: AccountabilitySummary;
}

export interface UnitScorecardReport {
  readonly kind: 'unit';
  readonly meta: ReportMeta;
  readonly unit: UnitRef;
  /** The year asked for (the current year by default). */
  readonly year: number;
  /** That year's scorecard, all zeros when nothing happened in it. */
  readonly current: UnitYear;
  /** Every year with an inspection of the unit the viewer may know of, and the year asked for; oldest first. */
  readonly history: readonly UnitYear[];
  /** What is overdue for the unit now, all years, oldest first. */
  readonly overdue: readonly OverdueItem[];
}

export function unitScorecardReport(all: ReportRows, unitId: string, year: number, ctx: ReportContext): UnitScorecardReport {
  const rows = selectRows(visibleRows(all, ctx.viewer), (i) => i.unitId === unitId);
  const years = [...new Set([...rows.inspections.map((i) => i.year), year])].sort((a, b) => a - b);
  const history = years.map((y) =>
    unitYear(
      selectRows(rows, (i) => i.year === y),
      y,
      ctx,
    ),
  );
  return {
    kind: 'unit',
    meta: reportMeta(ctx),
    unit: unitRef(ctx.units, unitId),
    year,
    current: history.find((h) => h.year === year)!,
    history,
    overdue: overdueItems(rows, ctx.asOf, ctx.units),
  };
}

function unitYear(rows: ReportRows, year: number, ctx: ReportContext): UnitYear {
  return {
    year,
    inspections: inspectionCounts(rows.inspections),
    conclusions: conclusionCounts(rows.inspections, ctx.asOf),
    findings: findingsSummary(rows, ctx.criteria),
    ratings: ratingsOf(rows.inspections),
    latestRating: latestRating(rows.inspections),
    responses: responseCounts(rows.inspections, ctx.asOf),
    remediation: remediationCounts(rows, ctx.asOf),
    accountability: accountabilitySummary(rows.cases, ctx.asOf, ctx.units),
  };
}
