import { Global, Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditController } from './audit.controller';
import { AuditLogController } from './audit-log.controller';
import { AuditLogQueries } from './audit-log.queries';
import { AuditTrail } from './audit-trail';
import { ChainVerificationService } from './chain-verification.service';

/**
 * Operations on the event log's integrity (GET /audit/verify) and the audit log of who did what
 * (GET /audit/log). Global, because the trail is recorded where things happen: in nearly every module.
 */
@Global()
@Module({
  imports: [AccessModule],
  controllers: [AuditController, AuditLogController],
  providers: [AuditTrail, AuditLogQueries, ChainVerificationService],
  exports: [AuditTrail],
})
export class AuditModule {}
