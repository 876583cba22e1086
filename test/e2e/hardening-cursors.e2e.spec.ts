import { randomUUID } from 'node:crypto';
import { Scenario } from '../harness/scenario';
import { TestUser } from '../harness/people';
import { useStack } from '../harness/use-stack';

/**
 * A cursor is client input. One that we did not make (forged, or taken from another list) is a
 * 400 naming the cursor on every list, never a 500 and never an error in the log; and the cursor
 * of a page carries nothing the caller was not shown.
 */
describe('list cursors are validated input and reveal nothing', () => {
  const logLines: string[] = [];
  const stack = useStack({ logTo: { write: (line) => void logLines.push(line) } });

  const cursorOf = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
  const decoded = (cursor: string): unknown => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  const errorLines = () =>
    logLines
      .flatMap((chunk) => chunk.split('\n').filter(Boolean))
      .map((line) => JSON.parse(line) as { level: string; msg?: string })
      .filter((record) => record.level === 'error' || record.level === 'fatal');

  it('answers 400 to a cursor whose key is not of the sort column’s type, on every list', async () => {
    const { api, people } = stack;
    const scenario = new Scenario(stack);
    const { inspectionId } = await scenario.plannedInspection({ units: [people.units.a] });
    const uuid = randomUUID();
    const instant = new Date().toISOString();
    const lists: { user: TestUser; path: string; forged: unknown[][] }[] = [
      { user: people.chairman, path: '/inspections', forged: [['not-a-date', uuid], [instant, 'abc'], ['2023-02-30T00:00:00.000Z', uuid], [instant]] },
      { user: people.admin, path: '/units', forged: [['UNIT-A\u0000', uuid], ['UNIT-A', 'abc-def'], ['UNIT-A', 7]] },
      { user: people.admin, path: '/users', forged: [['admin\u0000', uuid], ['admin', 'deadbeef'], ['\ud800', uuid]] },
      { user: people.chairman, path: '/campaigns', forged: [['yesterday', uuid], [instant, 'f00d'], [instant, uuid, 'extra']] },
      { user: people.chairman, path: '/accountability-cases', forged: [['soon', uuid], [instant, '0'], [null, uuid]] },
      { user: people.lead, path: '/me/notifications', forged: [['twelve', uuid], [uuid], [`${uuid}:0`], ['1e9', uuid]] },
      { user: people.chairman, path: `/inspections/${inspectionId}/events`, forged: [['-1', uuid], ['1e3', uuid], ['2', 'x']] },
      { user: people.admin, path: '/audit/log', forged: [['yesterday', uuid], [instant, 'f00d'], [instant, uuid, 'extra'], ['2023-02-30T00:00:00.000Z', uuid]] },
    ];
    for (const { user, path, forged } of lists) {
      for (const parts of forged) {
        const response = await api.get(user, `${path}?cursor=${cursorOf(parts)}`);
        expect({ path, parts, status: response.status }).toEqual({ path, parts, status: 400 });
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body.errors).toEqual([{ field: 'cursor', message: 'must be a cursor returned by a previous page' }]);
      }
    }
    expect(errorLines()).toEqual([]);
  });

  it('pages notifications with the cursor of the previous page, which names only what the caller was shown', async () => {
    const { api, people } = stack;
    const scenario = new Scenario(stack);
    for (let i = 0; i < 3; i++) await scenario.awaitingResponse({ units: [people.units.b] });

    const all = await api.expect(200, api.get(people.headB, '/me/notifications?limit=500'));
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await api.expect(
        200,
        api.get(people.headB, `/me/notifications?limit=1${cursor ? `&cursor=${cursor}` : ''}`),
      );
      walked.push(...page.items.map((n) => n.id));
      if (page.nextCursor) {
        // Nothing in the cursor but the id of the notification just shown: no position in the
        // district's event log, which would tell a unit head how much happens elsewhere.
        expect(decoded(page.nextCursor)).toEqual([page.items[0].id]);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.items.map((n: { id: string }) => n.id));

    // Another person's notification is no cursor for this caller.
    const othersCursor = cursorOf([all.items[0].id]);
    const refused = await api.get(people.headA, `/me/notifications?cursor=${othersCursor}`);
    expect(refused.status).toBe(400);
  });
});
