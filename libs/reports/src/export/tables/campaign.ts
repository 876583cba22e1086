import type { CampaignReport } from '../../campaign';
import { casesTable, criterionTable, metaTable, overdueTable, severityTable, summaryTable } from './sections';
import { cols, localDateTime, Table } from './table';

export function campaignTables(r: CampaignReport): Table[] {
  return [
    metaTable(r.meta, [
      ['report', 'Báo cáo', 'Báo cáo kết quả kế hoạch kiểm tra'],
      ['campaign.id', 'Mã kế hoạch', r.campaign.id],
      ['campaign.title', 'Tên kế hoạch', r.campaign.title],
      ['campaign.year', 'Năm', r.campaign.year],
      ['campaign.legalBasis', 'Căn cứ', r.campaign.legalBasis],
      ['campaign.status', 'Trạng thái', r.campaign.status],
    ]),
    { key: 'narrative', title: 'Tóm tắt', columns: cols(['sentence', 'Nội dung']), rows: r.narrative.sentences.map((s) => [s]) },
    summaryTable(r),
    {
      key: 'units',
      title: 'Đơn vị',
      columns: cols(
        ['unitCode', 'Mã đơn vị'],
        ['unitName', 'Tên đơn vị'],
        ['inspectionId', 'Mã cuộc kiểm tra'],
        ['status', 'Trạng thái'],
        ['startedAt', 'Bắt đầu kiểm tra'],
        ['findings', 'Số tồn tại'],
        ['openFindings', 'Chưa khắc phục'],
        ['rating', 'Xếp loại'],
        ['responseOnTime', 'Phản hồi'],
        ['actions', 'Biện pháp khắc phục'],
        ['actionsVerified', 'Đã xác nhận'],
        ['actionsOverdue', 'Quá hạn'],
        ['openCases', 'Xem xét trách nhiệm'],
      ),
      rows: r.units.map((u) => [
        u.unitCode,
        u.unitName,
        u.inspectionId,
        u.statusLabel,
        localDateTime(u.startedAt),
        u.findings,
        u.openFindings,
        u.ratingLabel,
        u.responseOnTime === null ? null : u.responseOnTime ? 'Đúng hạn' : 'Trễ hạn',
        u.actions,
        u.actionsVerified,
        u.actionsOverdue,
        u.openCases,
      ]),
    },
    severityTable(r.findings),
    criterionTable(r.findings),
    overdueTable(r.overdue),
    casesTable(r.accountability),
  ];
}
