import { dashboardReport } from '../dashboard';
import { context, local, people } from '@inspectorate/reports-testing/scenario';
import { district2023, UNITS } from '@inspectorate/reports-testing/district-2023.story';

/**
 * "What did we know on …?": the same dashboard computed from the events that had occurred by
 * then (a replay through the domain's evolve and the read model's row builders).
 */
describe('scenario: the district in 2023, as of earlier dates', () => {
  const { world } = district2023();
  const asOfDay = (day: string) => {
    const asOf = local(day);
    return dashboardReport(world.rows(asOf), 2023, context(asOf, people.chairman, UNITS));
  };

  it('19/7: before the plan, nothing', () => {
    const report = asOfDay('2023-07-19');
    expect(report.inspections.planned).toBe(0);
    expect(report.inspections.startedOfPlanned.text).toBe('0/0 (—)');
    expect(report.findings.total).toBe(0);
    expect(report.overdue).toEqual([]);
  });

  it('5/8: only Bình Khánh visited; its conclusion approved, its answer not yet due', () => {
    const report = asOfDay('2023-08-05');
    expect(report.inspections).toMatchObject({ planned: 6, started: 1, closed: 0 });
    expect(report.inspections.startedOfPlanned.text).toBe('1/6 (16.7%)');
    expect(report.inspections.closedOfStarted.text).toBe('0/1 (0.0%)');
    expect(report.findings).toMatchObject({ total: 2, open: 2, withdrawn: 1 });
    expect(report.conclusions.approvedOfVisitsEnded.text).toBe('1/1 (100.0%)');
    expect(report.responses).toMatchObject({ due: 0, pending: 1 });
    expect(report.responses.onTimeRate.text).toBe('0/0 (—)');
    expect(report.remediation.completionRate.text).toBe('0/0 (—)');
    expect(report.overdue).toEqual([]);
    expect(report.units.byRating.map((u) => [u.unitCode, u.rating])).toEqual([['XA-BK', 'fair']]);
  });

  it('31/8 noon: the action due 30/8 is overdue; the conclusion due 31/8 is not yet', () => {
    const report = asOfDay('2023-08-31 12:00');
    expect(report.overdue.map((o) => [o.kind, o.unitCode])).toEqual([['action', 'XA-BK']]);
    expect(report.remediation.completionRate.text).toBe('1/2 (50.0%)');
    expect(report.responses.onTimeRate.text).toBe('1/1 (100.0%)');
  });

  it('8/9: the whole story, equal to the report over the full log at the same instant', () => {
    const asOf = local('2023-09-08');
    const full = dashboardReport(world.rows(), 2023, context(asOf, people.chairman, UNITS));
    expect(asOfDay('2023-09-08')).toEqual(full);
    expect(full.overdue).toHaveLength(3);
  });
});
