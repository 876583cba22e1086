import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numeric } from './transformers';

/** A reminder, escalation or request derived from an event, addressed to a user, a role or a unit's head. */
@Entity({ name: 'notifications' })
@Index('notifications_user_idx', ['recipientUserId', 'createdAt'])
@Index('notifications_role_unit_idx', ['recipientRole', 'recipientUnitId', 'createdAt'])
export class NotificationEntity {
  /** `<event id>:<n>`: derived from the event, so a rebuild produces the same ids. */
  @PrimaryColumn('text') id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'event_position', type: 'bigint', transformer: numeric }) eventPosition!: number;
  @Column({ name: 'inspection_id', type: 'uuid' }) inspectionId!: string;
  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true }) recipientUserId!: string | null;
  @Column({ name: 'recipient_role', type: 'text', nullable: true }) recipientRole!: string | null;
  @Column({ name: 'recipient_unit_id', type: 'uuid', nullable: true }) recipientUnitId!: string | null;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) topic!: string;
  @Column({ type: 'text' }) message!: string;
  @Column({ name: 'message_vi', type: 'text' }) messageVi!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Who has read what. Not a projection of events (reading is not a domain fact), so a rebuild keeps it. */
@Entity({ name: 'notification_reads' })
export class NotificationReadEntity {
  @PrimaryColumn({ name: 'notification_id', type: 'text' }) notificationId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'read_at', type: 'timestamptz' }) readAt!: Date;
}
