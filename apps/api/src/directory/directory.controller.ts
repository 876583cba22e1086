import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiJsonBodyProblems, ApiProblem, ApiProblems } from '../common/api-responses';
import { Roles } from '../auth/access.decorators';
import { Page } from '../common/pagination';
import { CreateUserDto, ListUsersQuery, UserPage, UserView } from './directory.dto';
import { DirectoryService } from './directory.service';

@ApiTags('Session and people')
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('users')
  @Roles('admin')
  @ApiOkResponse({ type: UserPage, description: 'Accounts by username.' })
  @ApiProblem(400)
  listUsers(@Query() query: ListUsersQuery): Promise<Page<UserView>> {
    return this.directory.listUsers(query);
  }

  @Post('users')
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ type: UserView })
  @ApiProblems(400, [409, 'The username is taken.'])
  @ApiJsonBodyProblems()
  createUser(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.directory.createUser(dto);
  }
}
