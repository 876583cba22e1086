import { dashboardReport } from '../dashboard';
import { overdueReport } from '../overdue';
import { context, local, people, ReportWorld } from '@inspectorate/reports-testing/scenario';

/**
 * "Overdue" means a deadline strictly before `asOf` with the thing not done. One unit's action is
 * due at the end of 31 May 2023 (16:59:59.999Z), reported, rejected with a new date, and the
 * inspection is finally cancelled.
 */
describe('scenario: where overdue begins and ends', () => {
  const units = new Map([['u1', { code: 'U1', name: 'Đơn vị 1' }]]);
  const w = new ReportWorld();
  const id = w.plan({ campaignId: 'c', unitId: 'u1', year: 2023, windowStart: '2023-05-02', windowEnd: '2023-05-05' }, '2023-04-20 09:00');
  w.start(id, '2023-05-04 09:00');
  const f = w.finding(id, 'TT-02', 'major', '2023-05-04 10:00');
  w.endVisit(id, '2023-05-04 16:00');
  w.conclude(id, 'fair', [{ findingId: f, dueDate: '2023-06-30' }], '2023-05-05 10:00');
  w.approve(id, '2023-05-08 10:00');
  const actions = w.respond(id, [{ findingId: f, dueDate: '2023-05-31' }], '2023-05-09 10:00');
  const due = local('2023-05-31');
  const at = (asOf: Date) => overdueReport(w.rows(asOf), 2023, context(asOf, people.chairman, units));

  it('not at the very instant it is due, but one millisecond later', () => {
    expect(due.toISOString()).toBe('2023-05-31T16:59:59.999Z');
    expect(at(due).total).toBe(0);
    const late = at(new Date(due.getTime() + 1));
    expect(late.items.map((o) => [o.kind, o.actionId, o.daysOverdue])).toEqual([['action', actions[f], 0]]);
    expect(late.byKind).toEqual({ conclusion: 0, response: 0, action: 1 });
  });

  it('a reported action awaits the lead, it is not overdue', () => {
    w.reportAction(id, actions[f], '2023-06-02 10:00');
    expect(at(local('2023-06-05')).total).toBe(0);
  });

  it('a rejected action is overdue again only after its new date', () => {
    w.reject(id, actions[f], '2023-06-20', '2023-06-05 11:00');
    expect(at(local('2023-06-20')).total).toBe(0);
    const report = at(local('2023-06-21'));
    expect(report.items.map((o) => [o.kind, o.dueAt, o.daysOverdue])).toEqual([['action', '2023-06-20T16:59:59.999Z', 1]]);
    const dashboard = dashboardReport(w.rows(local('2023-06-21')), 2023, context(local('2023-06-21'), people.chairman, units));
    expect(dashboard.remediation).toMatchObject({ total: 1, verified: 0, open: 1, overdue: 1 });
  });

  it('a cancelled inspection has nothing overdue and its actions leave the completion rate', () => {
    w.cancel(id, '2023-06-22 10:00');
    const asOf = local('2023-06-30');
    expect(at(asOf).total).toBe(0);
    const dashboard = dashboardReport(w.rows(asOf), 2023, context(asOf, people.chairman, units));
    expect(dashboard.remediation.completionRate.text).toBe('0/0 (—)');
    expect(dashboard.findings.open).toBe(0);
    expect(dashboard.inspections).toMatchObject({ planned: 1, started: 1, cancelled: 1, ongoing: 0 });
  });
});
