import { dashboardReport } from '../dashboard';
import { context, local, people } from '@inspectorate/reports-testing/scenario';
import { district2023, U, UNITS } from '@inspectorate/reports-testing/district-2023.story';

/**
 * The chairman's dashboard for 2023 as of 8 September 2023 (end of day), every number computed
 * by hand from the story (see libs/reports/testing/district-2023.story.ts).
 */
describe('scenario: the district in 2023, the chairman’s dashboard as of 8/9', () => {
  const { world, inspections: i, actions, findings } = district2023();
  const asOf = local('2023-09-08');
  const report = dashboardReport(world.rows(), 2023, context(asOf, people.chairman, UNITS));

  it('counts the plan: 6 planned, 4 started (4/6), 1 closed of the 4 started', () => {
    expect(report.inspections).toEqual({
      planned: 6,
      notYetStarted: 2,
      started: 4,
      ongoing: 3,
      closed: 1,
      cancelled: 0,
      byStatus: {
        planned: 2,
        in_progress: 0,
        drafting: 1,
        awaiting_approval: 0,
        awaiting_response: 1,
        remediating: 1,
        closed: 1,
        cancelled: 0,
      },
      startedOfPlanned: { numerator: 4, denominator: 6, percent: 66.7, text: '4/6 (66.7%)' },
      closedOfStarted: { numerator: 1, denominator: 4, percent: 25, text: '1/4 (25.0%)' },
    });
  });

  it('counts conclusions: 3 of the 4 ended visits approved, 1 overdue', () => {
    expect(report.conclusions).toEqual({
      visitsEnded: 4,
      submitted: 3,
      approved: 3,
      overdue: 1,
      approvedOfVisitsEnded: { numerator: 3, denominator: 4, percent: 75, text: '3/4 (75.0%)' },
    });
  });

  it('counts 7 findings (the withdrawn one apart), 5 still open, by severity and by criterion', () => {
    expect(report.findings.total).toBe(7);
    expect(report.findings.withdrawn).toBe(1);
    expect(report.findings.open).toBe(5);
    expect(report.findings.bySeverity).toEqual([
      { severity: 'critical', label: 'nghiêm trọng', total: 2, open: 1 },
      { severity: 'major', label: 'nặng', total: 2, open: 1 },
      { severity: 'minor', label: 'nhẹ', total: 3, open: 3 },
    ]);
    expect(report.findings.byCriterion.map((c) => [c.criterionCode, c.total, c.open])).toEqual([
      ['KL-01', 2, 1],
      ['LD-02', 1, 1],
      ['TS-01', 1, 1],
      ['TT-01', 1, 0],
      ['UX-01', 1, 1],
      ['VH-01', 1, 1],
    ]);
    expect(report.findings.byCriterion[0]).toMatchObject({
      name: 'Chấp hành kỷ luật, kỷ cương giờ làm việc',
      nameEn: 'Discipline in working hours',
    });
  });

  it('ranks units by open findings (competition ranks, ties by code) and by latest rating', () => {
    expect(report.units.byOpenFindings.map((u) => [u.rank, u.unitCode, u.openFindings, u.findings, u.inspections])).toEqual([
      [1, 'TT-CT', 3, 3, 1],
      [2, 'XA-BK', 1, 2, 1],
      [2, 'XA-LH', 1, 1, 1],
      [4, 'BQL-RPH', 0, 0, 0],
      [4, 'PNV', 0, 1, 1],
    ]);
    expect(report.units.byOpenFindings[0]).toMatchObject({ unitId: U.ct, unitName: 'Thị trấn Cần Thạnh' });
    expect(report.units.byRating.map((u) => [u.rank, u.unitCode, u.rating, u.label])).toEqual([
      [1, 'XA-BK', 'fair', 'Khá'],
      [2, 'PNV', 'poor', 'Yếu'],
      [2, 'XA-LH', 'poor', 'Yếu'],
    ]);
  });

  it('rates responses: 1 on time of 2 due (Long Hòa never answered; Nội vụ owed none)', () => {
    expect(report.responses).toEqual({
      due: 2,
      submitted: 1,
      onTime: 1,
      late: 0,
      overdue: 1,
      pending: 0,
      onTimeRate: { numerator: 1, denominator: 2, percent: 50, text: '1/2 (50.0%)' },
    });
  });

  it('rates remediation: 1 of 2 actions verified, 1 overdue', () => {
    expect(report.remediation).toEqual({
      total: 2,
      verified: 1,
      reported: 0,
      open: 1,
      overdue: 1,
      completionRate: { numerator: 1, denominator: 2, percent: 50, text: '1/2 (50.0%)' },
    });
  });

  it('lists everything overdue, oldest deadline first', () => {
    expect(report.overdue.map((o) => [o.kind, o.unitCode, o.dueAt, o.daysOverdue])).toEqual([
      ['action', 'XA-BK', '2023-08-30T16:59:59.999Z', 9],
      ['conclusion', 'TT-CT', '2023-08-31T16:59:59.999Z', 8],
      ['response', 'XA-LH', '2023-09-05T16:59:59.999Z', 3],
    ]);
    expect(report.overdue[0]).toMatchObject({
      inspectionId: i.a1,
      actionId: actions[findings.a1f2],
      findingId: findings.a1f2,
      owner: 'Phó Chủ tịch UBND xã',
      label: 'Biện pháp khắc phục chưa hoàn thành',
      unitName: 'Xã Bình Khánh',
    });
    expect(report.overdue[1]).toMatchObject({ inspectionId: i.a3, actionId: null, label: 'Kết luận kiểm tra chưa trình phê duyệt' });
  });

  it('lists the open accountability case of Long Hòa', () => {
    expect(report.accountability.total).toBe(1);
    expect(report.accountability.open).toBe(1);
    expect(report.accountability.openCases).toEqual([
      expect.objectContaining({
        inspectionId: i.a4,
        unitCode: 'XA-LH',
        reason: 'response_overdue',
        openedAt: '2023-09-05T17:00:00.000Z',
        daysOpen: 2,
      }),
    ]);
  });

  it('says whom and when it is for', () => {
    expect(report.meta).toEqual({ asOf: '2023-09-08T16:59:59.999Z', source: 'replay', viewerRole: 'chairman', scopeUnitId: null });
    expect(report.year).toBe(2023);
  });

  it('counts nothing for another year', () => {
    const other = dashboardReport(world.rows(), 2024, context(asOf, people.chairman, UNITS));
    expect(other.inspections.planned).toBe(0);
    expect(other.inspections.startedOfPlanned.text).toBe('0/0 (—)');
    expect(other.overdue).toEqual([]);
  });
});
