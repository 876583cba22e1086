import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { requestContext } from '@inspectorate/observability';

/** What the audit log records; the viewer filters by these. */
export const AUDIT_KINDS = [
  'login',
  'login_failed',
  'logout',
  'account_created',
  'account_changed',
  'account_deactivated',
  'account_reactivated',
  'password_reset',
  'password_changed',
  'unit_created',
  'unit_changed',
  'unit_deactivated',
  'unit_reactivated',
  'checklist_published',
  'import_applied',
  'report_exported',
  'conclusion_pdf_downloaded',
  'planned_window_read',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Who did it. A failed login has no one yet (the username tried goes into the details). */
export interface AuditActor {
  readonly userId: string;
  readonly username: string;
  readonly role: string;
}

/** Plain facts only: never a password, a token or a visit window. */
export type AuditDetails = Readonly<Record<string, unknown>>;

/** The authenticated caller of the current request (set by the access guard), if any. */
export function requestActor(): AuditActor | null {
  return requestContext.getStore()?.actor ?? null;
}

/**
 * Appends to the audit log (append-only: the database refuses any change to a row). The request's
 * id and the caller's address come from the request context, so callers name only what happened.
 * Pass the transaction's manager when the change it records is written in one, so both or neither
 * are kept.
 */
@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(kind: AuditKind, actor: AuditActor | null, subject: string | null, details: AuditDetails = {}, manager?: EntityManager): Promise<void> {
    const context = requestContext.getStore();
    await (manager ?? this.db.manager).query(
      `INSERT INTO audit_log (actor_user_id, actor_username, actor_role, kind, subject, details, request_id, client_address)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [actor?.userId ?? null, actor?.username ?? null, actor?.role ?? null, kind, subject, JSON.stringify(details), context?.requestId ?? null, context?.clientAddress ?? null],
    );
  }

  /** The same record about several subjects (a page of a list), in one statement. */
  async recordEach(kind: AuditKind, actor: AuditActor | null, subjects: readonly string[], details: AuditDetails = {}): Promise<void> {
    if (subjects.length === 0) return;
    const context = requestContext.getStore();
    await this.db.query(
      `INSERT INTO audit_log (actor_user_id, actor_username, actor_role, kind, subject, details, request_id, client_address)
       SELECT $1, $2, $3, $4, subject, $6, $7, $8 FROM unnest($5::text[]) AS subject`,
      [actor?.userId ?? null, actor?.username ?? null, actor?.role ?? null, kind, subjects, JSON.stringify(details), context?.requestId ?? null, context?.clientAddress ?? null],
    );
  }
}
