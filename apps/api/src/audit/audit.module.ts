import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** Operations on the event log's integrity: GET /audit/verify. */
@Module({ controllers: [AuditController] })
export class AuditModule {}
