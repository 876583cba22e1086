import { randomUUID } from 'node:crypto';
import { buildMatrixFixtures, MatrixFixtures } from './security/fixtures';
import { mapLimit, send } from './security/http';
import { codesFor, MATRIX_ROLES, PERMISSION_TABLE, PermissionRow, routeKey, TARGETS, userFor } from './security/permission-table';
import { appRoutes } from './security/routes';
import { eventLogHead, LogHead } from './security/snapshots';
import { useStack } from '../harness/use-stack';

/**
 * Runs the permission table (security/permission-table.ts) against the real API: every row, for
 * every target and every role, must answer exactly the status the table gives; and the table must
 * cover every route the app serves, so a new endpoint without a rule fails this suite.
 */
describe('permission matrix: who may see and do what', () => {
  const stack = useStack();
  let fixtures: MatrixFixtures;
  let headAfterFixtures: LogHead;

  beforeAll(async () => {
    fixtures = await buildMatrixFixtures(stack);
    headAfterFixtures = await eventLogHead(stack.db);
    const cells = PERMISSION_TABLE.length * MATRIX_ROLES.length * TARGETS.length;
    process.stdout.write(
      `permission matrix: ${PERMISSION_TABLE.length} rows × ${MATRIX_ROLES.length} roles × ${TARGETS.length} targets = ${cells} requests\n`,
    );
  });

  const title = (row: PermissionRow) => `${row.method} ${row.path}${row.allowed ? `  (${row.allowed})` : ''}`;

  it.each(PERMISSION_TABLE.map((row) => [title(row), row] as const))('%s', async (_title, row) => {
    const cells = TARGETS.flatMap((target) => MATRIX_ROLES.map((role, index) => ({ target, role, expected: codesFor(row, target)[index] })));
    const mismatches = await mapLimit(cells, 9, async ({ target, role, expected }) => {
      const user = userFor(role, stack.people);
      const { path, ...rest } = row.request(fixtures[target], { people: stack.people, role, user });
      const response = await send(stack, user, { method: row.method, path: row.unprefixed ? path : `/api/v1${path}`, ...rest });
      const problems: string[] = [];
      if (response.status !== expected) problems.push(`${target} × ${role}: expected ${expected}, got ${response.status} ${response.text.slice(0, 200)}`);
      if (response.status >= 400 && !String(response.headers['content-type']).startsWith('application/problem+json')) {
        problems.push(`${target} × ${role}: a ${response.status} that is not problem+json`);
      }
      return problems;
    });
    expect(mismatches.flat()).toEqual([]);
  });

  it('changed nothing while it ran: allowed commands met a state that refused them', async () => {
    // Timers may still append (a system actor); no person's command may have.
    const appended = await stack.db.query<{ type: string; actor: { kind: string } }[]>('SELECT type, actor FROM events WHERE position > $1 ORDER BY position', [
      headAfterFixtures.maxPosition,
    ]);
    expect(appended.filter((e) => e.actor.kind !== 'system')).toEqual([]);
  });

  it('has a row for every route the app serves (Nest’s routes and the OpenAPI document), and no row for a route that does not exist', async () => {
    const table = new Set(PERMISSION_TABLE.map((row) => routeKey(row.method, row.unprefixed ? row.path : `/api/v1${row.path}`)));
    const nest = appRoutes(stack.config).map((r) => routeKey(r.method, r.path));
    const docs = (await send(stack, undefined, { method: 'GET', path: '/docs-json' })).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(docs.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((verb) => ['get', 'post', 'patch', 'put', 'delete'].includes(verb))
        .map((verb) => routeKey(verb, path)),
    );
    const served = new Set([...nest, ...documented, routeKey('GET', '/docs'), routeKey('GET', '/docs-json')]);
    expect([...served].filter((route) => !table.has(route)).sort()).toEqual([]);
    expect([...table].filter((route) => !served.has(route)).sort()).toEqual([]);
    expect(new Set(documented)).toEqual(new Set(nest));
  });

  it('declares an access rule on every route: @Public() or @Roles(), never neither', () => {
    const undeclared = appRoutes(stack.config).filter((r) => !r.isPublic && (!r.roles || r.roles.length === 0));
    expect(undeclared.map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`)).toEqual([]);
    expect(
      appRoutes(stack.config)
        .filter((r) => r.isPublic)
        .map((r) => routeKey(r.method, r.path))
        .sort(),
    // Refresh is public by design: its credential is the HttpOnly session cookie, not a bearer token.
    ).toEqual([routeKey('GET', '/api/v1/health'), routeKey('POST', '/api/v1/auth/login'), routeKey('POST', '/api/v1/auth/refresh')].sort());
  });

  it('refuses every route without @Public() to a caller without a token (401, problem+json), whatever the parameters', async () => {
    const routes = appRoutes(stack.config).filter((r) => !r.isPublic);
    const answers = await mapLimit(routes, 8, async (route) => {
      const path = route.path.replace(/:[A-Za-z]+/g, () => randomUUID());
      const response = await send(stack, undefined, { method: route.method as 'GET' | 'POST' | 'PATCH', path, ...(route.method === 'GET' ? {} : { body: {} }) });
      return { route: `${route.method} ${route.path}`, status: response.status, type: String(response.headers['content-type']) };
    });
    expect(answers.filter((a) => a.status !== 401 || !a.type.startsWith('application/problem+json'))).toEqual([]);
    // And a token that is not one is no better than none.
    const forged = await mapLimit(routes, 8, async (route) => {
      const path = route.path.replace(/:[A-Za-z]+/g, () => randomUUID());
      const response = await send(stack, undefined, {
        method: route.method as 'GET' | 'POST' | 'PATCH',
        path,
        headers: { Authorization: 'Bearer not.a.token' },
      });
      return { route: `${route.method} ${route.path}`, status: response.status };
    });
    expect(forged.filter((a) => a.status !== 401)).toEqual([]);
  });
});
