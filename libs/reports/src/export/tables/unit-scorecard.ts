import type { UnitScorecardReport } from '../../unit-scorecard';
import { metaTable, overdueTable } from './sections';
import { cols, localDateTime, Table } from './table';

export function unitScorecardTables(r: UnitScorecardReport): Table[] {
  return [
    metaTable(r.meta, [
      ['report', 'Báo cáo', 'Kết quả kiểm tra của đơn vị qua các năm'],
      ['unit.unitCode', 'Mã đơn vị', r.unit.unitCode],
      ['unit.unitName', 'Tên đơn vị', r.unit.unitName],
      ['year', 'Năm', r.year],
    ]),
    {
      key: 'history',
      title: 'Theo năm',
      columns: cols(
        ['year', 'Năm'],
        ['inspections.planned', 'Kế hoạch'],
        ['inspections.started', 'Đã kiểm tra'],
        ['inspections.closed', 'Đã kết thúc'],
        ['inspections.cancelled', 'Đã huỷ'],
        ['findings.total', 'Tồn tại'],
        ['findings.open', 'Chưa khắc phục'],
        ['findings.critical', 'Nghiêm trọng'],
        ['findings.major', 'Nặng'],
        ['findings.minor', 'Nhẹ'],
        ['latestRating', 'Xếp loại gần nhất'],
        ['responses.due', 'Phản hồi đến hạn'],
        ['responses.onTime', 'Phản hồi đúng hạn'],
        ['responses.onTimeRate', 'Tỷ lệ đúng hạn (%)'],
        ['remediation.total', 'Biện pháp khắc phục'],
        ['remediation.verified', 'Đã xác nhận'],
        ['remediation.overdue', 'Quá hạn'],
        ['remediation.completionRate', 'Tỷ lệ hoàn thành (%)'],
        ['accountability.total', 'Xem xét trách nhiệm'],
        ['accountability.open', 'Đang chờ quyết định'],
      ),
      rows: r.history.map((y) => {
        const severity = (s: string) => y.findings.bySeverity.find((x) => x.severity === s)?.total ?? 0;
        return [
          y.year,
          y.inspections.planned,
          y.inspections.started,
          y.inspections.closed,
          y.inspections.cancelled,
          y.findings.total,
          y.findings.open,
          severity('critical'),
          severity('major'),
          severity('minor'),
          y.latestRating?.label ?? null,
          y.responses.due,
          y.responses.onTime,
          y.responses.onTimeRate.percent,
          y.remediation.total,
          y.remediation.verified,
          y.remediation.overdue,
          y.remediation.completionRate.percent,
          y.accountability.total,
          y.accountability.open,
        ];
      }),
    },
    {
      key: 'ratings',
      title: 'Xếp loại',
      columns: cols(['year', 'Năm'], ['inspectionId', 'Mã cuộc kiểm tra'], ['rating', 'Xếp loại'], ['approvedAt', 'Ngày phê duyệt']),
      rows: r.history.flatMap((y) => y.ratings.map((x) => [y.year, x.inspectionId, x.label, localDateTime(x.approvedAt)])),
    },
    overdueTable(r.overdue),
  ];
}
