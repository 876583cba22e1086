import { MigrationInterface, QueryRunner } from 'typeorm';
import { findingSearchText } from '@inspectorate/read-model/search-text';

/**
 * Findings get their text folded for accent-insensitive search (`search_text`), which the
 * projector fills from now on. Existing rows are filled here from their inspection's projected
 * state, by the same function, so old findings are found like new ones.
 */
export class FindingSearchText1764900000002 implements MigrationInterface {
  name = 'FindingSearchText1764900000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE findings ADD COLUMN search_text text NOT NULL DEFAULT ''`);
    const rows = (await q.query(
      `SELECT f.id, f.criterion_code AS "criterionCode", x.finding->>'description' AS description, coalesce(x.finding->'people', '[]'::jsonb) AS people
         FROM findings f
         JOIN inspections i ON i.id = f.inspection_id
         CROSS JOIN LATERAL jsonb_array_elements(i.state->'findings') AS x(finding)
        WHERE x.finding->>'id' = f.id::text`,
    )) as { id: string; criterionCode: string; description: string | null; people: string[] }[];
    for (const row of rows) {
      await q.query(`UPDATE findings SET search_text = $2 WHERE id = $1`, [
        row.id,
        findingSearchText({ criterionCode: row.criterionCode, description: row.description ?? '', people: row.people }),
      ]);
    }
    await q.query(`ALTER TABLE findings ALTER COLUMN search_text DROP DEFAULT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE findings DROP COLUMN search_text`);
  }
}
