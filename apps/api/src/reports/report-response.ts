import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { AnyReport, reportFileName, reportTables, Table, toCsv } from '@inspectorate/reports';
import type { AuthorityHeading } from '../authority/authority.service';
import { ReportFormat } from './reports.dto';
import { Timed } from './reports.service';
import { toXlsx } from './xlsx';

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TITLES: Record<AnyReport['kind'], string> = {
  dashboard: 'Báo cáo tổng hợp kiểm tra công vụ',
  unit: 'Kết quả kiểm tra của đơn vị',
  campaign: 'Báo cáo kết quả kế hoạch kiểm tra',
  overdue: 'Danh sách việc quá hạn',
};

/**
 * Answers a report in the format asked for: the JSON (the report mapped to its view class by
 * `toView`, the one definition of what is sent), or the library's report flattened to
 * tables (once, by `reportTables`) and written as CSV or XLSX, as an attachment. Reports are
 * confidential and change with every event: never cached by clients or proxies (the server keeps
 * replays of past instants, see ReportRowsSource.replay). A file is headed by the authority
 * that issues it (its name and inspection body, first in the "Thông tin" section; the workbook's
 * company and title). Server-Timing tells how long loading
 * (live or replay) and computing took; nothing about the size of the log is sent, since a count
 * of all events would reveal to anyone that something (a planned visit) was recorded.
 */
export async function reportResponse<R extends AnyReport, View>(
  timed: Timed<R>,
  toView: (report: R) => View,
  format: ReportFormat | undefined,
  res: Response,
  authority: () => Promise<AuthorityHeading>,
  /** Records the download in the audit log (only files are recorded: the JSON is a screen's read). */
  exported: () => Promise<void>,
): Promise<View | StreamableFile> {
  const { report, timing } = timed;
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader(
    'Server-Timing',
    [`load;dur=${timing.loadMs.toFixed(1)};desc="${timing.source}${timing.cached ? ', cached' : ''}"`, `compute;dur=${timing.computeMs.toFixed(1)}`].join(', '),
  );
  if (!format || format === 'json') return toView(report);
  const issuer = await authority();
  await exported();
  const tables = headedBy(reportTables(report), issuer);
  if (format === 'csv') {
    return new StreamableFile(Buffer.from(toCsv(tables), 'utf8'), {
      type: CSV_TYPE,
      disposition: attachment(reportFileName(report, 'csv')),
    });
  }
  const xlsx = await toXlsx(tables, { title: `${TITLES[report.kind]} — ${issuer.name}`, company: issuer.name, created: new Date(report.meta.asOf) });
  return new StreamableFile(xlsx, { type: XLSX_TYPE, disposition: attachment(reportFileName(report, 'xlsx')) });
}

/** The report's tables with the issuing authority first in its "Thông tin" (meta) section. */
function headedBy(tables: Table[], authority: AuthorityHeading): Table[] {
  return tables.map((table) =>
    table.key === 'meta'
      ? {
          ...table,
          rows: [['authority.name', 'Cơ quan', authority.name], ['authority.inspectionBodyName', 'Đơn vị kiểm tra', authority.inspectionBodyName], ...table.rows],
        }
      : table,
  );
}

function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
