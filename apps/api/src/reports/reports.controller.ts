import { applyDecorators, Controller, Get, Param, Query, Res, StreamableFile, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, AuthenticatedUser, CurrentUser, StaffOnly } from '../auth/access.decorators';
import { ApiProblem, ApiProblems, binaryContent } from '../common/api-responses';
import { UuidParam } from '../common/uuid-param.pipe';
import { AuthorityService } from '../authority/authority.service';
import { toCampaignReportView } from './report-mappers/campaign.mapper';
import { toDashboardReportView } from './report-mappers/dashboard.mapper';
import { toOverdueReportView } from './report-mappers/overdue.mapper';
import { toUnitScorecardReportView } from './report-mappers/unit-scorecard.mapper';
import { reportResponse, XLSX_TYPE } from './report-response';
import { CampaignReportView, DashboardReportView, OverdueReportView, UnitScorecardReportView } from './report.views';
import { CampaignReportQuery, DashboardQuery, OverdueQuery, UnitReportQuery } from './reports.dto';
import { ReportsService } from './reports.service';
import { ExpensiveRead } from './expensive-reads';
import { AuditTrail, requestActor } from '../audit/audit-trail';

/** A report's answer: the JSON, or (format=csv or xlsx) the same data as a file. */
const ReportOk = (view: Type, what: string) =>
  applyDecorators(
    ApiExtraModels(view),
    ApiOkResponse({
      description: `${what}: JSON by default; with format=csv or format=xlsx the same data as a file (Content-Disposition: attachment). Never cached.`,
      content: { 'application/json': { schema: { $ref: getSchemaPath(view) } }, ...binaryContent('text/csv', XLSX_TYPE) },
    }),
  );

const FILE_FORMATS =
  'Add `format=csv` (UTF-8 with BOM, RFC 4180, one section per table) or `format=xlsx` (one sheet per table) for the same data as a file.';

/**
 * The chairman's reports. Staff roles see them all; a unit head sees the dashboard and the
 * overdue list limited to their own unit, and their own unit's scorecard (another unit's: 403;
 * campaign reports: 403). Nobody outside an inspection's team but the chairman ever counts an
 * inspection whose visit has not started.
 */
@ApiTags('Reports')
@ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly authority: AuthorityService,
    private readonly audit: AuditTrail,
  ) {}

  private readonly heading = () => this.authority.heading();
  /** The audit record of a report downloaded as a file: which report, of what, with which parameters. */
  private readonly exported = (report: string, subject: string | null, query: object) => () =>
    this.audit.record('report_exported', requestActor(), subject, { report, ...query });

  @Get('dashboard')
  @AnyRole()
  @ExpensiveRead()
  @ApiOperation({
    summary: 'A year at a glance: inspections, findings, units, responses, remediation, overdue, open cases.',
    description: FILE_FORMATS,
  })
  @ReportOk(DashboardReportView, 'The dashboard')
  @ApiProblem(400, 'Invalid query, or asOf after today.')
  async dashboard(
    @Query() query: DashboardQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DashboardReportView | StreamableFile> {
    return reportResponse(
      await this.reports.dashboard(user, query),
      toDashboardReportView,
      query.format,
      res,
      this.heading,
      this.exported('dashboard', null, query),
    );
  }

  @Get('units/:id')
  @AnyRole()
  @ExpensiveRead()
  @ApiOperation({ summary: 'One unit’s scorecard, year by year.', description: FILE_FORMATS })
  @ReportOk(UnitScorecardReportView, 'The unit’s scorecard')
  @ApiProblems([400, 'Invalid id or query, or asOf after today.'], [403, 'A unit head asking for another unit.'], [404, 'No such unit.'])
  async unit(
    @Param('id', new UuidParam()) id: string,
    @Query() query: UnitReportQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UnitScorecardReportView | StreamableFile> {
    return reportResponse(
      await this.reports.unit(user, id, query),
      toUnitScorecardReportView,
      query.format,
      res,
      this.heading,
      this.exported('unit', id, query),
    );
  }

  @Get('campaigns/:id')
  @StaffOnly()
  @ExpensiveRead()
  @ApiOperation({ summary: 'A campaign’s results, with a summary in Vietnamese.', description: FILE_FORMATS })
  @ReportOk(CampaignReportView, 'The campaign report')
  @ApiProblems([400, 'Invalid id or query, or asOf after today.'], [404, 'No such campaign (as of asOf).'])
  async campaign(
    @Param('id', new UuidParam()) id: string,
    @Query() query: CampaignReportQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CampaignReportView | StreamableFile> {
    return reportResponse(
      await this.reports.campaign(user, id, query),
      toCampaignReportView,
      query.format,
      res,
      this.heading,
      this.exported('campaign', id, query),
    );
  }

  @Get('overdue')
  @AnyRole()
  @ExpensiveRead()
  @ApiOperation({ summary: 'Everything overdue, oldest deadline first.', description: FILE_FORMATS })
  @ReportOk(OverdueReportView, 'The overdue list')
  @ApiProblem(400, 'Invalid query, or asOf after today.')
  async overdue(
    @Query() query: OverdueQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OverdueReportView | StreamableFile> {
    return reportResponse(
      await this.reports.overdue(user, query),
      toOverdueReportView,
      query.format,
      res,
      this.heading,
      this.exported('overdue', null, query),
    );
  }
}
