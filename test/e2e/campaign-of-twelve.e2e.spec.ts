import { Scenario } from '../harness/scenario';
import { useStack } from '../harness/use-stack';

describe('a campaign of 12 units running at once', () => {
  const stack = useStack();
  const scenario = new Scenario(stack);

  it('runs twelve inspections concurrently to closure, with every event written exactly once', async () => {
    const { api, people } = stack;
    const extraUnits = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        api.expect(201, api.post(people.admin, '/units', { code: `UNIT-X${i + 1}`, name: `Phòng thử nghiệm ${i + 1}`, kind: 'department' })),
      ),
    );
    const heads = await Promise.all(
      extraUnits.map((unit, i) =>
        api.expect(201, api.post(people.admin, '/users', { username: `head.x${i + 1}`, displayName: `Thủ trưởng ${i + 1}`, role: 'unit_head', unitId: unit.id, password: 'correct horse battery staple' })),
      ),
    );
    const unitHeads = new Map<string, { id: string; username: string; role: 'unit_head'; unitId: string }>([
      [people.units.a, { ...people.headA, role: 'unit_head', unitId: people.units.a }],
      [people.units.b, { ...people.headB, role: 'unit_head', unitId: people.units.b }],
      [people.units.c, { ...people.headC, role: 'unit_head', unitId: people.units.c }],
      ...heads.map((h, i) => [extraUnits[i].id, { id: h.id, username: h.username, role: 'unit_head' as const, unitId: extraUnits[i].id }] as const),
    ]);
    const units = [...unitHeads.keys()];
    expect(units).toHaveLength(12);

    const campaign = await scenario.campaign({ units });
    expect(campaign.targets).toHaveLength(12);
    expect(campaign.progress).toEqual({ planned: 12, inProgress: 0, closed: 0, cancelled: 0, total: 12 });

    await Promise.all(
      campaign.targets.map(async (target: { inspectionId: string; unitId: string }) => {
        const id = target.inspectionId;
        const head = unitHeads.get(target.unitId)!;
        await scenario.start(id);
        const findingId = await scenario.finding(id);
        await scenario.endVisit(id);
        await scenario.conclude(id, [{ findingId }]);
        await scenario.approve(id);
        const remediating = await scenario.respond(id, head, [{ findingId, position: 'accepted' }]);
        await scenario.report(id, head, remediating.actions[0].id);
        const closed = await scenario.verify(id, remediating.actions[0].id);
        expect(closed.status).toBe('closed');
      }),
    );

    const done = await api.expect(200, api.get(people.chairman, `/campaigns/${campaign.id}`));
    expect(done.status).toBe('completed');
    expect(done.progress).toEqual({ planned: 0, inProgress: 0, closed: 12, cancelled: 0, total: 12 });

    const { rows } = { rows: await stack.db.query(`SELECT stream_id, count(*)::int AS n, max(version) AS max, count(DISTINCT version)::int AS distinct_versions FROM events WHERE stream_id LIKE 'inspection-%' GROUP BY stream_id`) };
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(row.n).toBe(12);
      expect(row.distinct_versions).toBe(row.n);
      expect(Number(row.max)).toBe(row.n);
    }
    const [{ gaps }] = await stack.db.query('SELECT count(*)::int AS gaps FROM (SELECT position - lag(position) OVER (ORDER BY position) AS step FROM events) s WHERE step <> 1');
    expect(gaps).toBe(0);
  });
});
