import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createHash } from 'node:crypto';
import { checklistStore, UnitEntity } from '@inspectorate/directory';
import { canonicalJson } from '@inspectorate/domain';
import { AuthenticatedUser } from '../auth/access.decorators';
import { CampaignEntity } from '@inspectorate/read-model';
import { InspectionAccess } from '../access/inspection-access';
import { AuditTrail } from '../audit/audit-trail';
import { AuthorityService } from '../authority/authority.service';
import { BoundedCache } from '../common/bounded-cache';
import { problems } from '../common/problem';
import { ConclusionDocument, renderConclusionPdf } from './conclusion-pdf';

/** Rendered conclusions kept, by content: at most 200 of them or 64 MB. */
const renderedConclusions = () => new BoundedCache<Buffer>(200, (pdf) => pdf.length, 64 * 1024 * 1024);

export interface RenderedConclusion {
  readonly pdf: Buffer;
  /** Served from the cache of earlier renderings. */
  readonly cached: boolean;
  readonly renderMs: number;
}

/** The approved conclusion of an inspection the caller may see, as a PDF; each download is in the audit log. */
@Injectable()
export class ConclusionPdfService {
  /** An approved conclusion hardly changes, and the same content renders the same bytes: render it once. */
  private readonly rendered = renderedConclusions();

  constructor(
    private readonly access: InspectionAccess,
    private readonly authority: AuthorityService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async render(id: string, user: AuthenticatedUser): Promise<RenderedConclusion> {
    const { state } = await this.access.require(id, user);
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
    return { pdf, cached: hit, renderMs: performance.now() - started };
  }
}
