import { HO_CHI_MINH_OFFSET_MS } from '@inspectorate/domain/calendar/local-date';
import type { CampaignReport } from '../campaign';
import type { DashboardReport } from '../dashboard';
import type { OverdueReport } from '../overdue';
import type { UnitScorecardReport } from '../unit-scorecard';
import type {
  AccountabilitySummary,
  ConclusionCounts,
  FindingsSummary,
  InspectionCounts,
  OverdueItem,
  RemediationCounts,
  ResponseCounts,
} from '../metrics';
import type { ReportMeta } from '../input';
import type { Ratio } from '../ratio';

/**
 * "Flatten a report to tables", written once: the CSV writer prints the tables one after the
 * other, the XLSX writer puts each on its own sheet. Cells hold what a spreadsheet should show:
 * numbers stay numbers, times are local (Asia/Ho_Chi_Minh) ISO 8601 with their offset.
 */
export type Cell = string | number | null;

export interface Column {
  readonly key: string;
  readonly header: string;
}

export interface Table {
  /** Stable, machine-readable name of the section. */
  readonly key: string;
  /** Its Vietnamese title: the CSV section heading and the sheet name (at most 31 characters). */
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

export type AnyReport = DashboardReport | UnitScorecardReport | CampaignReport | OverdueReport;

export function reportTables(report: AnyReport): Table[] {
  switch (report.kind) {
    case 'dashboard':
      return dashboardTables(report);
    case 'unit':
      return unitScorecardTables(report);
    case 'campaign':
      return campaignTables(report);
    case 'overdue':
      return overdueTables(report);
  }
}

/** A file name for the report's download (ASCII, no spaces). */
export function reportFileName(report: AnyReport, extension: string): string {
  const day = localDateTime(report.meta.asOf)?.slice(0, 10) ?? 'unknown';
  switch (report.kind) {
    case 'dashboard':
      return `bao-cao-tong-hop-${report.year}-${day}.${extension}`;
    case 'unit':
      return `bao-cao-don-vi-${asciiSlug(report.unit.unitCode)}-${day}.${extension}`;
    case 'campaign':
      return `bao-cao-ke-hoach-${report.campaign.year}-${report.campaign.id.slice(0, 8)}-${day}.${extension}`;
    case 'overdue':
      return `viec-qua-han-${report.year ?? 'tat-ca'}-${day}.${extension}`;
  }
}

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

// ---------------------------------------------------------------------------------------------

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
function summaryTable(r: Summarised): Table {
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

function metaTable(meta: ReportMeta, lines: [string, string, Cell][]): Table {
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

function severityTable(f: FindingsSummary): Table {
  return {
    key: 'findingsBySeverity',
    title: 'Theo mức độ',
    columns: cols(['severity', 'Mã mức độ'], ['label', 'Mức độ'], ['total', 'Số tồn tại'], ['open', 'Chưa khắc phục']),
    rows: f.bySeverity.map((s) => [s.severity, s.label, s.total, s.open]),
  };
}

function criterionTable(f: FindingsSummary): Table {
  return {
    key: 'findingsByCriterion',
    title: 'Theo tiêu chí',
    columns: cols(['criterionCode', 'Mã tiêu chí'], ['name', 'Tiêu chí'], ['total', 'Số tồn tại'], ['open', 'Chưa khắc phục']),
    rows: f.byCriterion.map((c) => [c.criterionCode, c.name, c.total, c.open]),
  };
}

function overdueTable(items: readonly OverdueItem[]): Table {
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

function casesTable(a: AccountabilitySummary): Table {
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

function cols(...pairs: [string, string][]): Column[] {
  return pairs.map(([key, header]) => ({ key, header }));
}

/** `2023-09-08T10:00:00+07:00`: the instant as a clock in Ho Chi Minh City shows it. */
export function localDateTime(instant: string | null): string | null {
  if (instant === null) return null;
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  return `${new Date(ms + HO_CHI_MINH_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

function asciiSlug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'don-vi'
  );
}
