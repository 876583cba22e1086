import { DataSource, DataSourceOptions } from 'typeorm';
import { AttachmentEntity } from '@inspectorate/attachments/attachment.entity';
import { AuthorityEntity, SessionEntity, UnitEntity, UserEntity } from '@inspectorate/directory';
import { ChainCheckpointEntity, EventRecordEntity } from '@inspectorate/event-store';
import { READ_MODEL_ENTITIES } from '@inspectorate/read-model';
import { IdempotencyRecordEntity } from './idempotency-record.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-InitialSchema';
import { ChainGuards1764100000000 } from './migrations/1764100000000-ChainGuards';
import { AuthorityAsData1764900000000 } from './migrations/1764900000000-AuthorityAsData';
import { UnitActivation1764900000001 } from './migrations/1764900000001-UnitActivation';
import { FindingSearchText1764900000002 } from './migrations/1764900000002-FindingSearchText';
import { AccountsAndSessions1796158800000 } from './migrations/1796158800000-AccountsAndSessions';
import { IdempotencyClaims1796162400000 } from './migrations/1796162400000-IdempotencyClaims';
import { AppRoleGrants1796170000000 } from './migrations/1796170000000-AppRoleGrants';
import { AuditLog1796180000000 } from './migrations/1796180000000-AuditLog';
import { ChecklistTemplates1796190000000 } from './migrations/1796190000000-ChecklistTemplates';
import { WorkingCalendar1796200000000 } from './migrations/1796200000000-WorkingCalendar';
import { DropUnitScorecards1796220000000 } from './migrations/1796220000000-DropUnitScorecards';
import { DropCampaignProgress1796230000000 } from './migrations/1796230000000-DropCampaignProgress';

export const ALL_ENTITIES = [EventRecordEntity, ChainCheckpointEntity, ...READ_MODEL_ENTITIES, UnitEntity, UserEntity, SessionEntity, AuthorityEntity, AttachmentEntity, IdempotencyRecordEntity];

/** Migrations in order. Each is reviewed SQL; `synchronize` is never used. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  ChainGuards1764100000000,
  AuthorityAsData1764900000000,
  UnitActivation1764900000001,
  FindingSearchText1764900000002,
  AccountsAndSessions1796158800000,
  IdempotencyClaims1796162400000,
  AppRoleGrants1796170000000,
  AuditLog1796180000000,
  ChecklistTemplates1796190000000,
  WorkingCalendar1796200000000,
  DropUnitScorecards1796220000000,
  DropCampaignProgress1796230000000,
];

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ALL_ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, application_name: 'inspectorate' },
  };
}

export function createDataSource(url: string, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize));
}

/** Applies pending migrations, one at a time in a transaction each; safe to run at every start. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = createDataSource(url, 2);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
