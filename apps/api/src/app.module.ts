import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AppConfig, ConfigModule } from '@inspectorate/config';
import { DatabaseModule } from '@inspectorate/database';
import { AccountabilityModule } from './accountability/accountability.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuthorityModule } from './authority/authority.module';
import { AuthModule } from './auth/auth.module';
import { ChecklistsModule } from './checklists/checklists.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { ConsoleModule } from './console/console.module';
import { ProblemFilter } from './common/problem.filter';
import { RequestBodyMiddleware } from './common/request-body.middleware';
import { RequestIdMiddleware } from './common/request-id.middleware';
import { createValidationPipe } from './common/validation.pipe';
import { DirectoryModule } from './directory/directory.module';
import { FindingsModule } from './findings/findings.module';
import { HealthModule } from './health/health.module';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { ImportsModule } from './imports/imports.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { InspectionsModule } from './inspections/inspections.module';
import { MyWorkModule } from './my-work/my-work.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ReportsModule } from './reports/reports.module';
import { SessionModule } from './session/session.module';
import { TemporalModule } from './temporal/temporal.module';
import { UnitsModule } from './units/units.module';

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        TemporalModule,
        IdempotencyModule,
        AuthModule,
        SessionModule,
        DirectoryModule,
        UnitsModule,
        ImportsModule,
        HealthModule,
        AuditModule,
        AuthorityModule,
        ChecklistsModule,
        CampaignsModule,
        InspectionsModule,
        FindingsModule,
        AccountabilityModule,
        NotificationsModule,
        MyWorkModule,
        ReportsModule,
        AttachmentsModule,
        ConsoleModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware, RequestBodyMiddleware).forRoutes('*path');
  }
}
