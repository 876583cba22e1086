import { unitScorecardReport } from '../unit-scorecard';
import { context, local, people, ReportWorld } from '@inspectorate/reports-testing/scenario';

/**
 * Is Bình Khánh getting better? Inspected in 2023 (rated poor; answered late, an action rejected
 * twice → two accountability cases, one decided; all remedied by June) and in 2024 (rated good;
 * answered on time; its one action overdue since 15/4), with a 2024 follow-up only planned.
 * Reported as of 30 June 2024.
 */
describe('scenario: one unit across two years (scorecard)', () => {
  const BK = 'unit-bk';
  const units = new Map([[BK, { code: 'XA-BK', name: 'Xã Bình Khánh' }]]);
  const w = new ReportWorld();
  // 2023
  const i1 = w.plan(
    { campaignId: 'c-2023', unitId: BK, year: 2023, windowStart: '2023-03-06', windowEnd: '2023-03-10' },
    '2023-03-01 09:00',
  );
  w.start(i1, '2023-03-07 09:00');
  const f1 = w.finding(i1, 'KL-01', 'major', '2023-03-07 10:00');
  const f2 = w.finding(i1, 'UX-01', 'minor', '2023-03-07 11:00');
  w.endVisit(i1, '2023-03-07 16:00');
  w.conclude(
    i1,
    'poor',
    [
      { findingId: f1, dueDate: '2023-06-30' },
      { findingId: f2, dueDate: '2023-06-30' },
    ],
    '2023-03-08 10:00',
  );
  w.approve(i1, '2023-03-09 10:00'); // response due 23/3
  w.markResponseOverdue(i1, '2023-03-24 08:00'); // case 1
  const actions = w.respond(
    i1,
    [
      { findingId: f1, dueDate: '2023-05-31' },
      { findingId: f2, dueDate: '2023-04-28' },
    ],
    '2023-03-27 10:00',
  ); // late
  w.reportAction(i1, actions[f2], '2023-04-20 10:00');
  w.reject(i1, actions[f2], '2023-05-15', '2023-04-21 10:00');
  w.reportAction(i1, actions[f2], '2023-05-10 10:00');
  w.reject(i1, actions[f2], '2023-06-15', '2023-05-11 10:00'); // case 2
  w.reportAction(i1, actions[f1], '2023-05-20 10:00');
  w.verify(i1, actions[f1], '2023-05-22 10:00');
  w.decideCase(i1, w.state(i1).cases[0].id, '2023-06-01 10:00');
  w.reportAction(i1, actions[f2], '2023-06-10 10:00');
  w.verify(i1, actions[f2], '2023-06-12 10:00'); // closed
  // 2024
  const i2 = w.plan(
    { campaignId: 'c-2024', unitId: BK, year: 2024, windowStart: '2024-03-04', windowEnd: '2024-03-08' },
    '2024-03-01 09:00',
  );
  w.start(i2, '2024-03-05 09:00');
  const f3 = w.finding(i2, 'VH-01', 'minor', '2024-03-05 10:00');
  w.endVisit(i2, '2024-03-05 16:00');
  w.conclude(i2, 'good', [{ findingId: f3, dueDate: '2024-04-30' }], '2024-03-06 10:00');
  w.approve(i2, '2024-03-07 10:00'); // response due 21/3
  w.respond(i2, [{ findingId: f3, dueDate: '2024-04-15' }], '2024-03-12 10:00');
  w.plan({ campaignId: 'c-2024', unitId: BK, year: 2024, windowStart: '2024-09-02', windowEnd: '2024-09-06' }, '2024-06-01 09:00');

  const asOf = local('2024-06-30');
  const chairman = unitScorecardReport(w.rows(), BK, 2024, context(asOf, people.chairman, units));

  it('2023: poor, answered late (0/1 on time), both actions verified after a double rejection, one case still open', () => {
    const y = chairman.history[0];
    expect(y.year).toBe(2023);
    expect(y.inspections).toMatchObject({ planned: 1, started: 1, closed: 1 });
    expect(y.findings).toMatchObject({ total: 2, open: 0 });
    expect(y.ratings.map((r) => [r.rating, r.label])).toEqual([['poor', 'Yếu']]);
    expect(y.responses).toMatchObject({ due: 1, submitted: 1, onTime: 0, late: 1 });
    expect(y.responses.onTimeRate.text).toBe('0/1 (0.0%)');
    expect(y.remediation).toMatchObject({ total: 2, verified: 2, overdue: 0 });
    expect(y.remediation.completionRate.text).toBe('2/2 (100.0%)');
    expect(y.accountability).toMatchObject({ total: 2, open: 1, decided: 1 });
    expect(y.accountability.openCases.map((c) => c.reason)).toEqual(['action_rejected_twice']);
  });

  it('2024: good, answered on time (1/1), its action overdue since 15/4; the planned follow-up counted for the chairman', () => {
    const y = chairman.current;
    expect(y.year).toBe(2024);
    expect(chairman.history.map((h) => h.year)).toEqual([2023, 2024]);
    expect(y.inspections).toMatchObject({ planned: 2, notYetStarted: 1, started: 1, closed: 0 });
    expect(y.findings).toMatchObject({ total: 1, open: 1 });
    expect(y.latestRating).toMatchObject({ rating: 'good', label: 'Tốt' });
    expect(y.responses.onTimeRate.text).toBe('1/1 (100.0%)');
    expect(y.remediation).toMatchObject({ total: 1, verified: 0, open: 1, overdue: 1 });
    expect(y.remediation.completionRate.text).toBe('0/1 (0.0%)');
    expect(y.accountability.total).toBe(0);
    expect(chairman.overdue.map((o) => [o.kind, o.dueAt, o.daysOverdue])).toEqual([['action', '2024-04-15T16:59:59.999Z', 76]]);
  });

  it('names the unit', () => {
    expect(chairman.unit).toEqual({ unitId: BK, unitCode: 'XA-BK', unitName: 'Xã Bình Khánh' });
  });

  it('the unit’s head sees the same history without the planned follow-up', () => {
    const own = unitScorecardReport(w.rows(), BK, 2024, context(asOf, people.head(BK), units));
    expect(own.current.inspections).toMatchObject({ planned: 1, notYetStarted: 0, started: 1 });
    expect(own.history[0]).toEqual(chairman.history[0]);
  });

  it('a year with nothing in it still gets a line of zeros', () => {
    const later = unitScorecardReport(w.rows(), BK, 2025, context(asOf, people.chairman, units));
    expect(later.history.map((h) => h.year)).toEqual([2023, 2024, 2025]);
    expect(later.current.inspections.planned).toBe(0);
    expect(later.current.responses.onTimeRate.text).toBe('0/0 (—)');
  });
});
