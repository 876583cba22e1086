import { Scenario } from '../harness/scenario';
import { TestStack } from '../harness/stack';
import { useStack } from '../harness/use-stack';

/** Every list answers { items, nextCursor } and walks all rows once, in a stable order. */
describe('lists are paginated with limit and cursor', () => {
  const stack = useStack();

  async function walk(user: Parameters<TestStack['api']['get']>[0], path: string, limit: number): Promise<{ pages: number; ids: string[] }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page: { items: { id: string }[]; nextCursor: string | null } = await stack.api.expect(
        200,
        stack.api.get(user, `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`),
      );
      expect(page.items.length).toBeLessThanOrEqual(limit);
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    return { pages, ids };
  }

  it('walks units, users, campaigns and inspections page by page, each row once', async () => {
    const { people } = stack;
    const scenario = new Scenario(stack);
    for (let i = 0; i < 3; i++) await scenario.campaign({ units: [people.units.a, people.units.b] });

    const units = await walk(people.admin, '/units', 2);
    expect(units.ids).toHaveLength(3);
    expect(units.pages).toBe(2);
    const users = await walk(people.admin, '/users', 4);
    expect(new Set(users.ids).size).toBe(users.ids.length);
    expect(users.ids).toHaveLength(10);
    const campaigns = await walk(people.chairman, '/campaigns', 2);
    expect(campaigns.ids).toHaveLength(3);
    const inspections = await walk(people.chairman, '/inspections', 4);
    expect(inspections.ids).toHaveLength(6);
    expect(new Set(inspections.ids).size).toBe(6);
  });

  it("walks an inspection's events oldest first, the unit head's pages holding only what they may see", async () => {
    const { people } = stack;
    const scenario = new Scenario(stack);
    const { inspectionId } = await scenario.plannedInspection({ units: [people.units.c] });
    await scenario.start(inspectionId);
    for (let i = 0; i < 3; i++) await scenario.finding(inspectionId);
    const all: { type: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { type: string }[]; nextCursor: string | null } = await stack.api.expect(
        200,
        stack.api.get(people.headC, `/inspections/${inspectionId}/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`),
      );
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(all.map((e) => e.type)).toEqual(['VisitStarted', 'FindingRecorded', 'FindingRecorded', 'FindingRecorded']);
  });

  it('refuses a limit above 500 and a cursor it did not make', async () => {
    const { api, people } = stack;
    expect((await api.get(people.admin, '/units?limit=501')).status).toBe(400);
    const forged = await api.get(people.admin, '/units?cursor=bm90LWEtY3Vyc29y');
    expect(forged.status).toBe(400);
    expect(forged.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });
});
