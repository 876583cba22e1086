import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import {
  CampaignCommand,
  CampaignStatus,
  canSeeVisitWindow,
  decideCampaign,
  completionOf,
  isRejection,
  UserActor,
  validatePolicy,
  visibilityFactsOf,
  visibleOf,
} from '@inspectorate/domain';
import { CampaignEntity, CampaignProgressEntity, InspectionEntity } from '@inspectorate/read-model';
import { InspectionAccess } from '../access/inspection-access';
import { AuthenticatedUser } from '../auth/access.decorators';
import { newId } from '../common/deterministic-id';
import { decodeCursor, Page, pageLimit, toPage } from '../common/pagination';
import { problems } from '../common/problem';
import { ChecklistsService } from '../checklists/checklists.service';
import { DirectoryService } from '../directory/directory.service';
import { UnitsService } from '../units/units.service';
import { CommandGateway, CommandOptions } from '../temporal/command-gateway';
import { CampaignView, CreateCampaignDto, ListCampaignsQuery, TargetDto } from './campaign.dto';

@Injectable()
export class CampaignsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: InspectionAccess,
    private readonly gateway: CommandGateway,
    private readonly directory: DirectoryService,
    private readonly units: UnitsService,
    private readonly checklists: ChecklistsService,
  ) {}

  async create(dto: CreateCampaignDto, user: AuthenticatedUser, options: CommandOptions): Promise<CampaignView> {
    const policyErrors = validatePolicy(dto.policy);
    if (policyErrors.length > 0) throw problems.badRequest('The campaign policy is not valid.', policyErrors);
    const referenceErrors = await this.directory.checkCampaignReferences({
      leadInspectorId: dto.leadInspectorId,
      inspectorIds: dto.inspectorIds,
      unitIds: dto.targets.map((t, i) => ({ field: `targets.${i}.unitId`, unitId: t.unitId })),
    });
    if (referenceErrors.length > 0) throw problems.badRequest('The campaign names people or units that do not fit.', referenceErrors);
    await this.units.refuseInactive(dto.targets.map((t, i) => ({ field: `targets.${i}.unitId`, unitId: t.unitId })));
    // The version is resolved here, once: its codes travel in the campaign's events, so the
    // workflows check findings against them without reading the database (deterministic).
    const checklist = await this.checklists.forCampaign(dto.checklistVersion);

    const campaignId = newId('campaign', user.userId, options.idempotencyKey);
    const command: Extract<CampaignCommand, { type: 'CreateCampaign' }> = {
      type: 'CreateCampaign',
      campaignId,
      title: dto.title,
      year: dto.year,
      legalBasis: dto.legalBasis,
      leadInspectorId: dto.leadInspectorId,
      inspectorIds: dto.inspectorIds,
      targets: dto.targets.map((t, index) => ({ ...target(t), inspectionId: newId('inspection', user.userId, options.idempotencyKey, String(index)) })),
      policy: dto.policy,
      checklistVersion: checklist.version,
      criterionCodes: checklist.criteria.map((c) => c.code),
    };
    // The same pure check the workflow runs, so a bad campaign never starts a workflow.
    const precheck = decideCampaign(undefined, command, user, { now: new Date(), newId: randomUUID });
    if (isRejection(precheck) && precheck.code === 'invalid') throw problems.badRequest(precheck.reason, [...(precheck.errors ?? [])]);
    await this.gateway.createCampaign(command, user, options);
    return this.get(campaignId, user);
  }

  async addTarget(campaignId: string, dto: TargetDto, user: AuthenticatedUser, options: CommandOptions): Promise<CampaignView> {
    await this.row(campaignId);
    const unitErrors = await this.directory.checkUnits([{ field: 'unitId', unitId: dto.unitId }]);
    if (unitErrors.length > 0) throw problems.badRequest('The unit does not exist.', unitErrors);
    await this.units.refuseInactive([{ field: 'unitId', unitId: dto.unitId }]);
    const inspectionId = newId('target', user.userId, options.idempotencyKey, campaignId);
    await this.gateway.campaign(campaignId, { type: 'AddTarget', inspectionId, ...target(dto) }, user, options);
    return this.get(campaignId, user);
  }

  async get(id: string, user: UserActor): Promise<CampaignView> {
    const [view] = await this.views([await this.row(id)], user);
    return view;
  }

  async list(query: ListCampaignsQuery, user: UserActor): Promise<Page<CampaignView>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const q = this.db.getRepository(CampaignEntity).createQueryBuilder('c').orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC').limit(limit + 1);
    if (query.year) q.andWhere('c.year = :year', { year: query.year });
    if (query.status) statusAsSeenBy(q, this.access, user, query.status);
    if (after) q.andWhere('(c.created_at, c.id) < (:key, :id)', { key: after[0], id: after[1] });
    const rows = await q.getMany();
    const page = toPage(rows, limit, (c) => [c.createdAt.toISOString(), c.id], (c) => c);
    return { items: await this.views(page.items, user), nextCursor: page.nextCursor };
  }

  private async row(id: string): Promise<CampaignEntity> {
    const campaign = await this.db.getRepository(CampaignEntity).findOne({ where: { id } });
    if (!campaign) throw problems.notFound('The campaign');
    return campaign;
  }

  /**
   * Targets and progress come from the inspections themselves, filtered by what the caller may
   * know: outside the team and the chairman, a planned (or never visited) inspection does not exist.
   */
  private async views(campaigns: CampaignEntity[], user: UserActor): Promise<CampaignView[]> {
    if (campaigns.length === 0) return [];
    const ids = campaigns.map((c) => c.id);
    const inspections = await this.db.getRepository(InspectionEntity).find({
      where: { campaignId: In(ids) },
      order: { plannedAt: 'ASC' },
    });
    const progressRows = await this.db.getRepository(CampaignProgressEntity).find({ where: { campaignId: In(ids) } });
    return campaigns.map((campaign) => {
      const own = inspections.filter((i) => i.campaignId === campaign.id);
      const facts = (i: InspectionEntity) => visibilityFactsOf(i.state);
      const { visible, all: seesAll } = visibleOf(user, own, facts);
      const stored = progressRows.find((p) => p.campaignId === campaign.id);
      const progress = seesAll && stored ? { planned: stored.planned, inProgress: stored.inProgress, closed: stored.closed, cancelled: stored.cancelled, total: stored.total } : countProgress(visible);
      // The stored status would say "active" while a hidden target is still planned (completion.ts).
      // A cancellation is the campaign's own fact and betrays no target: everyone sees it.
      const cancelled = campaign.status === 'cancelled';
      const { status, completedAt } = seesAll || cancelled ? { status: campaign.status, completedAt: campaign.completedAt ?? undefined } : completionOf(visible);
      return {
        id: campaign.id,
        title: campaign.title,
        year: campaign.year,
        legalBasis: campaign.legalBasis,
        status,
        leadInspectorId: campaign.leadInspectorId,
        inspectorIds: campaign.inspectorIds,
        checklistVersion: campaign.state.checklistVersion,
        targets: visible.map((i) => ({
          inspectionId: i.id,
          unitId: i.unitId,
          status: i.status,
          ...(canSeeVisitWindow(user, facts(i)) ? { windowStart: i.state.window.windowStart, windowEnd: i.state.window.windowEnd } : {}),
          ...(i.followUpOf ? { followUpOf: i.followUpOf } : {}),
          ...(i.state.cancellation?.cause === 'target_removed' ? { removed: true } : {}),
        })),
        progress,
        policy: campaign.state.policy,
        createdAt: campaign.createdAt.toISOString(),
        ...(completedAt ? { completedAt: completedAt.toISOString() } : {}),
        ...(cancelled && campaign.state.cancellation ? { cancellation: { reason: campaign.state.cancellation.reason, at: campaign.state.cancellation.at } } : {}),
      };
    });
  }
}

function target(dto: TargetDto) {
  return { unitId: dto.unitId, windowStart: dto.windowStart, windowEnd: dto.windowEnd };
}

/**
 * Filters by the status the caller sees (see `completionOf` of the domain): the stored status where they see
 * every inspection of the campaign, the one derived from those they see otherwise. The
 * visibility rule is InspectionAccess's, the one every inspection query uses. The second branch is
 * `isComplete` of the domain in SQL (some seen, none of them open), so that the filter pages in
 * the database; hardening-campaign-status.e2e checks that it lists what the views show.
 */
function statusAsSeenBy(q: SelectQueryBuilder<CampaignEntity>, access: InspectionAccess, user: UserActor, status: CampaignStatus): void {
  // Cancelled is no derived status: everyone who may see the campaign sees it cancelled.
  if (access.seesEverything(user) || status === 'cancelled') {
    q.andWhere('c.status = :status', { status });
    return;
  }
  const count = (alias: string, onlyVisible: boolean, onlyOpen = false) => {
    const sub = q.subQuery().select('count(*)').from(InspectionEntity, alias).where(`${alias}.campaign_id = c.id`);
    if (onlyVisible) access.restrict(sub, user, alias);
    if (onlyOpen) sub.andWhere(`${alias}.status NOT IN ('closed', 'cancelled')`);
    q.setParameters(sub.getParameters());
    return sub.getQuery();
  };
  const derived = `CASE
      WHEN c.status = 'cancelled' THEN c.status
      WHEN ${count('every_i', false)} = ${count('seen_i', true)} THEN c.status
      WHEN ${count('seen_any', true)} > 0 AND ${count('seen_open', true, true)} = 0 THEN 'completed'
      ELSE 'active' END`;
  q.andWhere(`(${derived}) = :status`, { status });
}

function countProgress(inspections: InspectionEntity[]) {
  const count = (test: (s: string) => boolean) => inspections.filter((i) => test(i.status)).length;
  return {
    planned: count((s) => s === 'planned'),
    inProgress: count((s) => !['planned', 'closed', 'cancelled'].includes(s)),
    closed: count((s) => s === 'closed'),
    cancelled: count((s) => s === 'cancelled'),
    total: inspections.length,
  };
}
