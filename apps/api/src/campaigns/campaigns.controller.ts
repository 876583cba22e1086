import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiCommandProblems, ApiJsonBodyProblems, ApiProblem, ApiProblems } from '../common/api-responses';
import { AuthenticatedUser, CurrentUser, Roles, StaffOnly } from '../auth/access.decorators';
import { Page } from '../common/pagination';
import { UuidParam } from '../common/uuid-param.pipe';
import { CommandContext } from '../idempotency/command-options.decorator';
import { CommandOptions } from '../temporal/command-gateway';
import { CampaignPage, CampaignView, CreateCampaignDto, ListCampaignsQuery, TargetDto } from './campaign.dto';
import { CampaignsService } from './campaigns.service';

const IDEMPOTENCY = { name: 'Idempotency-Key', required: false, description: 'The same key sent again returns the first result and changes nothing.' };

@ApiTags('Campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post()
  @HttpCode(201)
  @Roles('lead_inspector')
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({ type: CampaignView, description: 'The campaign, with one planned inspection per target.' })
  @ApiProblems([400, 'Invalid input, an invalid policy, or people or units that do not fit (`errors` names each).'], 422, 503)
  @ApiJsonBodyProblems()
  create(@Body() dto: CreateCampaignDto, @CurrentUser() user: AuthenticatedUser, @CommandContext() options: CommandOptions): Promise<CampaignView> {
    return this.campaigns.create(dto, user, options);
  }

  @Get()
  @StaffOnly()
  @ApiOkResponse({ type: CampaignPage, description: 'Newest first.' })
  @ApiProblem(400)
  list(@Query() query: ListCampaignsQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<CampaignView>> {
    return this.campaigns.list(query, user);
  }

  @Get(':id')
  @StaffOnly()
  @ApiOkResponse({ type: CampaignView })
  @ApiProblems(400, [404, 'No such campaign.'])
  get(@Param('id', new UuidParam()) id: string, @CurrentUser() user: AuthenticatedUser): Promise<CampaignView> {
    return this.campaigns.get(id, user);
  }

  @Post(':id/targets')
  @HttpCode(200)
  @Roles('lead_inspector')
  @ApiHeader(IDEMPOTENCY)
  @ApiOkResponse({ type: CampaignView, description: 'The campaign, with the new target’s planned inspection.' })
  @ApiCommandProblems({ 404: 'No such campaign.', 409: 'The campaign is completed, or the unit already has an open inspection in it.' })
  addTarget(
    @Param('id', new UuidParam()) id: string,
    @Body() dto: TargetDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() options: CommandOptions,
  ): Promise<CampaignView> {
    return this.campaigns.addTarget(id, dto, user, options);
  }
}
