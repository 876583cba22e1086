import { EntityManager } from 'typeorm';
import { ChecklistDraft, checklistVersionName, Criterion } from '@inspectorate/domain';

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner's manager. */
type Sql = Pick<EntityManager, 'query'>;

export interface ChecklistVersionSummary {
  readonly version: string;
  readonly templateKey: string;
  readonly number: number;
  readonly title: string;
  readonly publishedAt: Date;
  readonly publishedBy: string | null;
  readonly criteriaCount: number;
}

export interface ChecklistVersionRecord extends ChecklistVersionSummary {
  readonly criteria: readonly Criterion[];
}

const SUMMARY = `v.version, v.template_key AS "templateKey", v.number, v.title, v.published_at AS "publishedAt", v.published_by AS "publishedBy",
  (SELECT count(*)::int FROM checklist_criteria c WHERE c.version = v.version) AS "criteriaCount"`;

/**
 * The stored checklist templates (migration ChecklistTemplates): only published versions are
 * read; publishing writes a draft with its criteria and publishes it in the caller's transaction.
 */
export const checklistStore = {
  /** Every published version, newest template first by its newest version, then by number. */
  async summaries(sql: Sql): Promise<ChecklistVersionSummary[]> {
    return sql.query(`SELECT ${SUMMARY} FROM checklist_versions v WHERE v.published_at IS NOT NULL ORDER BY v.template_key, v.number DESC`);
  },

  /** The version a campaign gets when it names none: the one published last. */
  async newest(sql: Sql): Promise<ChecklistVersionRecord | undefined> {
    const name = await this.newestName(sql);
    return name ? this.version(sql, name) : undefined;
  },

  async newestName(sql: Sql): Promise<string | undefined> {
    const [row] = await sql.query(`SELECT version FROM checklist_versions WHERE published_at IS NOT NULL ORDER BY published_at DESC, number DESC, version LIMIT 1`);
    return row?.version;
  },

  async version(sql: Sql, version: string): Promise<ChecklistVersionRecord | undefined> {
    const [summary] = await sql.query(`SELECT ${SUMMARY} FROM checklist_versions v WHERE v.version = $1 AND v.published_at IS NOT NULL`, [version]);
    if (!summary) return undefined;
    const criteria = await this.criteria(sql, [version]);
    return { ...summary, criteria: criteria.get(version) ?? [] };
  },

  /** The criteria of several versions, in their order: what reports and documents name findings by. */
  async criteria(sql: Sql, versions: readonly string[]): Promise<Map<string, Criterion[]>> {
    const result = new Map<string, Criterion[]>();
    if (versions.length === 0) return result;
    const rows: (Criterion & { version: string })[] = await sql.query(
      `SELECT c.version, c.code, c.name_en AS name, c.name_vi AS "nameVi", c.group_en AS "group", c.group_vi AS "groupVi"
         FROM checklist_criteria c JOIN checklist_versions v ON v.version = c.version
        WHERE c.version = ANY($1::text[]) AND v.published_at IS NOT NULL ORDER BY c.version, c.position`,
      [[...new Set(versions)]],
    );
    for (const { version, ...criterion } of rows) result.set(version, [...(result.get(version) ?? []), criterion]);
    return result;
  },

  async templateExists(sql: Sql, key: string): Promise<boolean> {
    const rows = await sql.query(`SELECT 1 FROM checklist_templates WHERE key = $1`, [key]);
    return rows.length > 0;
  },

  /**
   * Publishes the next version of a template (creating the template for its first), in the
   * caller's transaction. Two admins publishing at once: the loser's insert breaks the unique
   * number and its transaction is rolled back by the caller.
   */
  async publish(manager: EntityManager, key: string, draft: ChecklistDraft, userId: string, options: { newTemplate: boolean }): Promise<string> {
    if (options.newTemplate) await manager.query(`INSERT INTO checklist_templates (key, created_by) VALUES ($1, $2)`, [key, userId]);
    const [{ next }] = await manager.query(`SELECT coalesce(max(number), 0) + 1 AS next FROM checklist_versions WHERE template_key = $1`, [key]);
    const version = checklistVersionName(key, next);
    await manager.query(`INSERT INTO checklist_versions (version, template_key, number, title) VALUES ($1, $2, $3, $4)`, [version, key, next, draft.title]);
    await manager.query(
      `INSERT INTO checklist_criteria (version, position, code, name_vi, name_en, group_vi, group_en)
       SELECT $1, ord - 1, code, name_vi, name_en, group_vi, group_en
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS t(code, name_vi, name_en, group_vi, group_en, ord)`,
      [
        version,
        draft.criteria.map((c) => c.code),
        draft.criteria.map((c) => c.nameVi),
        draft.criteria.map((c) => c.name),
        draft.criteria.map((c) => c.groupVi),
        draft.criteria.map((c) => c.group),
      ],
    );
    await manager.query(`UPDATE checklist_versions SET published_at = clock_timestamp(), published_by = $2 WHERE version = $1`, [version, userId]);
    return version;
  },
};
