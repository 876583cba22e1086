import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { createHash } from 'node:crypto';
import { checklistStore, UnitEntity } from '@inspectorate/directory';
import { canonicalJson } from '@inspectorate/domain';
import { CampaignEntity } from '@inspectorate/read-model';
import { AnyRole, AuthenticatedUser, CurrentUser } from '../auth/access.decorators';
import { ApiProblems, binaryContent } from '../common/api-responses';
import { problems } from '../common/problem';
import { BoundedCache } from '../common/bounded-cache';
import { UuidParam } from '../common/uuid-param.pipe';
import { InspectionQueries } from '../inspections/inspections.queries';
import { AuthorityService } from '../authority/authority.service';
import { ConclusionDocument, renderConclusionPdf } from './conclusion-pdf';
import { ExpensiveRead } from './expensive-reads';
import { AuditTrail } from '../audit/audit-trail';

/** Rendered conclusions kept, by content: at most 200 of them or 64 MB. */
const renderedConclusions = () => new BoundedCache<Buffer>(200, (pdf) => pdf.length, 64 * 1024 * 1024);

/** The approved conclusion as a printable document (Vietnamese), for whoever may see the inspection. */
@ApiTags('Reports')
@Controller('inspections')
export class ConclusionPdfController {
  /** An approved conclusion hardly changes, and the same content renders the same bytes: render it once. */
  private readonly rendered = renderedConclusions();

  constructor(
    private readonly inspections: InspectionQueries,
    private readonly authority: AuthorityService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  @Get(':id/conclusion.pdf')
  @AnyRole()
  @ExpensiveRead()
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      'The approved conclusion as a PDF in Vietnamese (authority heading, findings, required actions and deadlines, the approval and its content hash).',
  })
  @ApiOkResponse({ description: 'The PDF, as an attachment (ket-luan-kiem-tra-<id>.pdf).', content: binaryContent('application/pdf') })
  @ApiProblems(400, [404, 'No such inspection, or not visible to the caller.'], [409, 'The conclusion is not approved (yet); the problem’s inspectionStatus says the inspection’s status.'])
  async conclusionPdf(
    @Param('id', new UuidParam()) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { state } = await this.inspections.visibleState(id, user);
    if (!state.approval)
      throw problems.conflict(`The conclusion is not approved: the inspection is ${state.status}.`, { inspectionStatus: state.status });
    const [unit, campaign, authority, criteria] = await Promise.all([
      this.db.getRepository(UnitEntity).findOne({ where: { id: state.unitId } }),
      this.db.getRepository(CampaignEntity).findOne({ where: { id: state.campaignId } }),
      this.authority.heading(),
      checklistStore.criteria(this.db, [state.checklistVersion]),
    ]);
    const document: ConclusionDocument = {
      authority,
      unit: { code: unit?.code ?? state.unitId, name: unit?.name ?? state.unitId },
      campaign: campaign ? { title: campaign.title, legalBasis: campaign.legalBasis } : null,
      state,
      criteria: criteria.get(state.checklistVersion) ?? [],
    };
    // Keyed by everything the document shows, so a changed unit name or amended state renders anew.
    const key = createHash('sha256').update(canonicalJson(document)).digest('hex');
    const started = performance.now();
    const { value: pdf, hit } = await this.rendered.getOrCompute(key, () => renderConclusionPdf(document));
    await this.audit.record('conclusion_pdf_downloaded', user, id, { contentHash: state.approval.contentHash });
    res.setHeader('Server-Timing', `render;dur=${(performance.now() - started).toFixed(1)};desc="${hit ? 'cached' : 'rendered'}"`);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="ket-luan-kiem-tra-${id.slice(0, 8)}.pdf"`,
    });
  }
}
