import { inDays } from '../harness/time';
import { useStack } from '../harness/use-stack';

describe('walking skeleton: a campaign over HTTP, through Temporal, into PostgreSQL', () => {
  const stack = useStack();

  it('reports both dependencies up on /health', async () => {
    const health = await stack.api.expect(200, stack.api.get(undefined, '/health'));
    expect(health).toMatchObject({ status: 'ok', checks: { database: { status: 'up' }, temporal: { status: 'up' } } });
  });

  it('shows a new campaign and its planned inspections on the very next GET', async () => {
    const { api, people } = stack;
    const created = await api.expect(
      201,
      api.post(people.lead, '/campaigns', {
        title: 'Kiểm tra công vụ đột xuất',
        year: 2026,
        legalBasis: 'Kế hoạch số 1/KH-UBND (test)',
        leadInspectorId: people.lead.id,
        inspectorIds: [people.inspector1.id],
        targets: [
          { unitId: people.units.a, windowStart: inDays(0), windowEnd: inDays(10) },
          { unitId: people.units.b, windowStart: inDays(1), windowEnd: inDays(12) },
        ],
      }),
    );
    expect(created.status).toBe('active');

    const campaign = await api.expect(200, api.get(people.lead, `/campaigns/${created.id}`));
    expect(campaign.progress).toEqual({ planned: 2, inProgress: 0, closed: 0, cancelled: 0, total: 2 });
    expect(campaign.targets.map((t: { unitId: string }) => t.unitId).sort()).toEqual([people.units.a, people.units.b].sort());

    const inspections = await api.expect(200, api.get(people.lead, `/inspections?campaignId=${created.id}`));
    expect(inspections.items).toHaveLength(2);
    expect(inspections.items.every((i: { status: string }) => i.status === 'planned')).toBe(true);
  });
});
