import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TEMPLATE_KEY_PATTERN } from '@inspectorate/domain';
import { AnyRole, AuthenticatedUser, CurrentUser, Roles, StaffOnly } from '../auth/access.decorators';
import { ApiJsonBodyProblems, ApiProblems } from '../common/api-responses';
import { problems } from '../common/problem';
import { ChecklistTemplateList, ChecklistVersionView, CreateTemplateDto, PublishVersionDto } from './checklist.dto';
import { ChecklistsService } from './checklists.service';

/** `<template key>.<number>`: a path that is not one is a 400 naming the parameter, like a malformed id. */
const VERSION_NAME = /^[a-z0-9][a-z0-9-]{1,62}\.[1-9]\d{0,8}$/;

function malformed(field: string, message: string) {
  return problems.badRequest(`${field} ${message}.`, [{ field, message }]);
}

@ApiTags('Checklist templates')
@Controller()
export class ChecklistsController {
  constructor(private readonly checklists: ChecklistsService) {}

  @Get('checklist-templates')
  @StaffOnly()
  @ApiOperation({ summary: 'Every checklist template with its published versions, newest first; `newest` marks what a campaign gets by default.' })
  @ApiOkResponse({ type: ChecklistTemplateList })
  list(): Promise<ChecklistTemplateList> {
    return this.checklists.list();
  }

  @Post('checklist-templates')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Create a template with its first version (`<key>.1`), published at once.' })
  @ApiCreatedResponse({ type: ChecklistVersionView })
  @ApiProblems(400, [409, 'A template with this key already exists.'])
  @ApiJsonBodyProblems()
  create(@Body() dto: CreateTemplateDto, @CurrentUser() user: AuthenticatedUser): Promise<ChecklistVersionView> {
    return this.checklists.createTemplate(dto, user.userId);
  }

  @Post('checklist-templates/:key/versions')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Publish the next version of a template, whole. Published versions never change; campaigns keep the version they were created with.' })
  @ApiCreatedResponse({ type: ChecklistVersionView })
  @ApiProblems(400, [404, 'No such template.'], [409, 'Another version was published at the same moment.'])
  @ApiJsonBodyProblems()
  publish(@Param('key') key: string, @Body() dto: PublishVersionDto, @CurrentUser() user: AuthenticatedUser): Promise<ChecklistVersionView> {
    if (!TEMPLATE_KEY_PATTERN.test(key)) throw malformed('key', 'must be 2–63 small letters, digits or dashes');
    return this.checklists.publishVersion(key, dto, user.userId);
  }

  @Get('checklist-versions/:version')
  @AnyRole()
  @ApiOperation({
    summary: 'One published version with its criteria. Open to unit heads too: they read the names of the criteria their findings cite (a checklist is not secret).',
  })
  @ApiOkResponse({ type: ChecklistVersionView })
  @ApiProblems(400, [404, 'No such published version.'])
  version(@Param('version') version: string): Promise<ChecklistVersionView> {
    if (!VERSION_NAME.test(version)) throw malformed('version', 'must be a checklist version such as demo-2023.1');
    return this.checklists.version(version);
  }
}
