/* eslint-disable @typescript-eslint/no-require-imports */
import './register-paths';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrate } from '@inspectorate/database';
import { bundleWorkflows } from '@inspectorate/temporal/workflow-bundle';

const temporalServer = require('../../scripts/lib/temporal-server.js') as typeof import('../../scripts/lib/temporal-server');
const postgres = require('../../scripts/lib/postgres.js') as typeof import('../../scripts/lib/postgres');

export const RUN_DIR = path.resolve(__dirname, '..', '..', '.run', 'test');

interface SharedStack {
  refs: number;
  stop: () => Promise<void>;
}

declare global {
  var __inspectorateTestStack: SharedStack | undefined;
}

/**
 * Once per test run (the int, workflow and e2e projects share it): a real Temporal server on in-memory
 * SQLite, a real PostgreSQL with a migrated template database that each test file clones, and the
 * workflow bundle built once. Everything is handed to the test files through environment variables.
 */
export default async function globalSetup(): Promise<void> {
  if (globalThis.__inspectorateTestStack) {
    globalThis.__inspectorateTestStack.refs += 1;
    return;
  }
  const started = Date.now();
  const log = (message: string) => process.stderr.write(`[test stack] ${message}\n`);
  mkdirSync(RUN_DIR, { recursive: true });

  const namespace = 'inspectorate-test';
  const [temporal, pg, bundle] = await Promise.all([
    temporalServer.startTemporal({ mode: 'memory', dataDir: path.join(RUN_DIR, 'temporal'), namespace, log }),
    postgres.ensurePostgres({ url: process.env.TEST_DATABASE_URL ?? postgres.DEFAULT_DATABASE_URL, dataDir: path.join(RUN_DIR, 'pg'), createDatabase: false, log }),
    bundleWorkflows(),
  ]);
  const adminUrl = postgres.withDatabase(pg.url, 'postgres');
  const bundlePath = path.join(RUN_DIR, `workflow-bundle-${process.pid}.js`);
  writeFileSync(bundlePath, bundle.code);

  await dropLeftoverTestDatabases(adminUrl);
  const template = `inspectorate_test_tpl_${process.pid}`;
  await postgres.dropDatabase(adminUrl, template);
  await postgres.createDatabase(adminUrl, template);
  await migrate(postgres.withDatabase(adminUrl, template));

  process.env.TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.TEST_TEMPORAL_NAMESPACE = namespace;
  process.env.TEST_DATABASE_ADMIN_URL = adminUrl;
  process.env.TEST_DATABASE_TEMPLATE = template;
  process.env.TEST_WORKFLOW_BUNDLE = bundlePath;
  process.env.TEST_RUN_ID = String(process.pid);
  log(`ready in ${Date.now() - started} ms (temporal ${temporal.address} via ${temporal.via}, postgres ${pg.embedded ? 'embedded' : 'local'})`);

  globalThis.__inspectorateTestStack = {
    refs: 1,
    stop: async () => {
      await postgres.dropDatabase(adminUrl, template).catch(() => undefined);
      await dropLeftoverTestDatabases(adminUrl);
      await temporal.stop();
      await pg.stop();
      writeFileSync(bundlePath, '');
    },
  };
}

/**
 * Test files drop their own databases and the teardown the template; this catches what a crashed
 * or killed run left: databases of this run, and those of runs whose process is gone.
 */
async function dropLeftoverTestDatabases(adminUrl: string): Promise<void> {
  const { Client } = require('pg') as typeof import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname ~ '^inspectorate_(t|test_tpl)_[0-9]+'");
    for (const { datname } of rows) {
      const pid = Number(/^inspectorate_(?:t|test_tpl)_(\d+)/.exec(datname)![1]);
      if (pid === process.pid || !isAlive(pid)) await postgres.dropDatabase(adminUrl, datname).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
