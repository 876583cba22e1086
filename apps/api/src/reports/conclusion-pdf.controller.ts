import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, AuthenticatedUser, CurrentUser } from '../auth/access.decorators';
import { ApiProblems, binaryContent } from '../common/api-responses';
import { UuidParam } from '../common/uuid-param.pipe';
import { ConclusionPdfService } from './conclusion-pdf.service';
import { ExpensiveRead } from './expensive-reads';

/** The approved conclusion as a printable document (Vietnamese), for whoever may see the inspection. */
@ApiTags('Reports')
@Controller('inspections')
export class ConclusionPdfController {
  constructor(private readonly conclusions: ConclusionPdfService) {}

  @Get(':id/conclusion.pdf')
  @AnyRole()
  @ExpensiveRead()
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      'The approved conclusion as a PDF in Vietnamese (authority heading, findings, required actions and deadlines, the approval and its content hash).',
  })
  @ApiOkResponse({ description: 'The PDF, as an attachment (ket-luan-kiem-tra-<id>.pdf).', content: binaryContent('application/pdf') })
  @ApiProblems(
    400,
    [404, 'No such inspection, or not visible to the caller.'],
    [409, 'The conclusion is not approved (yet); the problem’s inspectionStatus says the inspection’s status.'],
  )
  async conclusionPdf(
    @Param('id', new UuidParam()) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { pdf, cached, renderMs } = await this.conclusions.render(id, user);
    res.setHeader('Server-Timing', `render;dur=${renderMs.toFixed(1)};desc="${cached ? 'cached' : 'rendered'}"`);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="ket-luan-kiem-tra-${id.slice(0, 8)}.pdf"`,
    });
  }
}
