import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '@inspectorate/config';
import { AccessModule } from '../access/access.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { AttachmentStorage } from './attachment-storage';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';

/**
 * Evidence files: uploaded once, stored by content hash under DATA_DIR, read by their uploader and
 * by whoever may see an inspection that cites them. One file per request, in the part `file`;
 * its size is limited by ATTACHMENT_MAX_BYTES while it streams (413 as soon as it passes).
 */
@Module({
  imports: [
    AccessModule,
    IdempotencyModule,
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        storage: new AttachmentStorage(config.DATA_DIR).engine(config.ATTACHMENT_MAX_BYTES),
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 10, fieldSize: 1024, fieldNameSize: 100, parts: 12, headerPairs: 20 },
      }),
    }),
  ],
  controllers: [AttachmentsController],
  providers: [AttachmentsService, { provide: AttachmentStorage, inject: [AppConfig], useFactory: (config: AppConfig) => new AttachmentStorage(config.DATA_DIR) }],
})
export class AttachmentsModule {}
