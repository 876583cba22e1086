import { TestStack } from '../harness/stack';
import { TestUser } from '../harness/people';
import { appendGeneratedYear, CAMPAIGNS, UNIT_COUNT } from '../harness/generated-year';
import { useStack } from '../harness/use-stack';

/**
 * A year at scale: 2025, ten campaigns over thirty units (300 inspections, several thousand
 * events), decided by the real domain and written through the real event store and projector
 * (test/harness/generated-year.ts, shared with the benchmark in bench/).
 * For each kind of person and each report, the live report (projection tables) and the report as
 * of today (a replay of the whole log) must be the same numbers; and the two are timed.
 */
describe('reports at scale: live and replayed agree', () => {
  const stack = useStack({ worker: false });
  let campaignIds: string[] = [];
  let eventCount = 0;

  beforeAll(async () => {
    const { people, db } = stack;
    const year = await appendGeneratedYear(db, [people.units.a, people.units.b, people.units.c], {
      leadInspectorId: people.lead.id,
      inspectorIds: [people.inspector1.id],
    });
    campaignIds = year.campaignIds;
    eventCount = year.eventCount;
  }, 240_000);

  const numbers = (report: { meta: object }) => ({ ...report, meta: { ...report.meta, asOf: 'x', source: 'x' } });
  const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

  type ReportBody = { meta: { source: string; asOf: string } } & Record<string, unknown>;
  async function timed(user: TestUser, path: string): Promise<{ body: ReportBody; ms: number }> {
    const started = performance.now();
    const body = await stack.api.expect<ReportBody>(200, stack.api.get<ReportBody>(user, path));
    return { body, ms: performance.now() - started };
  }

  it('generated a realistic year', async () => {
    expect(eventCount).toBeGreaterThan(3000);
    const dashboard = await stack.api.expect(200, stack.api.get(stack.people.chairman, '/reports/dashboard?year=2025'));
    expect(dashboard.inspections.planned).toBe(UNIT_COUNT * CAMPAIGNS);
    expect(dashboard.inspections.started).toBeGreaterThan(200);
    expect(dashboard.overdue.length).toBeGreaterThan(10);
    expect(dashboard.accountability.open).toBeGreaterThan(5);
    expect(dashboard.responses.late).toBeGreaterThan(0);
    expect(dashboard.findings.withdrawn).toBeGreaterThan(0);
    expect(dashboard.inspections.cancelled).toBeGreaterThan(0);
  });

  it.each([
    ['chairman', (s: TestStack) => s.people.chairman],
    ['lead', (s: TestStack) => s.people.lead],
    ['inspector on no team', (s: TestStack) => s.people.outsideInspector],
    ['head of unit A', (s: TestStack) => s.people.headA],
  ])('%s: every report is the same live and as of today', async (_who, userOf) => {
    const user = userOf(stack);
    const paths = [
      '/reports/dashboard?year=2025',
      '/reports/overdue',
      '/reports/overdue?year=2025',
      `/reports/units/${stack.people.units.a}?year=2025`,
      ...(user.role === 'unit_head' ? [] : campaignIds.slice(0, 3).map((id) => `/reports/campaigns/${id}`)),
    ];
    for (const path of paths) {
      const live = await timed(user, path);
      const replayed = await timed(user, `${path}${path.includes('?') ? '&' : '?'}asOf=${today()}`);
      expect(live.body.meta.source).toBe('live');
      expect(replayed.body.meta.source).toBe('replay');
      expect(numbers(replayed.body)).toEqual(numbers(live.body));
    }
  });

  it('times the chairman’s dashboard: live from the tables, as of a date from the whole log', async () => {
    const runs = 5;
    const live: number[] = [];
    const replay: number[] = [];
    const past: number[] = [];
    for (let n = 0; n < runs; n += 1) {
      live.push((await timed(stack.people.chairman, '/reports/dashboard?year=2025')).ms);
      replay.push((await timed(stack.people.chairman, `/reports/dashboard?year=2025&asOf=${today()}`)).ms);
      past.push((await timed(stack.people.chairman, '/reports/dashboard?year=2025&asOf=2025-06-30')).ms);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(1);
    process.stderr.write(
      `[reports] ${eventCount} events, ${UNIT_COUNT * CAMPAIGNS} inspections: dashboard live ${median(live)} ms, asOf=today ${median(replay)} ms, asOf=2025-06-30 ${median(past)} ms (median of ${runs})\n`,
    );
    const mid = await stack.api.expect(200, stack.api.get(stack.people.chairman, '/reports/dashboard?year=2025&asOf=2025-06-30'));
    const now = await stack.api.expect(200, stack.api.get(stack.people.chairman, '/reports/dashboard?year=2025'));
    expect(mid.inspections.planned).toBeLessThan(now.inspections.planned);
    expect(mid.inspections.started).toBeLessThan(now.inspections.started);
  });
});
