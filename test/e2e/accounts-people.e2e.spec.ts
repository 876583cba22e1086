import { useStack } from '../harness/use-stack';

/** GET /users for staff roles, picking people for teams: accent-insensitive search, role and active filters, pages. */
describe('people: searching accounts', () => {
  const stack = useStack();
  beforeAll(async () => {
    const create = (username: string, displayName: string, role: string, unitId?: string) =>
      stack.api.expect(201, stack.api.post(stack.people.admin, '/users', { username, displayName, role, password: 'a long enough password', ...(unitId ? { unitId } : {}) }));
    await create('lct', 'Lê Cần Thạnh', 'inspector');
    await create('ttd', 'Trần Thị Đào', 'inspector');
    await create('dominh', 'Đỗ Minh', 'lead_inspector');
    await create('th.can-thanh', 'Nguyễn Văn Hùng', 'unit_head', stack.people.units.c);
    await create('pct', 'Phạm Thạnh Cần', 'inspector');
  });

  const names = async (query: string, as = stack.people.lead) => {
    const body = await stack.api.expect(200, stack.api.get(as, `/users${query}`));
    return (body.items as { username: string }[]).map((u) => u.username);
  };

  it('is open to every staff role, and to no unit head', async () => {
    const { people } = stack;
    for (const staff of [people.admin, people.inspector1, people.lead, people.chairman]) expect((await stack.api.get(staff, '/users')).status).toBe(200);
    expect((await stack.api.get(people.headA, '/users')).status).toBe(403);
  });

  it('finds names without their accents, in any case, and đ as d', async () => {
    expect(await names('?q=can%20thanh')).toEqual(['lct', 'pct', 'th.can-thanh']);
    expect(await names('?q=C%E1%BA%A6N%20TH%E1%BA%A0NH')).toEqual(['lct', 'pct', 'th.can-thanh']); // "CẦN THẠNH"
    expect(await names('?q=dao')).toEqual(['ttd']);
    expect(await names(`?q=${encodeURIComponent('Đào')}`)).toEqual(['ttd']);
    expect(await names('?q=do%20minh')).toEqual(['dominh']);
    // Every word must match (in either field), in any order.
    expect(await names('?q=thanh%20pham')).toEqual(['pct']);
    expect(await names('?q=zzz')).toEqual([]);
    // LIKE wildcards are plain characters.
    expect(await names('?q=%25')).toEqual([]);
    expect(await names('?q=_')).toEqual([]);
  });

  it('filters by role and active, and pages the results', async () => {
    expect(await names('?q=thanh&role=inspector')).toEqual(['lct', 'pct']);
    expect(await names('?role=lead_inspector')).toEqual(['dominh', 'lead', 'otherlead']);
    expect(await names('?active=false')).toEqual([]);
    expect((await names('?active=true')).length).toBeGreaterThan(10);
    const first = await stack.api.expect(200, stack.api.get(stack.people.lead, '/users?q=thanh&limit=2'));
    expect(first.items.map((u: { username: string }) => u.username)).toEqual(['lct', 'pct']);
    const second = await stack.api.expect(200, stack.api.get(stack.people.lead, `/users?q=thanh&limit=2&cursor=${first.nextCursor}`));
    expect(second.items.map((u: { username: string }) => u.username)).toEqual(['th.can-thanh']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses bad filters with a problem naming the field', async () => {
    for (const query of ['?active=yes', '?role=boss', `?q=${'x'.repeat(101)}`, '?q=']) {
      const answer = await stack.api.get(stack.people.lead, `/users${query}`);
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
      expect(answer.body.errors[0].field).toMatch(/^(active|role|q)$/);
    }
  });
});
