import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, StaffOnly } from '../auth/access.decorators';
import { ApiProblem } from '../common/api-responses';
import { Page } from '../common/pagination';
import { FindingSearchItem, FindingSearchPage, SearchFindingsQuery } from './finding-search.dto';
import { FindingSearch } from './finding-search';

@ApiTags('Inspections')
@Controller('findings')
export class FindingsController {
  constructor(private readonly findings: FindingSearch) {}

  @Get()
  @StaffOnly()
  @ApiOperation({
    summary: 'Search findings across inspections: words (accent-insensitive), criterion, severity, unit, year; newest first.',
    description: 'Only findings of inspections the caller may see (a planned one: its team and the chairman).',
  })
  @ApiOkResponse({ type: FindingSearchPage })
  @ApiProblem(400)
  search(@Query() query: SearchFindingsQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<FindingSearchItem>> {
    return this.findings.search(query, user);
  }
}
