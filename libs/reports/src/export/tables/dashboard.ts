import type { DashboardReport } from '../../dashboard';
import { casesTable, criterionTable, metaTable, overdueTable, severityTable, summaryTable } from './sections';
import { cols, localDateTime, Table } from './table';

export function dashboardTables(r: DashboardReport): Table[] {
  return [
    metaTable(r.meta, [
      ['report', 'Báo cáo', 'Báo cáo tổng hợp kiểm tra công vụ'],
      ['year', 'Năm', r.year],
    ]),
    summaryTable(r),
    severityTable(r.findings),
    criterionTable(r.findings),
    {
      key: 'unitsByOpenFindings',
      title: 'Xếp hạng theo tồn tại',
      columns: cols(
        ['rank', 'Hạng'],
        ['unitCode', 'Mã đơn vị'],
        ['unitName', 'Tên đơn vị'],
        ['openFindings', 'Tồn tại chưa khắc phục'],
        ['findings', 'Tổng số tồn tại'],
        ['inspections', 'Số cuộc kiểm tra'],
      ),
      rows: r.units.byOpenFindings.map((u) => [u.rank, u.unitCode, u.unitName, u.openFindings, u.findings, u.inspections]),
    },
    {
      key: 'unitsByRating',
      title: 'Xếp hạng theo xếp loại',
      columns: cols(
        ['rank', 'Hạng'],
        ['unitCode', 'Mã đơn vị'],
        ['unitName', 'Tên đơn vị'],
        ['rating', 'Xếp loại'],
        ['approvedAt', 'Ngày phê duyệt'],
        ['inspectionId', 'Mã cuộc kiểm tra'],
      ),
      rows: r.units.byRating.map((u) => [u.rank, u.unitCode, u.unitName, u.label, localDateTime(u.approvedAt), u.inspectionId]),
    },
    overdueTable(r.overdue),
    casesTable(r.accountability),
  ];
}
