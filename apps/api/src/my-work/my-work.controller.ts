import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, AuthenticatedUser, CurrentUser } from '../auth/access.decorators';
import { MyWorkService } from './my-work.service';
import { WorkPage } from './my-work.view';

@ApiTags('Session and people')
@Controller('me/work')
export class MyWorkController {
  constructor(private readonly work: MyWorkService) {}

  @Get()
  @AnyRole()
  @ApiOkResponse({ type: WorkPage, description: 'Everything waiting for the caller (Việc của tôi), most urgent first.' })
  list(@CurrentUser() user: AuthenticatedUser): Promise<WorkPage> {
    return this.work.workOf(user);
  }
}
