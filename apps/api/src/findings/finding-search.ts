import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserActor } from '@inspectorate/domain';
import { FindingEntity, foldForSearch, InspectionEntity } from '@inspectorate/read-model';
import { InspectionAccess } from '../access/inspection-access';
import { containsPattern } from '../common/accent-insensitive';
import { decodeCursor, Page, pageLimit, toPage } from '../common/pagination';
import { FindingSearchItem, SearchFindingsQuery } from './finding-search.dto';

interface FoundRow {
  id: string;
  inspectionId: string;
  campaignId: string;
  unitId: string;
  year: number;
  criterionCode: string;
  severity: string;
  status: string;
  open: boolean;
  dispute: string | null;
  recordedAt: Date;
  finding: { description?: string; people?: string[] } | null;
}

/**
 * Findings across inspections, newest first, for staff. Only findings of inspections the caller
 * may see: the same SQL rule as every inspection list (InspectionAccess), so a search never reveals
 * more than a list would (a planned inspection's, for its team and the chairman only).
 * Text matching is on `findings.search_text`, the projector's accent-folded copy of the
 * finding's words, with the query folded the same way (`foldForSearch`).
 */
@Injectable()
export class FindingSearch {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: InspectionAccess,
  ) {}

  async search(query: SearchFindingsQuery, user: UserActor): Promise<Page<FindingSearchItem>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const q = this.db
      .getRepository(FindingEntity)
      .createQueryBuilder('f')
      .innerJoin(InspectionEntity, 'i', 'i.id = f.inspection_id')
      .select([
        'f.id AS "id"',
        'f.inspection_id AS "inspectionId"',
        'i.campaign_id AS "campaignId"',
        'f.unit_id AS "unitId"',
        'f.year AS "year"',
        'f.criterion_code AS "criterionCode"',
        'f.severity AS "severity"',
        'f.status AS "status"',
        'f.open AS "open"',
        'f.dispute AS "dispute"',
        'f.recorded_at AS "recordedAt"',
      ])
      // The finding's text is in its inspection's state; only the page's rows carry it out.
      .addSelect(`(SELECT x FROM jsonb_array_elements(i.state->'findings') AS x WHERE x->>'id' = f.id::text LIMIT 1)`, 'finding')
      .orderBy('f.recorded_at', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .limit(limit + 1);
    this.access.restrict(q, user, 'i');
    searchWords(query.q).forEach((word, index) =>
      q.andWhere(`f.search_text LIKE :w${index} ESCAPE '\\'`, { [`w${index}`]: containsPattern(word) }),
    );
    if (query.criterionCode) q.andWhere('f.criterion_code = :criterionCode', { criterionCode: query.criterionCode });
    if (query.severity) q.andWhere('f.severity = :severity', { severity: query.severity });
    if (query.unitId) q.andWhere('f.unit_id = :unitId', { unitId: query.unitId });
    if (query.year) q.andWhere('f.year = :year', { year: query.year });
    if (after) q.andWhere('(f.recorded_at, f.id) < (:key, :id)', { key: after[0], id: after[1] });
    const rows = await q.getRawMany<FoundRow>();
    return toPage(rows, limit, (r) => [new Date(r.recordedAt).toISOString(), r.id], toItem);
  }
}

/** The query's words, folded like the stored text; at most 10 (more would only slow the query). */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return [
    ...new Set(
      foldForSearch(q)
        .split(' ')
        .filter((w) => w.length > 0),
    ),
  ].slice(0, 10);
}

function toItem(r: FoundRow): FindingSearchItem {
  return {
    id: r.id,
    inspectionId: r.inspectionId,
    campaignId: r.campaignId,
    unitId: r.unitId,
    year: r.year,
    criterionCode: r.criterionCode,
    severity: r.severity,
    status: r.status,
    open: r.open,
    ...(r.dispute ? { dispute: r.dispute } : {}),
    description: r.finding?.description ?? '',
    people: r.finding?.people ?? [],
    recordedAt: new Date(r.recordedAt).toISOString(),
  };
}
