import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../common/pagination';

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) unread?: 'true' | 'false';
}

export class NotificationView {
  @ApiProperty({
    example: '7d0c8a52-3f0e-4f4e-9a55-6f1d2b0c9e11:0',
    description: 'The id of the event that sent it and a number (`<event id>:<n>`).',
  })
  id!: string;
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
