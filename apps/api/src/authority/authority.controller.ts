import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles, StaffOnly } from '../auth/access.decorators';
import { ApiJsonBodyProblems, ApiProblem } from '../common/api-responses';
import { AuthorityView, UpdateAuthorityDto } from './authority.dto';
import { AuthorityService } from './authority.service';

@ApiTags('Authority')
@Controller('authority')
export class AuthorityController {
  constructor(private readonly authority: AuthorityService) {}

  @Get()
  @StaffOnly()
  @ApiOperation({ summary: 'The authority as its documents name it: name, inspection body, place line, chairman’s name and title.' })
  @ApiOkResponse({ type: AuthorityView })
  get(): Promise<AuthorityView> {
    return this.authority.get();
  }

  @Patch()
  @Roles('admin')
  @ApiOperation({ summary: 'Change any of the authority’s fields; the next document printed uses them (documents already downloaded keep theirs).' })
  @ApiOkResponse({ type: AuthorityView })
  @ApiProblem(400)
  @ApiJsonBodyProblems()
  update(@Body() dto: UpdateAuthorityDto, @CurrentUser() user: AuthenticatedUser): Promise<AuthorityView> {
    return this.authority.update(dto, user.userId);
  }
}
