import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@inspectorate/config';
import { migrate } from '@inspectorate/database';
import { JsonLogger } from '@inspectorate/observability';
import { connectClient, tlsFilesOf } from '@inspectorate/temporal';
import { createHttpApp } from '../../apps/api/src/http-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { ApiClient } from './api-client';
import { seedPeople, TestPeople } from './people';
import { quietTemporalRuntime } from './temporal-runtime';

export interface TestStack {
  readonly config: AppConfig;
  readonly api: ApiClient;
  readonly db: DataSource;
  readonly temporal: Client;
  readonly people: TestPeople;
  readonly databaseUrl: string;
  /** Starts (or restarts) the in-process worker. */
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Run the Temporal worker in this process (default true). */
  readonly worker?: boolean;
  readonly env?: Record<string, string>;
  /** Seed the test people of people.ts (default true); off for tests that need an empty database. */
  readonly people?: boolean;
  /** Where the API's and worker's JSON log lines go (default stdout, at TEST_LOG_LEVEL or warn). */
  readonly logTo?: { write(line: string): void };
  /**
   * Servers of this test file's own instead of the run's shared ones, for tests that stop and
   * restart them: a Temporal frontend (the namespace must be registered) and a PostgreSQL server
   * (its admin URL; the file's database is created there and migrated).
   */
  readonly servers?: { readonly temporal?: { address: string; namespace: string }; readonly postgresAdminUrl?: string };
}

/**
 * A private copy of the product for one test file: its own database (cloned from the migrated
 * template), its own task queue on the shared Temporal server, the real API on a free port and
 * the real worker. Nothing is mocked.
 */
export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  const env = requireEnv();
  quietTemporalRuntime();
  const database = `inspectorate_t_${env.runId}_${randomBytes(4).toString('hex')}`;
  const adminUrl = options.servers?.postgresAdminUrl ?? env.adminUrl;
  const databaseUrl = withDatabase(adminUrl, database);
  if (options.servers?.postgresAdminUrl) {
    await adminQuery(adminUrl, `CREATE DATABASE ${database}`);
    await migrate(databaseUrl);
  } else {
    await adminQuery(adminUrl, `CREATE DATABASE ${database} TEMPLATE ${env.template}`);
  }

  const config = loadConfig({
    APP_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '5',
    TEMPORAL_ADDRESS: options.servers?.temporal?.address ?? env.temporalAddress,
    TEMPORAL_NAMESPACE: options.servers?.temporal?.namespace ?? env.namespace,
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
    WORKFLOW_BUNDLE_PATH: env.bundle,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    EXPENSIVE_READS_PER_MINUTE: '100000',
    DATA_DIR: `.run/test/data-${database}`,
    ...options.env,
  });
  const logger = new JsonLogger('test', config.LOG_LEVEL, options.logTo);

  let worker: INestApplicationContext | undefined;
  const startWorker = async () => {
    if (worker) return;
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger, abortOnError: false });
    await worker.init();
  };
  const stopWorker = async () => {
    await worker?.close();
    worker = undefined;
  };
  if (options.worker !== false) await startWorker();

  const app: INestApplication = await createHttpApp(config, logger);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const db = app.get<DataSource>(getDataSourceToken());
  const temporal = await connectClient({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, encryptionKeys: config.PAYLOAD_ENCRYPTION_KEYS, tls: tlsFilesOf(config) });
  const people = options.people === false ? (undefined as unknown as TestPeople) : await seedPeople(db);
  const api = new ApiClient(`http://127.0.0.1:${address.port}`, people);

  return {
    config,
    api,
    db,
    temporal,
    people,
    databaseUrl,
    startWorker,
    stopWorker,
    async stop() {
      await app.close();
      await stopWorker();
      await temporal.connection.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
      rmSync(config.DATA_DIR, { recursive: true, force: true });
    },
  };
}

function requireEnv() {
  const get = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run integration tests through Jest's int or e2e project (global setup).`);
    return value;
  };
  return {
    temporalAddress: get('TEST_TEMPORAL_ADDRESS'),
    namespace: get('TEST_TEMPORAL_NAMESPACE'),
    adminUrl: get('TEST_DATABASE_ADMIN_URL'),
    template: get('TEST_DATABASE_TEMPLATE'),
    bundle: get('TEST_WORKFLOW_BUNDLE'),
    runId: get('TEST_RUN_ID'),
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
