import { campaignReport } from '../campaign';
import { context, local, people } from '@inspectorate/reports-testing/scenario';
import { district2023, LEGAL_BASIS, U, UNITS } from '@inspectorate/reports-testing/district-2023.story';

/** Campaign 1 of the district story, reported to the chairman as of 8/9/2023, narrative included. */
describe('scenario: the district’s 2023 campaign report', () => {
  const { world, campaigns, inspections: i } = district2023();
  const asOf = local('2023-09-08');
  const campaign = world.replay(asOf, { campaignId: campaigns.c1 }).campaign(campaigns.c1)!;
  const report = campaignReport(world.rows(asOf, { campaignId: campaigns.c1 }), campaign, context(asOf, people.chairman, UNITS));

  it('describes the campaign', () => {
    expect(report.campaign).toEqual({
      id: campaigns.c1,
      title: 'Kiểm tra công vụ đột xuất năm 2023',
      year: 2023,
      legalBasis: LEGAL_BASIS,
      status: 'active',
      createdAt: '2023-07-20T01:00:00.000Z',
      completedAt: null,
    });
  });

  it('counts its five units, not the other campaign’s plan', () => {
    expect(report.inspections.startedOfPlanned.text).toBe('4/5 (80.0%)');
    expect(report.inspections.closedOfStarted.text).toBe('1/4 (25.0%)');
    expect(report.findings.total).toBe(7);
    expect(report.responses.onTimeRate.text).toBe('1/2 (50.0%)');
    expect(report.remediation.completionRate.text).toBe('1/2 (50.0%)');
    expect(report.overdue).toHaveLength(3);
    expect(report.accountability.open).toBe(1);
  });

  it('has one line per unit, by code', () => {
    expect(
      report.units.map((u) => [
        u.unitCode,
        u.status,
        u.findings,
        u.openFindings,
        u.rating,
        u.responseOnTime,
        u.actions,
        u.actionsVerified,
        u.actionsOverdue,
        u.openCases,
      ]),
    ).toEqual([
      ['BQL-RPH', 'planned', 0, 0, null, null, 0, 0, 0, 0],
      ['PNV', 'closed', 1, 0, 'poor', null, 0, 0, 0, 0],
      ['TT-CT', 'drafting', 3, 3, null, null, 0, 0, 0, 0],
      ['XA-BK', 'remediating', 2, 1, 'fair', true, 2, 1, 1, 0],
      ['XA-LH', 'awaiting_response', 1, 1, 'poor', null, 0, 0, 0, 1],
    ]);
    expect(report.units[3]).toMatchObject({
      inspectionId: i.a1,
      unitId: U.bk,
      statusLabel: 'Đang khắc phục',
      ratingLabel: 'Khá',
      startedAt: '2023-08-01T01:30:00.000Z',
    });
  });

  it('writes the summary in Vietnamese from the numbers', () => {
    expect(report.narrative.sentences).toEqual([
      `Thực hiện ${LEGAL_BASIS}, Đoàn kiểm tra đã kiểm tra đột xuất 4/5 đơn vị, địa phương (80.0%); đã kết thúc 1/4 cuộc kiểm tra (25.0%).`,
      'Qua kiểm tra, Đoàn đã chỉ ra 7 tồn tại, hạn chế (2 nghiêm trọng, 2 nặng, 3 nhẹ), tập trung nhiều nhất ở nội dung: chấp hành kỷ luật, kỷ cương giờ làm việc (2).',
      'Đến nay còn 5/7 tồn tại, hạn chế chưa được khắc phục xong.',
      'Chủ tịch đã phê duyệt 3/4 kết luận kiểm tra (75.0%).',
      'Kết quả xếp loại: 1 đơn vị xếp loại khá, 2 đơn vị xếp loại yếu.',
      'Người đứng đầu các đơn vị đã phản hồi kết luận đúng hạn 1/2 trường hợp (50.0%).',
      'Đã hoàn thành, được xác nhận 1/2 biện pháp khắc phục (50.0%).',
      'Hiện còn 3 việc quá hạn: 1 kết luận chưa trình phê duyệt, 1 đơn vị chưa phản hồi kết luận, 1 biện pháp khắc phục chưa hoàn thành.',
      'Có 1 trường hợp xem xét trách nhiệm người đứng đầu đang chờ Chủ tịch quyết định.',
    ]);
    expect(report.narrative.text).toBe(report.narrative.sentences.join(' '));
  });

  it('as of 20/7, only the plan: the narrative says no unit was inspected yet', () => {
    const early = local('2023-07-20');
    const c = world.replay(early, { campaignId: campaigns.c1 }).campaign(campaigns.c1)!;
    const r = campaignReport(world.rows(early, { campaignId: campaigns.c1 }), c, context(early, people.chairman, UNITS));
    expect(r.narrative.sentences).toEqual([
      `Thực hiện ${LEGAL_BASIS}, Đoàn kiểm tra chưa tiến hành kiểm tra đơn vị, địa phương nào (0/5 theo kế hoạch).`,
    ]);
  });
});
