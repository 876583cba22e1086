import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({ imports: [AccessModule], controllers: [NotificationsController], providers: [NotificationsService] })
export class NotificationsModule {}
