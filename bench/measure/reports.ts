import { BenchContext } from '../lib/context';
import { baselineRow, comparedRow, perOperation, Section } from '../lib/report';
import { Series, time } from '../lib/stats';

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/**
 * (3) The chairman's 2025 dashboard on the generated year: live (from the projection tables),
 * as of today (a replay of the whole log) and as of 30 June (a replay of half of it), against a
 * trivial authenticated GET of the same person (/me).
 */
export async function measureReports(ctx: BenchContext, year: { eventCount: number }): Promise<Section> {
  const { stack, config } = ctx;
  const chairman = stack.people.chairman;
  const get = (path: string) => time(() => stack.api.expect(200, stack.api.get(chairman, path)));

  const me = new Series('GET /me (chairman)', 'ms');
  const health = new Series('GET /health (public; DB + Temporal ping)', 'ms');
  const live = new Series('dashboard 2025, live (projections)', 'ms');
  const asOfToday = new Series('dashboard 2025, asOf today (replay whole log)', 'ms');
  const asOfMid = new Series('dashboard 2025, asOf a June day (replay to mid-year, not cached)', 'ms');
  const asOfMidCached = new Series('dashboard 2025, asOf 2025-06-30 again (cached replay)', 'ms');
  const overdueLive = new Series('overdue report, live', 'ms');
  const overdueReplay = new Series('overdue report, asOf today (replay)', 'ms');
  const all = [me, health, live, asOfToday, asOfMid, asOfMidCached, overdueLive, overdueReplay];
  // A different past day each time (more days than the server keeps replays): every one a replay.
  let juneDay = 0;
  const uncachedJuneDay = () => `2025-06-${String((juneDay++ % 28) + 1).padStart(2, '0')}`;
  const paths = new Map<Series, string>([
    [me, '/me'],
    [health, '/health'],
    [live, '/reports/dashboard?year=2025'],
    [asOfToday, `/reports/dashboard?year=2025&asOf=${today()}`],
    [asOfMidCached, '/reports/dashboard?year=2025&asOf=2025-06-30'],
    [overdueLive, '/reports/overdue?year=2025'],
    [overdueReplay, `/reports/overdue?year=2025&asOf=${today()}`],
  ]);

  let sizes: Record<string, number> = {};
  for (let round = 0; round <= config.rounds; round += 1) {
    const warmUp = round === 0;
    if (!warmUp) all.forEach((s) => s.newRound());
    for (let i = 0; i < config.reportsPerRound; i += 1) {
      // Rotate the order, so no request always follows the same one.
      const order = all.map((_, k) => all[(k + i + round) % all.length]);
      for (const series of order) {
        const profiled = !warmUp && (series === live || series === asOfToday);
        const request = () => get(paths.get(series) ?? `/reports/dashboard?year=2025&asOf=${uncachedJuneDay()}`);
        const { ms, value } = profiled ? await ctx.profiler.during(`reports:${series.name}`, request) : await request();
        if (!warmUp) series.add(ms);
        if (warmUp && i === 0) sizes = { ...sizes, [series.name]: JSON.stringify(value).length };
      }
    }
    ctx.log(`reports: round ${round}${warmUp ? ' (warm-up)' : ''} done`);
  }

  return {
    id: 'reports',
    title: `(3) Reports on the generated year (${year.eventCount} events, 300 inspections), chairman`,
    baseline:
      'GET /api/v1/me as the same user: the same HTTP, JSON, JWT check and access guard and one indexed read, so the ratio is the report work itself. /health is shown but is no fair baseline: it is public (no auth) and pings Temporal over gRPC.',
    rows: [
      baselineRow(me),
      comparedRow(health, me),
      comparedRow(live, me),
      comparedRow(asOfToday, me),
      comparedRow(asOfMid, me),
      comparedRow(asOfMidCached, me),
      comparedRow(overdueLive, me),
      comparedRow(overdueReplay, me),
    ],
    details: {
      responseBytes: sizes,
      sqlPerRequest: {
        [live.name]: perOperation(ctx.profiler.of(`reports:${live.name}`), live.samples.length),
        [asOfToday.name]: perOperation(ctx.profiler.of(`reports:${asOfToday.name}`), asOfToday.samples.length),
      },
    },
  };
}
