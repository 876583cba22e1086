/* eslint-disable @typescript-eslint/no-require-imports */
import { INestApplication } from '@nestjs/common';
import path from 'node:path';
import request from 'supertest';
import { loadConfig } from '@inspectorate/config';
import { migrate } from '@inspectorate/database';
import { JsonLogger } from '@inspectorate/observability';
import { createHttpApp } from '../../apps/api/src/http-app';
import { RUN_DIR } from '../harness/global-setup';

const postgres = require('../../scripts/lib/postgres/index.js') as typeof import('../../scripts/lib/postgres/index.js');
const temporalServer = require('../../scripts/lib/temporal/index.js') as typeof import('../../scripts/lib/temporal/index.js');

/**
 * /health with its dependencies really going away: this test owns a PostgreSQL (embedded) and a
 * Temporal server of its own, and stops each while the API keeps running.
 */
describe('GET /health when a dependency goes down', () => {
  const dir = path.join(RUN_DIR, `health-${process.pid}`);
  let pg: Awaited<ReturnType<typeof postgres.startEmbeddedPostgres>>;
  let temporal: Awaited<ReturnType<typeof temporalServer.startTemporal>>;
  let app: INestApplication;

  beforeAll(async () => {
    [pg, temporal] = await Promise.all([
      postgres.startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await temporalServer.findFreePort() }),
      temporalServer.startTemporal({ mode: 'memory', dataDir: path.join(dir, 'temporal'), namespace: 'health' }),
    ]);
    await postgres.createDatabase(postgres.withDatabase(pg.url, 'postgres'), 'inspectorate_health');
    const databaseUrl = postgres.withDatabase(pg.url, 'inspectorate_health');
    await migrate(databaseUrl);
    const config = loadConfig({ APP_ENV: 'test', DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: 'health', LOG_LEVEL: 'silent' });
    app = await createHttpApp(config, new JsonLogger('test', 'silent'));
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await pg?.stop();
    await temporal?.stop();
  });

  const health = () => request(app.getHttpServer()).get('/api/v1/health');

  it('answers 200 with both checks up, then 503 naming the database once PostgreSQL stops, then the same for Temporal', async () => {
    const up = await health();
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: 'ok', checks: { database: { status: 'up' }, temporal: { status: 'up' } } });

    await pg.stop();
    const databaseDown = await health();
    expect(databaseDown.status).toBe(503);
    expect(databaseDown.body).toMatchObject({ status: 'unavailable', checks: { database: { status: 'down' }, temporal: { status: 'up' } } });
    expect(JSON.stringify(databaseDown.body)).not.toMatch(/\n\s+at /);

    await temporal.stop();
    const bothDown = await health();
    expect(bothDown.status).toBe(503);
    expect(bothDown.body.checks).toMatchObject({ database: { status: 'down' }, temporal: { status: 'down' } });
    expect(bothDown.body.checks.temporal.latencyMs).toBeLessThan(5_000);

    // The public answer says only that a dependency is down and how (no address, port, version
    // or driver message of ours); the error itself is in the server's log.
    for (const body of [databaseDown.body, bothDown.body]) {
      for (const check of Object.values(body.checks as Record<string, { status: string; error?: string }>).filter((c) => c.status === 'down')) {
        expect(['timeout', 'unreachable']).toContain(check.error);
      }
      const text = JSON.stringify(body);
      for (const internal of [new URL(pg.url).port, temporal.address, 'ECONNREFUSED', '127.0.0.1']) expect({ internal, found: text.includes(internal) }).toEqual({ internal, found: false });
    }
  });
});
