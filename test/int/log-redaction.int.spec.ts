import { randomUUID } from 'node:crypto';
import { UserEntity } from '@inspectorate/directory';
import { JsonLogger } from '@inspectorate/observability';
import { createTestDatabase, TestDatabase } from '../harness/database';

/**
 * An unexpected database error is logged (the API's problem filter and the worker both do), and
 * the log must not become a copy of the data: the row being inserted (a password hash), the
 * statement's parameters and the value PostgreSQL quotes back stay out; what identifies the
 * defect (SQLSTATE, constraint, table, the parameterised SQL) stays in.
 */
describe('database errors in the logs', () => {
  let db: TestDatabase;
  const lines: string[] = [];
  const logger = new JsonLogger('test', 'info', { write: (line: string) => void lines.push(line) });
  const logged = () => lines.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    db = await createTestDatabase(2);
  });
  afterAll(async () => {
    await db?.drop();
  });
  beforeEach(() => {
    lines.length = 0;
  });

  async function failure(work: () => Promise<unknown>): Promise<unknown> {
    try {
      await work();
    } catch (error) {
      return error;
    }
    throw new Error('expected the database to refuse');
  }

  it('keeps the inserted row out of a unique violation’s log line, and keeps the constraint', async () => {
    const passwordHash = `$argon2id$v=19$m=19456,t=2,p=1$${randomUUID()}`;
    const row = { id: randomUUID(), username: 'trung.lap', displayName: 'Nguyễn Thị Bí Mật', role: 'inspector' as const, unitId: null, passwordHash, isDemo: false };
    await db.dataSource.getRepository(UserEntity).insert(row);
    const error = await failure(() => db.dataSource.getRepository(UserEntity).insert({ ...row, id: randomUUID() }));
    logger.error(error, 'POST /api/v1/users failed');

    const text = lines.join('');
    for (const secret of [passwordHash, 'Nguyễn Thị Bí Mật', row.id, 'trung.lap']) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    const [record] = logged();
    expect(record).toMatchObject({ level: 'error', context: 'POST /api/v1/users failed', err: { code: '23505', constraint: 'users_username_key', table: 'users' } });
    expect((record.err as { query: string }).query).toMatch(/^INSERT INTO "users"/);
  });

  it('masks the value PostgreSQL quotes in a data exception', async () => {
    const forged = `not-a-uuid-${randomUUID()}`;
    const error = await failure(() => db.dataSource.query('SELECT 1 FROM users WHERE id = $1', [forged]));
    logger.error(error, 'GET /api/v1/users failed');
    expect(lines.join('')).not.toContain(forged);
    const [record] = logged();
    expect(record).toMatchObject({ err: { code: '22P02', message: 'invalid input syntax for type uuid: "…"' }, msg: 'invalid input syntax for type uuid: "…"' });
  });
});
