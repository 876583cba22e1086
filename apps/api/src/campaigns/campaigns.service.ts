import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  CampaignCommand,
  CampaignStatus,
  canSeeVisitWindow,
  decideCampaign,
  completionOf,
  isRejection,
  progressOf,
  UserActor,
  validatePolicy,
  visibilityFactsOf,
  visibleOf,
} from '@inspectorate/domain';
import { CampaignEntity, InspectionEntity } from '@inspectorate/read-model';
import { InspectionAccess } from '../access/inspection-access';
import { AuthenticatedUser } from '../auth/access.decorators';
import { newId } from '../common/deterministic-id';
import { decodeCursor, Page, pageLimit, toPage } from '../common/pagination';
import { problems } from '../common/problem';
import { ChecklistsService } from '../checklists/checklists.service';
import { DirectoryService } from '../directory/directory.service';
import { UnitsService } from '../units/units.service';
import { CommandGateway, CommandOptions } from '../temporal/command-gateway';
import { CampaignView, CreateCampaignDto, ListCampaignsQuery, TargetDto, toPolicyView } from './campaign.dto';

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
    const { year, status } = query;
    // The stored status (the projector's, by the domain's rule) is the one these callers see: the
    // chairman sees every inspection, and a cancellation is the campaign's own fact, the same to
    // everyone (see `views`). So the filter stays in SQL.
    if (!status || status === 'cancelled' || this.access.seesEverything(user)) {
      const rows = await this.scan({ year, status }, after, limit + 1);
      const page = toPage(rows, limit, (c) => [c.createdAt.toISOString(), c.id], (c) => c);
      return { items: await this.views(page.items, user), nextCursor: page.nextCursor };
    }
    return this.listByStatusAsSeen(year, status, after, limit, user);
  }

  /**
   * A list filtered by a status the caller derives: outside the team and the chairman, whether a
   * campaign is active or completed depends on which of its inspections they may see (a planned
   * one does not exist for them), and the rule is the domain's `completionOf`, applied in `views`.
   * Rather than a second copy of that rule in SQL, the candidates (all but the cancelled ones) are
   * scanned in key order, batch after batch, and each is kept if its view has the status asked
   * for, until the page and one more are found or the rows run out: page sizes and `nextCursor`
   * (the last returned item's key) are those of a filter in SQL. The cost is the rows scanned: at
   * most the campaigns not cancelled (of the year asked for) after the cursor, with their
   * inspections; campaigns per authority and year are tens.
   */
  private async listByStatusAsSeen(year: number | undefined, status: CampaignStatus, after: readonly string[] | undefined, limit: number, user: UserActor): Promise<Page<CampaignView>> {
    const matches: CampaignView[] = [];
    let from = after;
    for (;;) {
      const rows = await this.scan({ year, notCancelled: true }, from, limit + 1);
      matches.push(...(await this.views(rows, user)).filter((view) => view.status === status));
      if (matches.length > limit || rows.length <= limit) break;
      const last = rows[rows.length - 1];
      from = [last.createdAt.toISOString(), last.id];
    }
    return toPage(matches, limit, (view) => [view.createdAt, view.id], (view) => view);
  }

  /** Campaigns newest first (created_at DESC, id DESC), after the key `after`, at most `take` of them. */
  private scan(filter: { year?: number; status?: CampaignStatus; notCancelled?: boolean }, after: readonly string[] | undefined, take: number): Promise<CampaignEntity[]> {
    const q = this.db.getRepository(CampaignEntity).createQueryBuilder('c').orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC').limit(take);
    if (filter.year) q.andWhere('c.year = :year', { year: filter.year });
    if (filter.status) q.andWhere('c.status = :status', { status: filter.status });
    if (filter.notCancelled) q.andWhere(`c.status <> 'cancelled'`);
    if (after) q.andWhere('(c.created_at, c.id) < (:key, :id)', { key: after[0], id: after[1] });
    return q.getMany();
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
    // Targets planned together share plannedAt: the id orders them the same way in every answer
    // (without it, the order of ties followed the query plan, so a list and a single campaign could differ).
    const inspections = await this.db.getRepository(InspectionEntity).find({
      where: { campaignId: In(ids) },
      order: { plannedAt: 'ASC', id: 'ASC' },
    });
    return campaigns.map((campaign) => {
      const own = inspections.filter((i) => i.campaignId === campaign.id);
      const facts = (i: InspectionEntity) => visibilityFactsOf(i.state);
      const { visible, all: seesAll } = visibleOf(user, own, facts);
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
        progress: progressOf(visible.map((i) => i.status)),
        policy: toPolicyView(campaign.state.policy),
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
