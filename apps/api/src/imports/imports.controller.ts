import { Controller, Get, HttpCode, HttpStatus, Post, Query, Req, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiBodyOptions, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { memoryStorage } from 'multer';
import { AuthenticatedUser, CurrentUser, Roles } from '../auth/access.decorators';
import { ApiProblem, ApiProblems, binaryContent } from '../common/api-responses';
import { ProblemException, problems } from '../common/problem';
import { requestedLanguage, translateFieldMessage } from '../i18n/localize';
import { IDEMPOTENCY_HEADER } from '../idempotency/idempotency.interceptor';
import { CSV_TYPE, XLSX_TYPE } from '../reports/report-response';
import { ImportAppliedView, ImportReportView, TemplateQuery } from './import.dto';
import { csvTemplate, xlsxTemplate } from './import-template';
import { ImportsService } from './imports.service';

export const IMPORT_FIELD = 'file';
/** A directory of thousands of rows is far smaller than this. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

const upload = () =>
  UseInterceptors(
    FileInterceptor(IMPORT_FIELD, {
      storage: memoryStorage(),
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 20 },
    }),
  );

const UPLOAD_BODY: ApiBodyOptions = { schema: { type: 'object', required: [IMPORT_FIELD], properties: { [IMPORT_FIELD]: { type: 'string', format: 'binary' } } } };

@ApiTags('Imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('template')
  @Roles('admin')
  @ApiOperation({ summary: 'The import template: the columns (Vietnamese headers) and one example row, as Excel (default) or CSV.' })
  @ApiProduces(XLSX_TYPE, 'text/csv')
  @ApiOkResponse({ description: 'The template file (an attachment).', content: binaryContent(XLSX_TYPE, 'text/csv') })
  @ApiProblem(400)
  async template(@Query() query: TemplateQuery, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    res.setHeader('Cache-Control', 'no-store');
    if (query.format === 'csv') return new StreamableFile(csvTemplate(), { type: CSV_TYPE, disposition: 'attachment; filename="mau-nhap-don-vi-can-bo.csv"' });
    return new StreamableFile(await xlsxTemplate(), { type: XLSX_TYPE, disposition: 'attachment; filename="mau-nhap-don-vi-can-bo.xlsx"' });
  }

  @Post('dry-run')
  @HttpCode(200)
  @Roles('admin')
  @upload()
  @ApiOperation({ summary: `What importing the file would do, row by row, with every row’s errors; writes nothing. The file (.xlsx or UTF-8 CSV) in the multipart part \`${IMPORT_FIELD}\`.` })
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiOkResponse({ type: ImportReportView })
  @ApiProblems([400, 'No file, or a file that is neither a workbook nor UTF-8 text.'], [413, 'Larger than 2 MiB.'], [415, 'Not multipart.'])
  async dryRun(@UploadedFile() file: Express.Multer.File | undefined, @Req() request: Request): Promise<ImportReportView> {
    return inCallersLanguage(await this.imports.dryRun(received(file, request)), request);
  }

  @Post('apply')
  @HttpCode(200)
  @Roles('admin')
  @upload()
  @ApiOperation({
    summary: 'Import the file in one transaction, matching units by code and accounts by username; all or nothing. New accounts get a temporary password, shown in this answer only.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiOkResponse({ type: ImportAppliedView })
  @ApiProblems(
    [400, 'No file, an unreadable one, rows with errors (nothing imported; `errors` names row and column), or an Idempotency-Key (an import takes none).'],
    [409, 'Another change took a code or username at the same moment (nothing imported).'],
    [413, 'Larger than 2 MiB.'],
    [415, 'Not multipart.'],
  )
  async apply(@UploadedFile() file: Express.Multer.File | undefined, @Req() request: Request, @CurrentUser() user: AuthenticatedUser): Promise<ImportAppliedView> {
    // A kept answer would keep the one-time passwords in the database, and the key's fingerprint
    // cannot see the file's bytes; an apply needs no key anyway: sent again, it changes nothing.
    if (request.headers[IDEMPOTENCY_HEADER] !== undefined) {
      throw problems.badRequest('An import takes no Idempotency-Key: send it again without one; matching by unit code and username makes a repeat change nothing.', [
        { field: 'Idempotency-Key', message: 'must be absent for an import' },
      ]);
    }
    return inCallersLanguage(await this.imports.apply(received(file, request), user.userId), request);
  }
}

function received(file: Express.Multer.File | undefined, request: Request): Buffer {
  if (!file) {
    if (!request.is('multipart/form-data')) throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, `Send the file as multipart/form-data, in a part named "${IMPORT_FIELD}".`);
    throw problems.badRequest(`The request has no file in a part named "${IMPORT_FIELD}".`, [{ field: IMPORT_FIELD, message: 'is required' }]);
  }
  if (file.size === 0) throw problems.badRequest('The file is empty.', [{ field: IMPORT_FIELD, message: 'must not be empty' }]);
  return file.buffer;
}

/**
 * A row's error is part of the answer (a dry run answers 200), not a problem the problem filter
 * translates: it is put into the caller's language here, as the problem filter would.
 */
function inCallersLanguage<T extends ImportReportView>(report: T, request: Request): T {
  const language = requestedLanguage(request.headers['accept-language']) ?? 'en';
  return { ...report, errors: report.errors.map((error) => ({ ...error, message: translateFieldMessage(error.message, language) })) };
}
