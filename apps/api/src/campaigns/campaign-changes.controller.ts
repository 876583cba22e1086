import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiCommandProblems } from '../common/api-responses';
import { AuthenticatedUser, CurrentUser, Roles } from '../auth/access.decorators';
import { UuidParam } from '../common/uuid-param.pipe';
import { CommandContext } from '../idempotency/command-options.decorator';
import { CommandOptions } from '../temporal/command-gateway';
import { CampaignView } from './campaign.dto';
import { CampaignReasonDto, ChangeCampaignDetailsDto, ChangeCampaignTeamDto } from './campaign-changes.dto';
import { CampaignChangesService } from './campaign-changes.service';

const IDEMPOTENCY = { name: 'Idempotency-Key', required: false, description: 'The same key sent again returns the first result and changes nothing.' };

/** Changes to a campaign, each recorded as an event of its stream; the inspections follow. */
@ApiTags('Campaigns')
@Controller('campaigns')
export class CampaignChangesController {
  constructor(private readonly changes: CampaignChangesService) {}

  @Patch(':id')
  @Roles('lead_inspector')
  @ApiHeader(IDEMPOTENCY)
  @ApiOkResponse({ type: CampaignView, description: 'The campaign with its new title and legal basis (`CampaignDetailsChanged`; nothing is recorded when nothing changes).' })
  @ApiCommandProblems({ 403: "Only the campaign's lead inspector.", 404: 'No such campaign.', 409: 'The campaign is cancelled.' })
  changeDetails(
    @Param('id', new UuidParam()) id: string,
    @Body() dto: ChangeCampaignDetailsDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() options: CommandOptions,
  ): Promise<CampaignView> {
    return this.changes.changeDetails(id, dto, user, options);
  }

  @Post(':id/team')
  @HttpCode(200)
  @Roles('lead_inspector', 'chairman')
  @ApiHeader(IDEMPOTENCY)
  @ApiOkResponse({ type: CampaignView, description: 'The campaign with its new team (`CampaignTeamChanged`); every open inspection follows it (`InspectionTeamChanged`).' })
  @ApiCommandProblems({ 403: "Only the campaign's lead inspector or the chairman.", 404: 'No such campaign.', 409: 'The campaign is cancelled.' })
  changeTeam(
    @Param('id', new UuidParam()) id: string,
    @Body() dto: ChangeCampaignTeamDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() options: CommandOptions,
  ): Promise<CampaignView> {
    return this.changes.changeTeam(id, dto, user, options);
  }

  @Post(':id/targets/:inspectionId/remove')
  @HttpCode(200)
  @Roles('lead_inspector')
  @ApiHeader(IDEMPOTENCY)
  @ApiOkResponse({
    type: CampaignView,
    description: 'The campaign without the target (`CampaignTargetRemoved`; its planned inspection is cancelled, and stays unknown to the unit).',
  })
  @ApiCommandProblems({ 403: "Only the campaign's lead inspector.", 404: 'No such campaign.', 409: 'The campaign is cancelled, the inspection is not its target, or its visit has started.' })
  removeTarget(
    @Param('id', new UuidParam()) id: string,
    @Param('inspectionId', new UuidParam()) inspectionId: string,
    @Body() dto: CampaignReasonDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() options: CommandOptions,
  ): Promise<CampaignView> {
    return this.changes.removeTarget(id, inspectionId, dto, user, options);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('lead_inspector', 'chairman')
  @ApiHeader(IDEMPOTENCY)
  @ApiOkResponse({ type: CampaignView, description: 'The cancelled campaign (`CampaignCancelled`); every open inspection is cancelled with the reason.' })
  @ApiCommandProblems({ 403: "Only the campaign's lead inspector or the chairman.", 404: 'No such campaign.', 409: 'The campaign is already cancelled or completed.' })
  cancel(
    @Param('id', new UuidParam()) id: string,
    @Body() dto: CampaignReasonDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() options: CommandOptions,
  ): Promise<CampaignView> {
    return this.changes.cancel(id, dto, user, options);
  }
}
