import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditTrail } from './audit-trail';

/**
 * Operations on the event log's integrity (GET /audit/verify) and the audit log of who did what.
 * Global, because the trail is recorded where things happen: in nearly every module.
 */
@Global()
@Module({ controllers: [AuditController], providers: [AuditTrail], exports: [AuditTrail] })
export class AuditModule {}
