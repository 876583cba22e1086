import type {
  AccountabilitySummary,
  ConclusionCounts,
  FindingsSummary,
  InspectionCounts,
  OverdueItem,
  RemediationCounts,
  ResponseCounts,
} from '../../metrics';
import type { ReportMeta } from '../../input';
import type { Ratio } from '../../ratio';
import { Cell, cols, localDateTime, Table } from './table';

/** The tables more than one report has: the same section, flattened the same way wherever it appears. */

interface Summarised {
  readonly inspections: InspectionCounts;
  readonly conclusions: ConclusionCounts;
  readonly findings: FindingsSummary;
  readonly responses: ResponseCounts;
  readonly remediation: RemediationCounts;
  readonly overdue: readonly OverdueItem[];
  readonly accountability: AccountabilitySummary;
}

/**
 * The headline numbers, one per row. `key` is the number's path in the JSON report, so a reader
 * (or a test) can match each line to its source.
 */
export function summaryTable(r: Summarised): Table {
  const count = (key: string, label: string, value: number): Cell[] => [key, label, value, null, null, String(value)];
  const share = (key: string, label: string, x: Ratio): Cell[] => [key, label, x.numerator, x.denominator, x.percent, x.text];
  return {
    key: 'summary',
    title: 'Tổng hợp',
    columns: cols(
      ['key', 'Mã chỉ tiêu'],
      ['label', 'Chỉ tiêu'],
      ['value', 'Số lượng'],
      ['denominator', 'Trên tổng số'],
      ['percent', 'Tỷ lệ (%)'],
      ['text', 'Kết quả'],
    ),
    rows: [
      count('inspections.planned', 'Số cuộc kiểm tra theo kế hoạch', r.inspections.planned),
      share('inspections.startedOfPlanned', 'Đã kiểm tra / theo kế hoạch', r.inspections.startedOfPlanned),
      share('inspections.closedOfStarted', 'Đã kết thúc / đã kiểm tra', r.inspections.closedOfStarted),
      count('inspections.notYetStarted', 'Chưa kiểm tra', r.inspections.notYetStarted),
      count('inspections.ongoing', 'Đang thực hiện', r.inspections.ongoing),
      count('inspections.cancelled', 'Đã huỷ', r.inspections.cancelled),
      share(
        'conclusions.approvedOfVisitsEnded',
        'Kết luận đã phê duyệt / cuộc kiểm tra đã kết thúc tại đơn vị',
        r.conclusions.approvedOfVisitsEnded,
      ),
      count('conclusions.overdue', 'Kết luận quá hạn chưa trình', r.conclusions.overdue),
      count('findings.total', 'Tồn tại, hạn chế', r.findings.total),
      count('findings.open', 'Tồn tại chưa khắc phục xong', r.findings.open),
      count('findings.withdrawn', 'Tồn tại đã rút', r.findings.withdrawn),
      share('responses.onTimeRate', 'Phản hồi đúng hạn / phản hồi đến hạn', r.responses.onTimeRate),
      count('responses.late', 'Phản hồi trễ hạn', r.responses.late),
      count('responses.overdue', 'Quá hạn chưa phản hồi', r.responses.overdue),
      count('responses.pending', 'Đang chờ phản hồi (chưa đến hạn)', r.responses.pending),
      share('remediation.completionRate', 'Biện pháp khắc phục đã xác nhận / tổng số', r.remediation.completionRate),
      count('remediation.reported', 'Đã báo cáo, chờ xác nhận', r.remediation.reported),
      count('remediation.open', 'Đang thực hiện', r.remediation.open),
      count('remediation.overdue', 'Biện pháp khắc phục quá hạn', r.remediation.overdue),
      count('overdue.length', 'Tổng số việc quá hạn', r.overdue.length),
      count('accountability.open', 'Xem xét trách nhiệm đang chờ quyết định', r.accountability.open),
      count('accountability.total', 'Xem xét trách nhiệm (tổng số)', r.accountability.total),
    ],
  };
}

export function metaTable(meta: ReportMeta, lines: [string, string, Cell][]): Table {
  return {
    key: 'meta',
    title: 'Thông tin',
    columns: cols(['key', 'Mã'], ['label', 'Mục'], ['value', 'Giá trị']),
    rows: [
      ...lines,
      ['meta.asOf', 'Số liệu tính đến', localDateTime(meta.asOf)],
      ['meta.source', 'Nguồn số liệu', meta.source === 'live' ? 'Dữ liệu hiện tại' : 'Dựng lại từ nhật ký sự kiện'],
      ['meta.viewerRole', 'Vai trò người xem', meta.viewerRole],
      ['meta.scopeUnitId', 'Phạm vi đơn vị', meta.scopeUnitId],
    ],
  };
}

export function severityTable(f: FindingsSummary): Table {
  return {
    key: 'findingsBySeverity',
    title: 'Theo mức độ',
    columns: cols(['severity', 'Mã mức độ'], ['label', 'Mức độ'], ['total', 'Số tồn tại'], ['open', 'Chưa khắc phục']),
    rows: f.bySeverity.map((s) => [s.severity, s.label, s.total, s.open]),
  };
}

export function criterionTable(f: FindingsSummary): Table {
  return {
    key: 'findingsByCriterion',
    title: 'Theo tiêu chí',
    columns: cols(['criterionCode', 'Mã tiêu chí'], ['name', 'Tiêu chí'], ['total', 'Số tồn tại'], ['open', 'Chưa khắc phục']),
    rows: f.byCriterion.map((c) => [c.criterionCode, c.name, c.total, c.open]),
  };
}

export function overdueTable(items: readonly OverdueItem[]): Table {
  return {
    key: 'overdue',
    title: 'Quá hạn',
    columns: cols(
      ['kind', 'Loại'],
      ['label', 'Nội dung'],
      ['dueAt', 'Hạn'],
      ['daysOverdue', 'Số ngày quá hạn'],
      ['unitCode', 'Mã đơn vị'],
      ['unitName', 'Tên đơn vị'],
      ['inspectionId', 'Mã cuộc kiểm tra'],
      ['actionId', 'Mã biện pháp'],
      ['owner', 'Người thực hiện'],
    ),
    rows: items.map((i) => [
      i.kind,
      i.label,
      localDateTime(i.dueAt),
      i.daysOverdue,
      i.unitCode,
      i.unitName,
      i.inspectionId,
      i.actionId,
      i.owner,
    ]),
  };
}

export function casesTable(a: AccountabilitySummary): Table {
  return {
    key: 'accountability',
    title: 'Xem xét trách nhiệm',
    columns: cols(
      ['caseId', 'Mã'],
      ['unitCode', 'Mã đơn vị'],
      ['unitName', 'Tên đơn vị'],
      ['reason', 'Lý do'],
      ['openedAt', 'Ngày mở'],
      ['daysOpen', 'Số ngày'],
      ['inspectionId', 'Mã cuộc kiểm tra'],
    ),
    rows: a.openCases.map((c) => [c.caseId, c.unitCode, c.unitName, c.label, localDateTime(c.openedAt), c.daysOpen, c.inspectionId]),
  };
}
