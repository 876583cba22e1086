import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dueInstant, startInstant, UserActor } from '@inspectorate/domain';
import { decodeCursor, Page, pageLimit, toPage } from '../common/pagination';
import { problems } from '../common/problem';
import { AuditLogQuery, AuditEntryView } from './audit-log.dto';
import { InspectionAccess } from '../access/inspection-access';
import { AuditKind } from './audit-trail';

/** A file of the audit log holds at most this many rows; beyond it, narrow the filters. */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  kind: AuditKind;
  subject: string | null;
  details: Record<string, unknown>;
  request_id: string | null;
  client_address: string | null;
}

/**
 * The audit log, newest first, filtered by person, kind and time. Secrecy holds here too: an
 * entry naming a planned inspection is shown only to whoever may see that inspection (the
 * chairman; the admin once its visit has started), as if it did not exist until then.
 */
@Injectable()
export class AuditLogQueries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: InspectionAccess,
  ) {}

  async page(query: AuditLogQuery, viewer: UserActor): Promise<Page<AuditEntryView>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const rows = await this.select(query, viewer, limit + 1, after);
    return toPage(rows, limit, (r) => [r.occurred_at.toISOString(), r.id], toEntryView);
  }

  /** Every row the filters select, for a file; refused when there are more than a file should hold. */
  async all(query: AuditLogQuery, viewer: UserActor): Promise<AuditEntryView[]> {
    const rows = await this.select(query, viewer, AUDIT_EXPORT_MAX_ROWS + 1, undefined);
    if (rows.length > AUDIT_EXPORT_MAX_ROWS) {
      throw problems.badRequest(`More than ${AUDIT_EXPORT_MAX_ROWS} entries match; narrow the filters (from, to, userId, kind) to export them.`, [
        { field: 'from', message: `must leave at most ${AUDIT_EXPORT_MAX_ROWS} entries` },
      ]);
    }
    return rows.map(toEntryView);
  }

  private select(query: AuditLogQuery, viewer: UserActor, limit: number, after: readonly [string, string] | undefined): Promise<AuditRow[]> {
    const from = query.from === undefined ? undefined : startInstant(query.from);
    const to = query.to === undefined ? undefined : dueInstant(query.to);
    if (from && to && from > to) throw problems.badRequest('The period ends before it starts.', [{ field: 'to', message: 'must not be before from' }]);
    const q = this.db
      .createQueryBuilder()
      .select('a.*')
      .from('audit_log', 'a')
      .orderBy('a.occurred_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit);
    if (query.userId) q.andWhere('a.actor_user_id = :userId', { userId: query.userId });
    if (query.kind?.length) q.andWhere('a.kind IN (:...kinds)', { kinds: query.kind });
    if (from) q.andWhere('a.occurred_at >= :from', { from });
    // A day's end is its last instant (dueInstant), so <= keeps the whole day.
    if (to) q.andWhere('a.occurred_at <= :to', { to });
    if (after) q.andWhere('(a.occurred_at, a.id) < (:key, :id)', { key: after[0], id: after[1] });
    // A read of a planned inspection names it: only those who may know it exists see the entry.
    if (!this.access.seesEverything(viewer)) {
      const visible = this.access.existsVisible(viewer, 'a.subject', { asText: true });
      q.andWhere(`(a.kind <> 'planned_window_read' OR ${visible.sql})`, visible.params);
    }
    return q.getRawMany<AuditRow>();
  }
}

function toEntryView(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    kind: row.kind,
    actor: row.actor_user_id && row.actor_username && row.actor_role ? { userId: row.actor_user_id, username: row.actor_username, role: row.actor_role } : null,
    subject: row.subject,
    details: row.details,
    requestId: row.request_id,
    clientAddress: row.client_address,
  };
}
