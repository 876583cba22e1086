import { DataSource } from 'typeorm';

/**
 * Why the role this connection logs in as could switch the event log's guards off (its triggers,
 * its grants) — a superuser, or the owner of `events` or a member of that owner — or undefined
 * when it cannot. The app should log in as a member of inspectorate_app (see the ChainGuards
 * migration); migrations run as the owner.
 */
export async function databaseRoleProblem(db: DataSource): Promise<string | undefined> {
  const [row] = await db.query<{ role: string; superuser: boolean; owner: string; actsAsOwner: boolean }[]>(
    `SELECT current_user AS role, r.rolsuper AS superuser, pg_get_userbyid(c.relowner) AS owner,
            pg_has_role(current_user, c.relowner, 'MEMBER') AS "actsAsOwner"
       FROM pg_roles r, pg_class c
      WHERE r.rolname = current_user AND c.oid = 'events'::regclass`,
  );
  if (!row) return undefined;
  if (row.superuser) return `the database role "${row.role}" is a superuser: it could disable the event log's triggers and rewrite it`;
  if (row.actsAsOwner) return `the database role "${row.role}" owns the event log (its owner is "${row.owner}"): it could disable its triggers and rewrite it`;
  return undefined;
}

/**
 * At start: production refuses a role that could rewrite the log; elsewhere (a laptop's
 * superuser) it is only worth a warning.
 */
export async function checkDatabaseRole(db: DataSource, production: boolean, warn: (message: string) => void): Promise<void> {
  const problem = await databaseRoleProblem(db);
  if (!problem) return;
  const advice = 'log in as a member of inspectorate_app and run migrations as the owner (README, Production)';
  if (production) throw new Error(`Refusing to start in production: ${problem}; ${advice}.`);
  warn(`${problem}; in production ${advice}.`);
}
