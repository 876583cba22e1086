import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { InspectionState, UserActor, visibilityScope } from '@inspectorate/domain';
import { InspectionEntity } from '@inspectorate/read-model';
import { problems } from '../common/problem';
import { SqlFragment, visibilitySql } from './visibility-sql';

/**
 * Who may know which inspections exist, for every query of the API: the domain's policy
 * (`visibilityScope`, `canSeeInspection`) in its one SQL form. Lists, searches, reports, exports,
 * campaigns, attachments, my work, notifications, accountability cases and the audit log all
 * narrow their rows through it, so none can reveal more than another.
 */
@Injectable()
export class InspectionAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The condition on a row of `inspections` under `alias`; `TRUE` for the chairman. */
  where(user: UserActor, alias = 'i'): SqlFragment {
    return visibilitySql(visibilityScope(user), alias) ?? { sql: 'TRUE', params: {} };
  }

  /** Whether the caller sees every inspection (no condition needed at all). */
  seesEverything(user: UserActor): boolean {
    return visibilitySql(visibilityScope(user), 'i') === null;
  }

  /** Narrows a query over `inspections` (or joined to it under `alias`) to what the caller may see. */
  restrict<T extends object>(q: SelectQueryBuilder<T>, user: UserActor, alias = 'i'): SelectQueryBuilder<T> {
    const fragment = visibilitySql(visibilityScope(user), alias);
    return fragment ? q.andWhere(fragment.sql, fragment.params) : q;
  }

  /**
   * `EXISTS` an inspection with the id in `idColumn` that the caller may see: for rows of other
   * tables (notifications, cases, audit entries) that belong to an inspection. `idColumn` holds
   * a uuid, or with `asText` a text that may name one (the audit log's subject).
   */
  existsVisible(user: UserActor, idColumn: string, { asText = false } = {}): SqlFragment {
    const { sql, params } = this.where(user, 'visible_i');
    const id = asText ? 'visible_i.id::text' : 'visible_i.id';
    return { sql: `EXISTS (SELECT 1 FROM inspections visible_i WHERE ${id} = ${idColumn} AND ${sql})`, params };
  }

  /** The inspection if this caller may know it exists; otherwise a 404 that says nothing more. */
  async require(id: string, user: UserActor): Promise<{ state: InspectionState; version: number }> {
    const q = this.db.getRepository(InspectionEntity).createQueryBuilder('i').where('i.id = :id', { id });
    const row = await this.restrict(q, user).getOne();
    if (!row) throw problems.notFound('The inspection');
    return { state: row.state, version: row.version };
  }
}
