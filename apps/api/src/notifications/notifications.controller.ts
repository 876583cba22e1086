import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, AuthenticatedUser, CurrentUser } from '../auth/access.decorators';
import { ApiJsonBodyProblems, ApiProblem, ApiProblems } from '../common/api-responses';
import { Page } from '../common/pagination';
import { EmptyDto } from '../inspections/inspection.dto';
import { ListNotificationsQuery, MarkedReadView, NotificationPage, NotificationView } from './notifications.dto';
import { NotificationsService } from './notifications.service';

/** Reminders, escalations and requests addressed to the caller: by name, by role, or as head of their unit. */
@ApiTags('Session and people')
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @AnyRole()
  @ApiOkResponse({
    type: NotificationPage,
    description: 'Addressed to the caller by name, by role, or (a unit head) to the head of their unit.',
  })
  @ApiProblem(400)
  async list(@Query() query: ListNotificationsQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<NotificationView>> {
    return this.notifications.list(query, user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @AnyRole()
  @ApiOkResponse({ type: MarkedReadView, description: '`{}`; marking it again changes nothing.' })
  @ApiProblems(400, [404, 'No such notification, or not addressed to the caller.'])
  @ApiJsonBodyProblems()
  async markRead(@Param('id') id: string, @Body() _: EmptyDto, @CurrentUser() user: AuthenticatedUser): Promise<MarkedReadView> {
    await this.notifications.markRead(id, user);
    return {};
  }
}
