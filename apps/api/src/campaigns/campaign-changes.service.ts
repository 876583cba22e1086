import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { CampaignCommand, isTerminal } from '@inspectorate/domain';
import { CampaignEntity, InspectionEntity } from '@inspectorate/read-model';
import { AuthenticatedUser } from '../auth/access.decorators';
import { problems } from '../common/problem';
import { DirectoryService } from '../directory/directory.service';
import { CommandGateway, CommandOptions } from '../temporal/command-gateway';
import { CampaignReasonDto, ChangeCampaignDetailsDto, ChangeCampaignTeamDto } from './campaign-changes.dto';
import { CampaignView } from './campaign.dto';
import { CampaignsService } from './campaigns.service';

/** How long a change waits for its inspections to follow before answering (they follow regardless). */
const FOLLOW_DEADLINE_MS = 10_000;
const POLL_MS = 50;

/**
 * Changes to a campaign. The campaign decides each (who may, in which state) and its workflow
 * tells the inspections concerned, which apply it in their own streams a moment later; the answer
 * waits for them, so it reads as every command does: the change already visible everywhere.
 */
@Injectable()
export class CampaignChangesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gateway: CommandGateway,
    private readonly directory: DirectoryService,
    private readonly campaigns: CampaignsService,
  ) {}

  async changeDetails(campaignId: string, dto: ChangeCampaignDetailsDto, user: AuthenticatedUser, options: CommandOptions): Promise<CampaignView> {
    await this.send(campaignId, { type: 'ChangeCampaignDetails', title: dto.title, legalBasis: dto.legalBasis }, user, options);
    return this.campaigns.get(campaignId, user);
  }

  async changeTeam(campaignId: string, dto: ChangeCampaignTeamDto, user: AuthenticatedUser, options: CommandOptions): Promise<CampaignView> {
    await this.exists(campaignId);
    const errors = await this.directory.checkCampaignReferences({ leadInspectorId: dto.leadInspectorId, inspectorIds: dto.inspectorIds, unitIds: [] });
    if (errors.length > 0) throw problems.badRequest('The team names people who do not fit.', errors);
    await this.send(campaignId, { type: 'ChangeCampaignTeam', leadInspectorId: dto.leadInspectorId, inspectorIds: dto.inspectorIds }, user, options);
    const team = { leadInspectorId: dto.leadInspectorId, inspectorIds: dto.inspectorIds.join() };
    await this.inspectionsFollow(campaignId, (i) => isTerminal(i.status) || (i.state.team.leadInspectorId === team.leadInspectorId && i.state.team.inspectorIds.join() === team.inspectorIds));
    return this.campaigns.get(campaignId, user);
  }

  async removeTarget(campaignId: string, inspectionId: string, dto: CampaignReasonDto, user: AuthenticatedUser, options: CommandOptions): Promise<CampaignView> {
    await this.send(campaignId, { type: 'RemoveTarget', inspectionId, reason: dto.reason }, user, options);
    await this.inspectionsFollow(campaignId, (i) => i.id !== inspectionId || isTerminal(i.status));
    return this.campaigns.get(campaignId, user);
  }

  async cancel(campaignId: string, dto: CampaignReasonDto, user: AuthenticatedUser, options: CommandOptions): Promise<CampaignView> {
    await this.send(campaignId, { type: 'CancelCampaign', reason: dto.reason }, user, options);
    await this.inspectionsFollow(campaignId, (i) => isTerminal(i.status));
    return this.campaigns.get(campaignId, user);
  }

  private async send(campaignId: string, command: CampaignCommand, user: AuthenticatedUser, options: CommandOptions): Promise<void> {
    await this.exists(campaignId);
    await this.gateway.campaign(campaignId, command, user, options);
  }

  private async exists(campaignId: string): Promise<void> {
    if (!(await this.db.getRepository(CampaignEntity).exists({ where: { id: campaignId } }))) throw problems.notFound('The campaign');
  }

  /** Waits (bounded) until every inspection of the campaign satisfies `followed`. */
  private async inspectionsFollow(campaignId: string, followed: (i: InspectionEntity) => boolean): Promise<void> {
    const deadline = Date.now() + FOLLOW_DEADLINE_MS;
    for (;;) {
      const inspections = await this.db.getRepository(InspectionEntity).find({ where: { campaignId }, select: { id: true, status: true, state: true } });
      if (inspections.every(followed) || Date.now() > deadline) return;
      await sleep(POLL_MS);
    }
  }
}
