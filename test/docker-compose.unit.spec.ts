import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { AppConfig } from '@inspectorate/config';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const temporalServer = require('../scripts/lib/temporal-server.js') as typeof import('../scripts/lib/temporal-server');

/**
 * docker-compose.yml cannot run on machines without a Docker engine; this keeps it in step with
 * what does run here: the same server release, dynamic config, and only variables the app reads.
 * (`docker compose config` also parses it; see the README.)
 */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(path.resolve(__dirname, '..', 'docker-compose.yml'), 'utf8'), { merge: true });

  it('has PostgreSQL, Temporal with its schema set up, the Temporal UI, migrations, the API and the worker', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'temporal-schema', 'temporal', 'temporal-ui', 'migrate', 'api', 'worker']));
  });

  it('runs the Temporal release the scripts build from tools/temporal-server/go.mod', () => {
    const version = temporalServer.TEMPORAL_SERVER_VERSION.replace(/^v/, '');
    expect(compose.services.temporal.image).toBe(`temporalio/server:\${TEMPORAL_VERSION:-${version}}`);
    expect(compose.services['temporal-schema'].image).toContain(`:-${version}}`);
  });

  it('gives the Temporal server the same dynamic config as the scripts', () => {
    expect(parse(compose.configs['temporal-dynamic-config'].content)).toEqual(parse(temporalServer.renderDynamicConfig()));
  });

  it('sets only variables the app reads', () => {
    const known = new Set(Object.keys(new AppConfig()));
    for (const service of ['api', 'worker', 'migrate']) {
      for (const name of Object.keys(compose.services[service].environment)) expect([service, name, known.has(name)]).toEqual([service, name, true]);
    }
  });

  it('runs the API and the worker as a login role of inspectorate_app, the migrations as the owner', () => {
    const userOf = (service: string) => new URL(compose.services[service].environment.DATABASE_URL.replace(/\$\{[^}]*\}/g, 'x')).username;
    expect(userOf('migrate')).toBe('postgres');
    expect([userOf('api'), userOf('worker')]).toEqual(['inspectorate', 'inspectorate']);
    expect(compose.configs['postgres-app-role'].content).toMatch(/CREATE ROLE inspectorate LOGIN PASSWORD .* IN ROLE inspectorate_app;/);
    expect(compose.services.api.environment.HOST).toBe('0.0.0.0');
  });
});
