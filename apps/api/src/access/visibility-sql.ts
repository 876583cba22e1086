import { VisibilityScope } from '@inspectorate/domain';

/** A condition for a WHERE clause with its named parameters (TypeORM's `:name` form). */
export interface SqlFragment {
  readonly sql: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * The SQL form of the domain's `VisibilityScope` over a row of `inspections` under `alias`:
 * the one rendering of `canSeeInspection` that every query uses. `null` when the scope admits
 * everything (the chairman), so that callers can leave the condition out altogether.
 * The columns are the projection's copies of the state's facts: `started_at` is set when the
 * visit started, `team_member_ids` holds the lead and the inspectors.
 */
export function visibilitySql(scope: VisibilityScope, alias: string): SqlFragment | null {
  switch (scope.kind) {
    case 'everything':
      return null;
    case 'own-unit-started':
      // A unit head without a unit sees nothing (the domain's rule: no unit, no match).
      if (scope.unitId === null) return { sql: 'FALSE', params: {} };
      return { sql: `(${alias}.unit_id = :visibleToUnit AND ${alias}.started_at IS NOT NULL)`, params: { visibleToUnit: scope.unitId } };
    case 'started-or-own-team':
      return {
        sql: `(${alias}.started_at IS NOT NULL OR :visibleToUser = ANY(${alias}.team_member_ids))`,
        params: { visibleToUser: scope.userId },
      };
  }
}
