import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inspecting authority as data (one row): its name, the inspection body's name, the place
 * line of its documents, and the chairman's name and title for the signature block. Seeded from
 * the AUTHORITY_NAME setting of the environment the migration runs in (the value documents were
 * printed with until now); from here on the admin edits it (PATCH /authority) and the setting is
 * only the default of a first start.
 */
export class AuthorityAsData1764900000000 implements MigrationInterface {
  name = 'AuthorityAsData1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE authority (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        name text NOT NULL,
        inspection_body_name text NOT NULL,
        place text NOT NULL,
        chairman_name text NOT NULL,
        chairman_title text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid
      )`);
    const configured = process.env.AUTHORITY_NAME?.trim();
    await q.query(
      `INSERT INTO authority (id, name, inspection_body_name, place, chairman_name, chairman_title) VALUES (1, $1, $2, '', '', $3)`,
      [configured || DEFAULT_AUTHORITY_NAME, 'ĐOÀN KIỂM TRA CÔNG VỤ', 'CHỦ TỊCH'],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE authority`);
  }
}

/** The same default as AppConfig.AUTHORITY_NAME: a neutral heading until the admin names the authority. */
const DEFAULT_AUTHORITY_NAME = 'ỦY BAN NHÂN DÂN';
