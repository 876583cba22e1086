import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional } from 'class-validator';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { NotificationEntity, NotificationReadEntity } from '@inspectorate/read-model';
import { AnyRole, AuthenticatedUser, CurrentUser } from '../auth/access.decorators';
import { ApiJsonBodyProblems, ApiProblem, ApiProblems } from '../common/api-responses';
import { decodeCursor, invalidCursor, Page, PageQuery, pageLimit, toPage } from '../common/pagination';
import { problems } from '../common/problem';
import { EmptyDto } from '../inspections/inspection.dto';

class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) unread?: 'true' | 'false';
}

export class NotificationView {
  @ApiProperty({ example: '7d0c8a52-3f0e-4f4e-9a55-6f1d2b0c9e11:0', description: 'The id of the event that sent it and a number (`<event id>:<n>`).' }) id!: string;
  @ApiProperty({ format: 'uuid' }) inspectionId!: string;
  @ApiProperty({ enum: ['reminder', 'escalation', 'request', 'information'] }) kind!: string;
  @ApiProperty({ example: 'response.reminder', description: 'A stable code clients can switch on.' }) topic!: string;
  @ApiProperty({ description: 'In English.' }) message!: string;
  @ApiProperty({ description: 'In Vietnamese.' }) messageVi!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Whether the caller marked it read.' }) read!: boolean;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationView], description: 'Newest first.' }) items!: NotificationView[];
  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page; null on the last.' }) nextCursor!: string | null;
}

/** The answer of marking a notification read: an empty object. */
export class MarkedReadView {}

/** Reminders, escalations and requests addressed to the caller: by name, by role, or as head of their unit. */
@ApiTags('Session and people')
@Controller('me/notifications')
export class NotificationsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @AnyRole()
  @ApiOkResponse({ type: NotificationPage, description: 'Addressed to the caller by name, by role, or (a unit head) to the head of their unit.' })
  @ApiProblem(400)
  async list(@Query() query: ListNotificationsQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<NotificationView>> {
    const limit = pageLimit(query);
    const after = await this.positionAfter(query.cursor, user);
    const q = addressedTo(this.db.getRepository(NotificationEntity).createQueryBuilder('n'), user)
      .leftJoinAndMapOne('n.read', NotificationReadEntity, 'r', 'r.notification_id = n.id AND r.user_id = :me', { me: user.userId })
      .orderBy('n.event_position', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit + 1);
    if (query.unread === 'true') q.andWhere('r.notification_id IS NULL');
    if (after) q.andWhere('(n.event_position, n.id) < (:position, :id)', after);
    const rows = (await q.getMany()) as (NotificationEntity & { read?: NotificationReadEntity })[];
    return toPage(
      rows,
      limit,
      (n) => [n.id],
      (n) => ({
        id: n.id,
        inspectionId: n.inspectionId,
        kind: n.kind,
        topic: n.topic,
        message: n.message,
        messageVi: n.messageVi,
        createdAt: n.createdAt.toISOString(),
        read: Boolean(n.read),
      }),
    );
  }

  /**
   * Where the page after a cursor starts. The cursor names only the last notification the caller
   * was shown; its place in the (global) event log is looked up here, so the cursor reveals
   * nothing of how many events the district has recorded.
   */
  private async positionAfter(cursor: string | undefined, user: AuthenticatedUser): Promise<{ position: number; id: string } | undefined> {
    const after = decodeCursor(cursor, ['notificationId']);
    if (!after) return undefined;
    const [id] = after;
    const last = await addressedTo(this.db.getRepository(NotificationEntity).createQueryBuilder('n'), user).andWhere('n.id = :id', { id }).getOne();
    if (!last) throw invalidCursor();
    return { position: last.eventPosition, id };
  }

  @Post(':id/read')
  @HttpCode(200)
  @AnyRole()
  @ApiOkResponse({ type: MarkedReadView, description: '`{}`; marking it again changes nothing.' })
  @ApiProblems(400, [404, 'No such notification, or not addressed to the caller.'])
  @ApiJsonBodyProblems()
  async markRead(@Param('id') id: string, @Body() _: EmptyDto, @CurrentUser() user: AuthenticatedUser): Promise<MarkedReadView> {
    if (!/^[0-9a-f-]{36}:\d{1,3}$/.test(id)) throw problems.notFound('The notification');
    const found = await addressedTo(this.db.getRepository(NotificationEntity).createQueryBuilder('n'), user).andWhere('n.id = :id', { id }).getOne();
    if (!found) throw problems.notFound('The notification');
    await this.db.getRepository(NotificationReadEntity).createQueryBuilder().insert().values({ notificationId: id, userId: user.userId, readAt: new Date() }).orIgnore().execute();
    return {};
  }
}

function addressedTo(q: SelectQueryBuilder<NotificationEntity>, user: AuthenticatedUser): SelectQueryBuilder<NotificationEntity> {
  return q.where(
    new Brackets((w) => {
      w.where('n.recipient_user_id = :me', { me: user.userId });
      if (user.role === 'unit_head') w.orWhere("n.recipient_role = 'unit_head' AND n.recipient_unit_id = :myUnit", { myUnit: user.unitId });
      else w.orWhere('n.recipient_role = :myRole AND n.recipient_unit_id IS NULL', { myRole: user.role });
    }),
  );
}
