import request from 'supertest';
import { DemoSeeder, SeedResult } from '../../apps/cli/src/demo';
import { useStack } from '../harness/use-stack';

const PASSWORD = 'demo password for tests';

/**
 * The seeded demo district (demo-data.md) through the real workflows: the 2023 dashboard as of
 * 8 September 2023 tells exactly the story, hand-counted from apps/cli/src/demo/story.ts.
 */
describe('the demo district, seeded through the workflows', () => {
  const stack = useStack({ people: false });
  let result: SeedResult;

  const login = async (username: string) => {
    const response = await request(stack.api.baseUrl).post('/api/v1/auth/login').send({ username, password: PASSWORD });
    expect(response.status).toBe(200);
    return response.body.accessToken as string;
  };
  const get = async (token: string, path: string) => {
    const response = await request(stack.api.baseUrl).get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    result = await new DemoSeeder(stack.db, stack.temporal, stack.config.TEMPORAL_TASK_QUEUE).seed({ password: () => PASSWORD });
  });

  it('seeds an empty database once, and refuses a second time', async () => {
    expect(result.seeded).toBe(true);
    const again = await new DemoSeeder(stack.db, stack.temporal, stack.config.TEMPORAL_TASK_QUEUE).seed();
    expect(again).toMatchObject({ seeded: false });
    if (result.seeded) expect(result.accounts).toHaveLength(5 + 19);
  });

  it('names the demo district as the authority of its documents, and a search finds its findings without accents', async () => {
    const chairman = await login('chutich');
    expect(await get(chairman, '/authority')).toMatchObject({ name: 'ỦY BAN NHÂN DÂN HUYỆN CẦN GIỜ', place: 'Cần Giờ', chairmanTitle: 'CHỦ TỊCH' });
    const all = await get(chairman, '/findings?year=2023&limit=500');
    expect(all.items.filter((f: { status: string }) => f.status === 'open')).toHaveLength(18);
    const badges = await get(chairman, '/findings?q=khong%20deo%20the');
    expect(badges.items.length).toBeGreaterThan(0);
    for (const f of badges.items) expect(f.description).toContain('đeo thẻ');
  });

  it('tells the 2023 story as of 8 September 2023', async () => {
    const chairman = await login('chutich');
    const dashboard = await get(chairman, '/reports/dashboard?year=2023&asOf=2023-09-08');
    expect(dashboard.inspections).toMatchObject({ planned: 16, started: 12, closed: 7, notYetStarted: 4 });
    expect(dashboard.inspections.startedOfPlanned.text).toBe('12/16 (75.0%)');
    expect(dashboard.inspections.closedOfStarted.text).toBe('7/12 (58.3%)');
    expect(dashboard.findings.total).toBe(18);
    const bySeverity = Object.fromEntries(dashboard.findings.bySeverity.map((s: { severity: string; total: number }) => [s.severity, s.total]));
    expect(bySeverity).toEqual({ minor: 6, major: 10, critical: 2 });
    expect(dashboard.responses.onTimeRate.text).toBe('8/9 (88.9%)');
    expect(dashboard.remediation.completionRate.text).toBe('10/13 (76.9%)');
    expect(dashboard.overdue).toHaveLength(1);
    expect(dashboard.overdue[0]).toMatchObject({ kind: 'response', unitCode: 'P-Y-TE' });
    expect(dashboard.accountability.open).toBe(1);
    expect(dashboard.inspections.byStatus).toMatchObject({ planned: 4, closed: 7, remediating: 2, awaiting_response: 3 });
  });

  it('has moved on since: what fell due after the story has happened', async () => {
    const chairman = await login('chutich');
    const now = await get(chairman, '/reports/dashboard?year=2023');
    expect(now.inspections).toMatchObject({ planned: 16, started: 12, closed: 7 });
    expect(now.accountability.open).toBe(3);
    expect(now.overdue.map((o: { unitCode: string }) => o.unitCode)).toEqual(expect.arrayContaining(['P-Y-TE', 'P-GIAO-DUC-DAO-TAO', 'XA-TAM-THON-HIEP', 'P-KINH-TE', 'XA-LONG-HOA']));
  });

  it('keeps the still-planned inspections secret from their units', async () => {
    const head = await login('th.xa-thanh-an');
    expect((await get(head, '/inspections')).items).toEqual([]);
    const ownDashboard = await get(head, '/reports/dashboard?year=2023');
    expect(ownDashboard.inspections.planned).toBe(0);
    const visited = await login('th.xa-binh-khanh');
    const list = await get(visited, '/inspections');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ status: 'closed' });
    expect(list.items[0].window).toBeUndefined();
  });
});
