import { dashboardReport } from '../dashboard';
import { context, local, people, ReportWorld } from '@inspectorate/reports-testing/scenario';

/**
 * Which responses were due, and which came on time. Six units, each approved on Monday 6 March
 * 2023 (response due Monday 20 March, 10 working days later), reported as of 31 March 2023:
 *
 *   U1 answered 10/3            → due, on time
 *   U2 answered 22/3 (late)     → due, late
 *   U3 never answered           → due, overdue
 *   U4 nothing to remedy        → closed at approval, owed nothing
 *   U5 cancelled 15/3           → cancelled before its deadline, owed nothing
 *   U6 cancelled 24/3           → missed its deadline first: due, not on time
 *   U7 extension to 14/4        → not yet due
 */
describe('scenario: response deadlines and the on-time rate', () => {
  const w = new ReportWorld();
  const units = new Map(Array.from({ length: 7 }, (_, n) => [`u${n + 1}`, { code: `U${n + 1}`, name: `Đơn vị ${n + 1}` }]));
  const ids: Record<string, string> = {};
  for (let n = 1; n <= 7; n += 1) {
    const id = w.plan(
      { campaignId: 'c', unitId: `u${n}`, year: 2023, windowStart: '2023-03-01', windowEnd: '2023-03-03' },
      '2023-02-27 09:00',
    );
    ids[`u${n}`] = id;
    w.start(id, '2023-03-01 09:00');
    const f = w.finding(id, 'KL-02', 'minor', '2023-03-01 10:00');
    w.endVisit(id, '2023-03-01 16:00');
    w.conclude(id, 'fair', n === 4 ? [] : [{ findingId: f, dueDate: '2023-06-30' }], '2023-03-02 10:00');
    w.approve(id, '2023-03-06 10:00');
    if (n === 1) w.respond(id, [{ findingId: f, dueDate: '2023-05-31' }], '2023-03-10 10:00');
    if (n === 2) w.respond(id, [{ findingId: f, dueDate: '2023-05-31' }], '2023-03-22 10:00');
    if (n === 5) w.cancel(id, '2023-03-15 10:00');
    if (n === 6) w.cancel(id, '2023-03-24 10:00');
    if (n === 7) {
      w.requestExtension(id, '2023-04-14', '2023-03-13 10:00');
      w.grantExtension(id, '2023-03-14 10:00');
    }
  }
  const report = dashboardReport(w.rows(), 2023, context(local('2023-03-31'), people.chairman, units));

  it('counts 4 due (U1, U2, U3, U6), 1 on time, 1 late, 1 overdue, 1 pending', () => {
    expect(report.responses).toEqual({
      due: 4,
      submitted: 2,
      onTime: 1,
      late: 1,
      overdue: 1,
      pending: 1,
      onTimeRate: { numerator: 1, denominator: 4, percent: 25, text: '1/4 (25.0%)' },
    });
  });

  it('lists only U3 as overdue: cancelled inspections owe nothing any more, U7 has until 14/4', () => {
    expect(report.overdue.map((o) => [o.kind, o.unitCode, o.dueAt])).toEqual([['response', 'U3', '2023-03-20T16:59:59.999Z']]);
  });

  it('does not count the cancelled inspections’ actions (U5 and U6 had none planned anyway)', () => {
    expect(report.remediation.total).toBe(2);
    expect(report.inspections).toMatchObject({ planned: 7, started: 7, closed: 1, cancelled: 2 });
  });
});
