import { applyDecorators, Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, AuthenticatedUser, CurrentUser, Roles } from '../auth/access.decorators';
import { ApiCommandProblems, ApiProblem, ApiProblems } from '../common/api-responses';
import { newId } from '../common/deterministic-id';
import { PageQuery } from '../common/pagination';
import { UuidParam } from '../common/uuid-param.pipe';
import { CommandContext } from '../idempotency/command-options.decorator';
import { CommandOptions } from '../temporal/command-gateway';
import {
  AmendFindingDto,
  ApproveConclusionDto,
  CommentDto,
  DissentDto,
  EmptyDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  ListInspectionsQuery,
  ReasonDto,
  RecordFindingDto,
  ReportActionDto,
  ResolveDisputeDto,
  SubmitConclusionDto,
  SubmitResponseDto,
  VerifyActionDto,
  WindowDto,
} from './inspection.dto';
import { InspectionCommands } from './inspection-commands.service';
import { InspectionEventPage } from './inspection-events.view';
import { InspectionPage, InspectionView, InspectionWithCreatedFindingView } from './inspection.view';
import { InspectionQueries } from './inspections.queries';

const IDEMPOTENCY = { name: 'Idempotency-Key', required: false, description: 'The same key sent again returns the first result and changes nothing.' };
const ID = new UuidParam('id');
const FINDING_ID = new UuidParam('findingId');
const ACTION_ID = new UuidParam('actionId');

const NOT_FOUND = 'No such inspection (or finding, or action), or not visible to the caller.';
const LEAD = 'Or not the campaign’s own lead inspector.';
const UNIT_HEAD = 'Or not the head of the inspected unit.';

/**
 * A command to the inspection: the Idempotency-Key it accepts, its answer (by default the
 * inspection after the change, 200) and what it may be refused for (403 by the domain's finer
 * rule, added to the role's; 409 the state that does not allow it). Put it above @Roles, so the
 * role's 403 reads first.
 */
function InspectionCommand(refusals: { 403?: string; 409: string }, answer = ApiOkResponse({ type: InspectionView, description: 'The inspection after the change.' })) {
  return applyDecorators(ApiHeader(IDEMPOTENCY), answer, ApiCommandProblems({ 404: NOT_FOUND, ...refusals }));
}

/**
 * Every command answers with the inspection after the change (200), read from the projection,
 * which the command has already updated. 409 names the current status; 403 the missing right;
 * 404 also means "not visible to you" (a planned inspection, to its unit).
 */
@ApiTags('Inspections')
@Controller('inspections')
export class InspectionsController {
  constructor(
    private readonly queries: InspectionQueries,
    private readonly commands: InspectionCommands,
  ) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Inspections the caller may see (a unit head: their unit’s, once started).' })
  @ApiOkResponse({ type: InspectionPage })
  @ApiProblem(400)
  list(@Query() query: ListInspectionsQuery, @CurrentUser() user: AuthenticatedUser): Promise<InspectionPage> {
    return this.queries.list(query, user);
  }

  @Get(':id')
  @AnyRole()
  @ApiOkResponse({ type: InspectionView })
  @ApiProblems(400, [404, 'No such inspection, or not visible to the caller.'])
  get(@Param('id', ID) id: string, @CurrentUser() user: AuthenticatedUser): Promise<InspectionView> {
    return this.queries.get(id, user);
  }

  @Get(':id/events')
  @AnyRole()
  @ApiOperation({ summary: 'The inspection’s events, oldest first, as far as the caller may see them.' })
  @ApiOkResponse({ type: InspectionEventPage })
  @ApiProblems(400, [404, 'No such inspection, or not visible to the caller.'])
  events(@Param('id', ID) id: string, @Query() query: PageQuery, @CurrentUser() user: AuthenticatedUser): Promise<InspectionEventPage> {
    return this.queries.events(id, user, query);
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @InspectionCommand({ 403: LEAD, 409: 'Only while planned.' })
  @Roles('lead_inspector')
  reschedule(@Param('id', ID) id: string, @Body() dto: WindowDto, @CurrentUser() user: AuthenticatedUser, @CommandContext() o: CommandOptions) {
    return this.commands.run(id, { type: 'RescheduleVisit', windowStart: dto.windowStart, windowEnd: dto.windowEnd }, user, o);
  }

  @Post(':id/start')
  @HttpCode(200)
  @InspectionCommand({ 403: LEAD, 409: 'Not planned, or now is outside the visit window.' })
  @Roles('lead_inspector')
  start(@Param('id', ID) id: string, @Body() _: EmptyDto, @CurrentUser() user: AuthenticatedUser, @CommandContext() o: CommandOptions) {
    return this.commands.run(id, { type: 'StartVisit' }, user, o);
  }

  @Post(':id/findings')
  @HttpCode(201)
  @InspectionCommand(
    { 403: 'Or not a member of the inspection’s team.', 409: 'Only while the visit is in progress.' },
    ApiCreatedResponse({ type: InspectionWithCreatedFindingView, description: 'The inspection; `createdFindingId` names the new finding.' }),
  )
  @Roles('inspector', 'lead_inspector')
  async recordFinding(
    @Param('id', ID) id: string,
    @Body() dto: RecordFindingDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() o: CommandOptions,
  ): Promise<InspectionWithCreatedFindingView> {
    const findingId = newId('finding', user.userId, o.idempotencyKey, id);
    const evidence = await this.commands.evidence(dto.evidence, user);
    const view = await this.commands.run(
      id,
      { type: 'RecordFinding', findingId, criterionCode: dto.criterionCode, severity: dto.severity, description: dto.description, evidence, people: dto.people },
      user,
      o,
    );
    return { ...view, createdFindingId: findingId };
  }

  @Patch(':id/findings/:findingId')
  @InspectionCommand({ 403: 'Or not the finding’s author.', 409: 'Only while the visit is in progress, and the finding is not withdrawn.' })
  @Roles('inspector', 'lead_inspector')
  async amendFinding(
    @Param('id', ID) id: string,
    @Param('findingId', FINDING_ID) findingId: string,
    @Body() dto: AmendFindingDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() o: CommandOptions,
  ) {
    const evidence = await this.commands.evidence(dto.evidence, user);
    const changes = { criterionCode: dto.criterionCode, severity: dto.severity, description: dto.description, evidence, people: dto.people };
    return this.commands.run(id, { type: 'AmendFinding', findingId, changes }, user, o);
  }

  @Post(':id/findings/:findingId/withdraw')
  @HttpCode(200)
  @InspectionCommand({ 403: 'Or neither the finding’s author nor the lead inspector.', 409: 'Only while the visit is in progress, and the finding is not withdrawn.' })
  @Roles('inspector', 'lead_inspector')
  withdrawFinding(
    @Param('id', ID) id: string,
    @Param('findingId', FINDING_ID) findingId: string,
    @Body() dto: ReasonDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() o: CommandOptions,
  ) {
    return this.commands.run(id, { type: 'WithdrawFinding', findingId, reason: dto.reason }, user, o);
  }

  @Post(':id/end-visit')
  @HttpCode(200)
  @InspectionCommand({ 403: LEAD, 409: 'Only while the visit is in progress.' })
  @Roles('lead_inspector')
  endVisit(@Param('id', ID) id: string, @Body() _: EmptyDto, @CurrentUser() user: AuthenticatedUser, @CommandContext() o: CommandOptions) {
    return this.commands.run(id, { type: 'EndVisit' }, user, o);
  }

  @Post(':id/conclusion')
  @HttpCode(200)
  @InspectionCommand({ 403: LEAD, 409: 'Only while drafting.' })
  @Roles('lead_inspector')
  submitConclusion(@Param('id', ID) id: string, @Body() dto: SubmitConclusionDto, @CurrentUser() user: AuthenticatedUser, @CommandContext() o: CommandOptions) {
    return this.commands.run(id, { type: 'SubmitConclusion', summary: dto.summary, rating: dto.rating, actions: dto.actions }, user, o);
  }

  @Post(':id/conclusion/approve')
  @HttpCode(200)
  @InspectionCommand({ 409: 'Only while awaiting approval; or the conclusion changed since its contentHash was read.' })
  @Roles('chairman')
  approve(@Param('id', ID) id: string, @Body() dto: ApproveConclusionDto, @CurrentUser() user: AuthenticatedUser, @CommandContext() o: CommandOptions) {
    return this.commands.run(id, { type: 'ApproveConclusion', contentHash: dto.contentHash }, user, o);
  }

  @Post(':id/conclusion/return')
  @HttpCode(200)
  @InspectionCommand({ 409: 'Only while awaiting approval.' })
  @Roles('chairman')
  returnConclusion(@Param('id', ID) id: string, @Body() dto: CommentDto, @CurrentUser() user: AuthenticatedUser, @CommandContext() o: CommandOptions) {
    return this.commands.run(id, { type: 'ReturnConclusion', comment: dto.comment }, user, o);
  }

  @Post(':id/conclusion/dissent')
  @HttpCode(200)
  @InspectionCommand({ 403: 'Or not an inspector of the inspection’s team.', 409: 'Only while drafting or awaiting approval.' })
  @Roles('inspector')
  dissent(@Param('id', ID) id: string, @Body() dto: DissentDto, @CurrentUser() user: AuthenticatedUser, @CommandContext() o: CommandOptions) {
    return this.commands.run(id, { type: 'RecordDissent', text: dto.text }, user, o);
  }

  @Post(':id/response')
  @HttpCode(200)
  @InspectionCommand({ 403: UNIT_HEAD, 409: 'Only while awaiting the response.' })
  @Roles('unit_head')
  respond(@Param('id', ID) id: string, @Body() dto: SubmitResponseDto, @CurrentUser() user: AuthenticatedUser, @CommandContext() o: CommandOptions) {
    return this.commands.run(id, { type: 'SubmitResponse', items: dto.items }, user, o);
  }

  @Post(':id/extension-request')
  @HttpCode(200)
  @InspectionCommand({ 403: UNIT_HEAD, 409: 'Only while awaiting the response, and only once.' })
  @Roles('unit_head')
  requestExtension(@Param('id', ID) id: string, @Body() dto: ExtensionRequestDto, @CurrentUser() user: AuthenticatedUser, @CommandContext() o: CommandOptions) {
    return this.commands.run(id, { type: 'RequestExtension', reason: dto.reason, requestedDeadline: dto.requestedDeadline }, user, o);
  }

  @Post(':id/extension-request/decide')
  @HttpCode(200)
  @InspectionCommand({ 403: LEAD, 409: 'Only while awaiting the response, with a pending request.' })
  @Roles('lead_inspector')
  decideExtension(@Param('id', ID) id: string, @Body() dto: ExtensionDecisionDto, @CurrentUser() user: AuthenticatedUser, @CommandContext() o: CommandOptions) {
    return this.commands.run(id, { type: 'DecideExtension', decision: dto.decision, deadline: dto.deadline, note: dto.note }, user, o);
  }

  @Post(':id/disputes/:findingId/resolve')
  @HttpCode(200)
  @InspectionCommand({ 403: LEAD, 409: 'Only while remediating, for a finding with a pending dispute.' })
  @Roles('lead_inspector')
  resolveDispute(
    @Param('id', ID) id: string,
    @Param('findingId', FINDING_ID) findingId: string,
    @Body() dto: ResolveDisputeDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() o: CommandOptions,
  ) {
    return this.commands.run(id, { type: 'ResolveDispute', findingId, decision: dto.decision, note: dto.note }, user, o);
  }

  @Post(':id/actions/:actionId/report')
  @HttpCode(200)
  @InspectionCommand({ 403: UNIT_HEAD, 409: 'Only while remediating, for an open or rejected action.' })
  @Roles('unit_head')
  async reportAction(
    @Param('id', ID) id: string,
    @Param('actionId', ACTION_ID) actionId: string,
    @Body() dto: ReportActionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() o: CommandOptions,
  ) {
    const evidence = await this.commands.evidence(dto.evidence, user);
    return this.commands.run(id, { type: 'ReportAction', actionId, note: dto.note, evidence }, user, o);
  }

  @Post(':id/actions/:actionId/verify')
  @HttpCode(200)
  @InspectionCommand({ 403: LEAD, 409: 'Only while remediating, for a reported action.' })
  @Roles('lead_inspector')
  verifyAction(
    @Param('id', ID) id: string,
    @Param('actionId', ACTION_ID) actionId: string,
    @Body() dto: VerifyActionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() o: CommandOptions,
  ) {
    return this.commands.run(id, { type: 'VerifyAction', actionId, decision: dto.decision, note: dto.note, newDueDate: dto.newDueDate }, user, o);
  }

  @Post(':id/follow-up')
  @HttpCode(201)
  @InspectionCommand(
    { 403: LEAD, 409: 'Only while remediating or closed, and not in a cancelled campaign.' },
    ApiCreatedResponse({ type: InspectionView, description: 'The new follow-up inspection, planned and linked to this one.' }),
  )
  @Roles('lead_inspector')
  followUp(@Param('id', ID) id: string, @Body() dto: WindowDto, @CurrentUser() user: AuthenticatedUser, @CommandContext() o: CommandOptions) {
    return this.commands.scheduleFollowUp(id, { windowStart: dto.windowStart, windowEnd: dto.windowEnd }, user, o);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @InspectionCommand({ 403: 'Or a lead inspector other than the campaign’s own.', 409: 'Already closed or cancelled.' })
  @Roles('lead_inspector', 'chairman')
  cancel(@Param('id', ID) id: string, @Body() dto: ReasonDto, @CurrentUser() user: AuthenticatedUser, @CommandContext() o: CommandOptions) {
    return this.commands.run(id, { type: 'CancelInspection', reason: dto.reason }, user, o);
  }
}
