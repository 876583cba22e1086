import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { UserActor } from '@inspectorate/domain';
import { NotificationEntity, NotificationReadEntity } from '@inspectorate/read-model';
import { InspectionAccess } from '../access/inspection-access';
import { decodeCursor, invalidCursor, Page, pageLimit, toPage } from '../common/pagination';
import { problems } from '../common/problem';
import { ListNotificationsQuery, NotificationView } from './notifications.dto';

/**
 * The caller's notifications, from the projection: addressed to them by name, by role, or as head
 * of their unit, and only about inspections they may see (InspectionAccess). The domain sends a
 * unit nothing before its visit started, so that hides nothing today, and keeps it so.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: InspectionAccess,
  ) {}

  async list(query: ListNotificationsQuery, user: UserActor): Promise<Page<NotificationView>> {
    const limit = pageLimit(query);
    const after = await this.positionAfter(query.cursor, user);
    const q = this.addressedTo(user)
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

  /** Marks one notification addressed to the caller read; marking it again changes nothing. */
  async markRead(id: string, user: UserActor): Promise<void> {
    if (!/^[0-9a-f-]{36}:\d{1,3}$/.test(id)) throw problems.notFound('The notification');
    const found = await this.addressedTo(user).andWhere('n.id = :id', { id }).getOne();
    if (!found) throw problems.notFound('The notification');
    await this.db
      .getRepository(NotificationReadEntity)
      .createQueryBuilder()
      .insert()
      .values({ notificationId: id, userId: user.userId, readAt: new Date() })
      .orIgnore()
      .execute();
  }

  /**
   * Where the page after a cursor starts. The cursor names only the last notification the caller
   * was shown; its place in the (global) event log is looked up here, so the cursor reveals
   * nothing of how many events the district has recorded.
   */
  private async positionAfter(cursor: string | undefined, user: UserActor): Promise<{ position: number; id: string } | undefined> {
    const after = decodeCursor(cursor, ['notificationId']);
    if (!after) return undefined;
    const [id] = after;
    const last = await this.addressedTo(user).andWhere('n.id = :id', { id }).getOne();
    if (!last) throw invalidCursor();
    return { position: last.eventPosition, id };
  }

  private addressedTo(user: UserActor): SelectQueryBuilder<NotificationEntity> {
    const visible = this.access.existsVisible(user, 'n.inspection_id');
    return this.db
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where(
        new Brackets((w) => {
          w.where('n.recipient_user_id = :me', { me: user.userId });
          if (user.role === 'unit_head')
            w.orWhere("n.recipient_role = 'unit_head' AND n.recipient_unit_id = :myUnit", { myUnit: user.unitId });
          else w.orWhere('n.recipient_role = :myRole AND n.recipient_unit_id IS NULL', { myRole: user.role });
        }),
      )
      .andWhere(visible.sql, visible.params);
  }
}
