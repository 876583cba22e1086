/* eslint-disable @typescript-eslint/no-require-imports */
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '@inspectorate/database';

const postgres = require('../../scripts/lib/postgres/index.js') as typeof import('../../scripts/lib/postgres/index.js');

export interface TestDatabase {
  /** Its own migrated database, cloned from the run's template. */
  readonly url: string;
  readonly name: string;
  /** A TypeORM connection pool on it (entities of the whole product). */
  readonly dataSource: DataSource;
  /** Another pool on the same database: separate connections, for real races. */
  connect(poolSize?: number): Promise<DataSource>;
  /** One SQL statement on a fresh connection of the database's owner (triggers can be disabled). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/**
 * A private, migrated database for an integration test file, without the API or the worker:
 * a clone of the template that the shared global setup migrated. Needs the int or e2e project.
 */
export async function createTestDatabase(poolSize = 5): Promise<TestDatabase> {
  const adminUrl = requireEnv('TEST_DATABASE_ADMIN_URL');
  const template = requireEnv('TEST_DATABASE_TEMPLATE');
  const name = `inspectorate_t_${requireEnv('TEST_RUN_ID')}_${randomBytes(4).toString('hex')}`;
  await postgres.createDatabase(adminUrl, name, { template });
  const url = postgres.withDatabase(adminUrl, name);
  const pools: DataSource[] = [];
  const connect = async (size = poolSize) => {
    const dataSource = createDataSource(url, size);
    await dataSource.initialize();
    pools.push(dataSource);
    return dataSource;
  };
  const dataSource = await connect();
  return {
    url,
    name,
    dataSource,
    connect,
    async sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
      const client = new PgClient({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(text, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async drop() {
      for (const pool of pools) if (pool.isInitialized) await pool.destroy();
      await postgres.dropDatabase(adminUrl, name);
    },
  };
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through Jest's int or e2e project (global setup).`);
  return value;
}
