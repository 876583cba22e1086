import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inspectionSight, streamIds, UserActor } from '@inspectorate/domain';
import { EventStore } from '@inspectorate/event-store';
import { InspectionEntity } from '@inspectorate/read-model';
import { decodeCursor, encodeCursor, PageQuery, pageLimit, toPage } from '../common/pagination';
import { InspectionAccess } from '../access/inspection-access';
import { ListInspectionsQuery } from './inspection.dto';
import { InspectionPage, InspectionView, toInspectionView } from './inspection.view';
import { InspectionEventPage, visibleEvents } from './inspection-events.view';
import { AuditTrail, requestActor } from '../audit/audit-trail';

/** The read side of inspections: always from the projection, always filtered by who is asking (InspectionAccess). */
@Injectable()
export class InspectionQueries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: InspectionAccess,
    private readonly eventStore: EventStore,
    private readonly audit: AuditTrail,
  ) {}

  async get(id: string, user: UserActor): Promise<InspectionView> {
    const { state, version } = await this.access.require(id, user);
    // Only the team and the chairman get this far with a planned inspection; its window is the secret.
    if (state.status === 'planned') await this.audit.record('planned_window_read', requestActor(), id, { via: 'inspection' });
    return toInspectionView(state, version, user);
  }

  async list(query: ListInspectionsQuery, user: UserActor): Promise<InspectionPage> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const q = this.db.getRepository(InspectionEntity).createQueryBuilder('i').orderBy('i.planned_at', 'DESC').addOrderBy('i.id', 'DESC').limit(limit + 1);
    this.access.restrict(q, user);
    if (query.campaignId) q.andWhere('i.campaign_id = :campaignId', { campaignId: query.campaignId });
    if (query.unitId) q.andWhere('i.unit_id = :unitId', { unitId: query.unitId });
    if (query.status) q.andWhere('i.status = :status', { status: query.status });
    if (after) q.andWhere('(i.planned_at, i.id) < (:key, :id)', { key: after[0], id: after[1] });
    const rows = await q.getMany();
    const planned = rows.slice(0, limit).filter((row) => row.status === 'planned');
    await this.audit.recordEach('planned_window_read', requestActor(), planned.map((row) => row.id), { via: 'list' });
    return toPage(rows, limit, (r) => [r.plannedAt.toISOString(), r.id], (r) => toInspectionView(r.state, r.version, user));
  }

  /**
   * The events the caller may see, oldest first, a page at a time. The cursor counts the events
   * already returned to this caller: it reveals nothing of the events they may not see.
   */
  async events(id: string, user: UserActor, query: PageQuery): Promise<InspectionEventPage> {
    const { state } = await this.access.require(id, user);
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['count', 'uuid']);
    const seen = after ? Number(after[0]) : 0;
    const visible = visibleEvents(await this.eventStore.readStream(streamIds.inspection(id)), inspectionSight(user, state));
    const page = visible.slice(seen, seen + limit);
    const more = seen + limit < visible.length;
    return { items: page, nextCursor: more ? encodeCursor([String(seen + limit), page[page.length - 1].id]) : null };
  }
}
