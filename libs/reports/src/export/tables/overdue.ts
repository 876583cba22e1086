import type { OverdueReport } from '../../overdue';
import { metaTable, overdueTable } from './sections';
import { Table } from './table';

export function overdueTables(r: OverdueReport): Table[] {
  return [
    metaTable(r.meta, [
      ['report', 'Báo cáo', 'Danh sách việc quá hạn'],
      ['year', 'Năm', r.year ?? 'Tất cả'],
      ['total', 'Tổng số', r.total],
      ['byKind.conclusion', 'Kết luận chưa trình', r.byKind.conclusion],
      ['byKind.response', 'Chưa phản hồi', r.byKind.response],
      ['byKind.action', 'Biện pháp chưa hoàn thành', r.byKind.action],
    ]),
    overdueTable(r.items),
  ];
}
