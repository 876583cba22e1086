import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityTarget, In, SelectQueryBuilder } from 'typeorm';
import { UserActor } from '@inspectorate/domain';
import { checklistStore, UnitEntity } from '@inspectorate/directory';
import { EventStore } from '@inspectorate/event-store';
import {
  AccountabilityCaseEntity,
  CampaignEntity,
  CampaignRow,
  CorrectiveActionEntity,
  FindingEntity,
  InspectionEntity,
} from '@inspectorate/read-model';
import { CriterionNames, EMPTY_ROWS, ReplayScope, ReportInspection, ReportReplay, ReportRows, UnitDirectory } from '@inspectorate/reports';
import { BoundedCache } from '../common/bounded-cache';
import { visibleTo } from '../inspections/inspections.queries';

/** Which inspections a report is about. */
export interface RowScope {
  readonly year?: number;
  readonly unitId?: string;
  readonly campaignId?: string;
}

export interface ReplayedRows {
  readonly rows: ReportRows;
  readonly campaign: (id: string) => CampaignRow | undefined;
  /** Served from the cache of earlier replays. */
  readonly cached: boolean;
}

/** Replays kept: a year of the demo district is a few MB of rows; a handful covers the usual "as of" days. */
const REPLAYS_KEPT = 16;

/**
 * Where a report's rows come from.
 *
 * - live: the projection tables, by indexed queries filtered by year, unit or campaign (and by
 *   what the caller may see, in SQL too), then the findings, actions and cases of exactly those
 *   inspections by their inspection id;
 * - as of a past instant: the event log up to then, folded in memory through the domain's
 *   `evolve` into the same rows by the same row builders (see ReportReplay).
 *
 * Either way the same pure report function computes the numbers.
 */
@Injectable()
export class ReportRowsSource {
  private readonly replays = new BoundedCache<Omit<ReplayedRows, 'cached'>>(REPLAYS_KEPT);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async live(scope: RowScope, viewer: UserActor): Promise<ReportRows> {
    const q = this.inspectionQuery();
    if (scope.year !== undefined) q.andWhere('i.year = :year', { year: scope.year });
    if (scope.unitId) q.andWhere('i.unit_id = :unitId', { unitId: scope.unitId });
    if (scope.campaignId) q.andWhere('i.campaign_id = :campaignId', { campaignId: scope.campaignId });
    return this.withChildren(await inspections(visibleTo(q, viewer)));
  }

  /**
   * Only what may be overdue at `asOf`: inspections drafting or awaiting a response past their
   * deadline, and inspections with an open or rejected action past its due date
   * (indexes: inspections by year and status, corrective_actions by status and due date).
   */
  async liveOverdue(year: number | undefined, asOf: Date, viewer: UserActor): Promise<ReportRows> {
    const late = this.db
      .getRepository(InspectionEntity)
      .createQueryBuilder('i')
      .select('i.id', 'id')
      .where(
        "((i.status = 'drafting' AND i.conclusion_due_at < :asOf) OR (i.status = 'awaiting_response' AND i.response_submitted_at IS NULL AND i.response_due_at < :asOf))",
        { asOf },
      );
    const lateActions = this.db
      .getRepository(CorrectiveActionEntity)
      .createQueryBuilder('a')
      .select('DISTINCT a.inspection_id', 'id')
      .where("a.status IN ('open', 'rejected') AND a.due_at < :asOf", { asOf });
    if (year !== undefined) {
      late.andWhere('i.year = :year', { year });
      lateActions.andWhere('a.year = :year', { year });
    }
    const ids = [
      ...new Set([...(await late.getRawMany<{ id: string }>()), ...(await lateActions.getRawMany<{ id: string }>())].map((r) => r.id)),
    ];
    if (ids.length === 0) return EMPTY_ROWS;
    return this.withChildren(await inspections(visibleTo(this.inspectionQuery().where('i.id = ANY(:ids)', { ids }), viewer)), {
      findings: false,
      cases: false,
    });
  }

  async liveCampaign(id: string): Promise<CampaignRow | undefined> {
    return (await this.db.getRepository(CampaignEntity).findOne({ where: { id } })) ?? undefined;
  }

  /**
   * The rows as they stood at `until`, from the events that had occurred by then.
   *
   * A replay reads the whole log, so one of a past instant is kept, keyed by the instant, the
   * scope and the log's head position: a new event (also one back-filled into the past) moves the
   * head and so makes a fresh key, and a key never names stale rows. The rows are not yet
   * filtered for the caller (each report applies the caller's visibility to them), so callers
   * with the same scope share a replay. Until now — today — is never kept: it changes by the second.
   */
  async replay(until: Date, scope: RowScope): Promise<ReplayedRows> {
    if (until.getTime() >= Date.now()) return { ...(await this.replayLog(until, scope)), cached: false };
    // The head first: an append racing the replay then makes the key older than the rows, never the reverse.
    const [{ head }] = await this.db.query<{ head: string | null }[]>('SELECT max(position) AS head FROM events');
    const key = JSON.stringify([until.toISOString(), scope.year ?? null, scope.unitId ?? null, scope.campaignId ?? null, head ?? '0']);
    const { value, hit } = await this.replays.getOrCompute(key, () => this.replayLog(until, scope));
    return { ...value, cached: hit };
  }

  private async replayLog(until: Date, scope: RowScope): Promise<Omit<ReplayedRows, 'cached'>> {
    const replay = new ReportReplay(scope satisfies ReplayScope);
    for await (const page of new EventStore(this.db).readAll({ occurredUntil: until })) replay.apply(page);
    const rows = replay.rows();
    return { rows, campaign: (id) => replay.campaign(id) };
  }

  /** The stored criteria of the checklist versions the rows name. */
  criteria(versions: readonly string[]): Promise<CriterionNames> {
    return checklistStore.criteria(this.db, versions);
  }

  async units(ids: Iterable<string>): Promise<UnitDirectory> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const units = await this.db.getRepository(UnitEntity).find({ where: { id: In(unique) }, select: { id: true, code: true, name: true } });
    return new Map(units.map((u) => [u.id, { code: u.code, name: u.name }]));
  }

  async unitExists(id: string): Promise<boolean> {
    return this.db.getRepository(UnitEntity).exists({ where: { id } });
  }

  /**
   * Every column of `inspections` but the folded state (a large jsonb the reports do not need),
   * and of the state only its checklist version; read raw (named as the row's properties), not
   * hydrated into entities, which costs more than the query itself on a big year.
   */
  private inspectionQuery(): SelectQueryBuilder<InspectionEntity> {
    return this.rawColumns(InspectionEntity, 'i', ['state', 'version', 'updatedAt']).addSelect(
      "i.state->>'checklistVersion'",
      'checklistVersion',
    );
  }

  private rawColumns<T extends object>(entity: EntityTarget<T>, alias: string, except: string[] = []): SelectQueryBuilder<T> {
    const q = this.db.getRepository(entity).createQueryBuilder(alias).select([]);
    for (const column of this.db.getMetadata(entity).columns) {
      if (!except.includes(column.propertyName)) q.addSelect(`${alias}.${column.databaseName}`, column.propertyName);
    }
    return q;
  }

  private async withChildren(inspections: ReportInspection[], include = { findings: true, cases: true }): Promise<ReportRows> {
    if (inspections.length === 0) return EMPTY_ROWS;
    const ids = inspections.map((i) => i.id);
    const children = <T extends object>(entity: EntityTarget<T>, alias: string) =>
      this.rawColumns(entity, alias).where(`${alias}.inspection_id = ANY(:ids)`, { ids }).getRawMany<T>();
    const [findings, actions, cases] = await Promise.all([
      include.findings ? children(FindingEntity, 'f') : [],
      children(CorrectiveActionEntity, 'a'),
      include.cases ? children(AccountabilityCaseEntity, 'c') : [],
    ]);
    return { inspections, findings, actions, cases };
  }
}

/** Runs a query of `inspectionQuery()`: plain rows, the checklist version in place of the state. */
async function inspections(q: SelectQueryBuilder<InspectionEntity>): Promise<ReportInspection[]> {
  const raw = await q.getRawMany<Omit<ReportInspection, 'state'> & { checklistVersion: string | null }>();
  return raw.map(({ checklistVersion, ...row }) => ({ ...row, state: { checklistVersion: checklistVersion ?? undefined } }));
}
