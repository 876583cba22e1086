import { Injectable } from '@nestjs/common';
import { endOfLocalDay, startOfLocalDay, toLocalDate, UserActor } from '@inspectorate/domain';
import {
  CampaignReport,
  campaignReport,
  DashboardReport,
  dashboardReport,
  OverdueReport,
  overdueReport,
  ReportContext,
  ReportRows,
  UnitScorecardReport,
  unitScorecardReport,
} from '@inspectorate/reports';
import { problems } from '../common/problem';
import { ReportRowsSource, RowScope } from './report-rows';

/** How long a report took, for the Server-Timing header. */
export interface ReportTiming {
  readonly source: 'live' | 'replay';
  /** A replay served from the cache of earlier ones. */
  readonly cached?: boolean;
  readonly loadMs: number;
  readonly computeMs: number;
}

export interface Timed<R> {
  readonly report: R;
  readonly timing: ReportTiming;
}

interface Instant {
  readonly asOf: Date;
  readonly replay: boolean;
}

/**
 * The reports, for one caller. Who sees what:
 * - staff roles: every report; inspections not yet started count only for their team and the
 *   chairman (the domain's `canSeeInspection`, applied in SQL and again to the rows);
 * - a unit head: the dashboard, the overdue list and their own unit's scorecard, all limited to
 *   their unit's started inspections; another unit's scorecard is 403, campaign reports are 403
 *   (for the role, whatever the campaign), so nothing reveals that a visit is planned.
 */
@Injectable()
export class ReportsService {
  constructor(private readonly rows: ReportRowsSource) {}

  async dashboard(viewer: UserActor, query: { year?: number; asOf?: string }): Promise<Timed<DashboardReport>> {
    const at = this.instant(query.asOf);
    const year = query.year ?? yearOf(at.asOf);
    return this.run(viewer, at, { year, ...ownUnit(viewer) }, (rows, ctx) => dashboardReport(rows, year, ctx));
  }

  async unit(viewer: UserActor, unitId: string, query: { year?: number; asOf?: string }): Promise<Timed<UnitScorecardReport>> {
    if (viewer.role === 'unit_head' && viewer.unitId !== unitId)
      throw problems.forbidden('A unit head may see only their own unit’s reports.');
    if (!(await this.rows.unitExists(unitId))) throw problems.notFound('The unit');
    const at = this.instant(query.asOf);
    const year = query.year ?? yearOf(at.asOf);
    return this.run(viewer, at, { unitId }, (rows, ctx) => unitScorecardReport(rows, unitId, year, ctx), [unitId]);
  }

  async campaign(viewer: UserActor, campaignId: string, query: { asOf?: string }): Promise<Timed<CampaignReport>> {
    const at = this.instant(query.asOf);
    const started = performance.now();
    const scope: RowScope = { campaignId };
    if (!at.replay) {
      const campaign = await this.rows.liveCampaign(campaignId);
      if (!campaign) throw problems.notFound('The campaign');
      const rows = await this.rows.live(scope, viewer);
      return this.compute(viewer, at, rows, started, (r, ctx) => campaignReport(r, campaign, ctx));
    }
    const replayed = await this.rows.replay(at.asOf, scope);
    const campaign = replayed.campaign(campaignId);
    if (!campaign) throw problems.notFound('The campaign');
    return this.compute(viewer, at, replayed.rows, started, (r, ctx) => campaignReport(r, campaign, ctx), [], replayed.cached);
  }

  async overdue(viewer: UserActor, query: { year?: number; asOf?: string }): Promise<Timed<OverdueReport>> {
    const at = this.instant(query.asOf);
    const year = query.year ?? null;
    const started = performance.now();
    if (!at.replay) {
      const rows = await this.rows.liveOverdue(query.year, at.asOf, viewer);
      return this.compute(viewer, at, rows, started, (r, ctx) => overdueReport(r, year, ctx));
    }
    const scope: RowScope = { ...(query.year !== undefined ? { year: query.year } : {}), ...ownUnit(viewer) };
    const replayed = await this.rows.replay(at.asOf, scope);
    return this.compute(viewer, at, replayed.rows, started, (r, ctx) => overdueReport(r, year, ctx), [], replayed.cached);
  }

  private async run<R>(
    viewer: UserActor,
    at: Instant,
    scope: RowScope,
    report: (rows: ReportRows, ctx: ReportContext) => R,
    extraUnits: string[] = [],
  ): Promise<Timed<R>> {
    const started = performance.now();
    if (!at.replay) return this.compute(viewer, at, await this.rows.live(scope, viewer), started, report, extraUnits);
    const replayed = await this.rows.replay(at.asOf, scope);
    return this.compute(viewer, at, replayed.rows, started, report, extraUnits, replayed.cached);
  }

  private async compute<R>(
    viewer: UserActor,
    at: Instant,
    rows: ReportRows,
    started: number,
    report: (rows: ReportRows, ctx: ReportContext) => R,
    extraUnits: string[] = [],
    cached = false,
  ): Promise<Timed<R>> {
    const units = await this.rows.units([...rows.inspections.map((i) => i.unitId), ...rows.cases.map((c) => c.unitId), ...extraUnits]);
    // Findings are named by their inspection's stored checklist version, never by a newer one.
    const criteria = await this.rows.criteria(rows.inspections.flatMap((i) => (i.state?.checklistVersion ? [i.state.checklistVersion] : [])));
    const loaded = performance.now();
    const result = report(rows, { asOf: at.asOf, units, viewer, source: at.replay ? 'replay' : 'live', criteria });
    const computed = performance.now();
    return {
      report: result,
      timing: { source: at.replay ? 'replay' : 'live', ...(cached ? { cached } : {}), loadMs: loaded - started, computeMs: computed - loaded },
    };
  }

  /**
   * `asOf=YYYY-MM-DD` means the end of that day in Asia/Ho_Chi_Minh; for today, that is now (the
   * rest of the day has not happened). A day after today is refused: the log does not know it.
   */
  private instant(asOf: string | undefined): Instant {
    const now = new Date();
    if (asOf === undefined) return { asOf: now, replay: false };
    if (startOfLocalDay(asOf).getTime() > now.getTime()) {
      throw problems.badRequest('asOf must not be after today.', [
        { field: 'asOf', message: `must not be after today (${toLocalDate(now)}, Asia/Ho_Chi_Minh)` },
      ]);
    }
    const end = endOfLocalDay(asOf);
    return { asOf: end.getTime() < now.getTime() ? end : now, replay: true };
  }
}

function yearOf(instant: Date): number {
  return Number(toLocalDate(instant).slice(0, 4));
}

/** A unit head's reports are about their unit only: narrow the query to it (visibility narrows it anyway). */
function ownUnit(viewer: UserActor): RowScope {
  return viewer.role === 'unit_head' ? { unitId: viewer.unitId ?? '00000000-0000-0000-0000-000000000000' } : {};
}
