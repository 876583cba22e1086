export * from './data-source';
export * from './idempotency-record.entity';
export * from './database.module';
export * from './database-role';
