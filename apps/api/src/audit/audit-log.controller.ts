import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { localDateTime, Table, toCsv } from '@inspectorate/reports';
import { localDateOf } from '@inspectorate/domain';
import { AuthenticatedUser, CurrentUser, Roles } from '../auth/access.decorators';
import { ApiProblem, binaryContent } from '../common/api-responses';
import { Page } from '../common/pagination';
import { CSV_TYPE, XLSX_TYPE } from '../reports/report-response';
import { toXlsx } from '../reports/xlsx';
import { AuditEntryView, AuditLogPage, AuditLogQuery } from './audit-log.dto';
import { AuditLogQueries } from './audit-log.queries';
import { AuditTrail } from './audit-trail';

/**
 * Who did what: logins, account and unit changes, imports, downloads and reads of planned
 * inspections, for the admin and the chairman. Newest first, a page at a time, or the filtered
 * rows as a file (itself recorded, like every export).
 */
@ApiTags('Operations')
@ApiProduces('application/json', 'text/csv', XLSX_TYPE)
@Controller('audit')
export class AuditLogController {
  constructor(
    private readonly log: AuditLogQueries,
    private readonly audit: AuditTrail,
  ) {}

  @Get('log')
  @Roles('admin', 'chairman')
  @ApiOperation({ summary: 'The audit log, newest first, filtered by person, kind and date; format=csv or xlsx for a file of the filtered rows.' })
  @ApiExtraModels(AuditLogPage)
  @ApiOkResponse({
    description: 'A page of entries (JSON), or with format=csv or format=xlsx every entry the filters select, as an attachment. Never cached.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(AuditLogPage) } }, ...binaryContent('text/csv', XLSX_TYPE) },
  })
  @ApiProblem(400, 'Invalid filter or cursor, a period that ends before it starts, or more entries than a file holds.')
  async list(@Query() query: AuditLogQuery, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response): Promise<Page<AuditEntryView> | StreamableFile> {
    res.setHeader('Cache-Control', 'private, no-store');
    if (!query.format || query.format === 'json') return this.log.page(query, user);
    const entries = await this.log.all(query, user);
    const { format, ...filters } = query;
    await this.audit.record('report_exported', user, null, { report: 'audit-log', format, ...filters, rows: entries.length });
    const tables = [auditTable(entries)];
    const fileName = `nhat-ky-he-thong-${localDateOf(new Date())}.${format}`;
    if (format === 'csv') return new StreamableFile(Buffer.from(toCsv(tables), 'utf8'), { type: CSV_TYPE, disposition: `attachment; filename="${fileName}"` });
    const xlsx = await toXlsx(tables, { title: 'Nhật ký hệ thống', company: 'Inspectorate', created: new Date() });
    return new StreamableFile(xlsx, { type: XLSX_TYPE, disposition: `attachment; filename="${fileName}"` });
  }
}

function auditTable(entries: readonly AuditEntryView[]): Table {
  return {
    key: 'audit_log',
    title: 'Nhật ký hệ thống',
    columns: [
      { key: 'occurredAt', header: 'Thời điểm' },
      { key: 'kind', header: 'Loại' },
      { key: 'username', header: 'Tên đăng nhập' },
      { key: 'role', header: 'Vai trò' },
      { key: 'userId', header: 'Mã người dùng' },
      { key: 'subject', header: 'Đối tượng' },
      { key: 'details', header: 'Chi tiết' },
      { key: 'requestId', header: 'Mã yêu cầu' },
      { key: 'clientAddress', header: 'Địa chỉ' },
    ],
    rows: entries.map((e) => [
      localDateTime(e.occurredAt),
      e.kind,
      e.actor?.username ?? null,
      e.actor?.role ?? null,
      e.actor?.userId ?? null,
      e.subject,
      JSON.stringify(e.details),
      e.requestId,
      e.clientAddress,
    ]),
  };
}
