import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { AppConfig } from '@inspectorate/config';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const temporalServer = require('../scripts/lib/temporal/index.js') as typeof import('../scripts/lib/temporal/index.js');

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

/** The mutual-TLS layer (docker-compose.mtls.yml) over the base file: the production shape. */
describe('docker-compose.mtls.yml', () => {
  const base = parse(readFileSync(path.resolve(__dirname, '..', 'docker-compose.yml'), 'utf8'), { merge: true });
  const mtls = parse(readFileSync(path.resolve(__dirname, '..', 'docker-compose.mtls.yml'), 'utf8'), { merge: true });

  it('layers over services of the base file only', () => {
    for (const service of Object.keys(mtls.services)) expect([service, service in base.services]).toEqual([service, true]);
  });

  it('gives the API and the worker a client certificate, its key, the CA and the server name, from the mounted /tls', () => {
    const known = new Set(Object.keys(new AppConfig()));
    for (const service of ['api', 'worker']) {
      const env = mtls.services[service].environment;
      expect(Object.keys(env).sort()).toEqual(['TEMPORAL_TLS_CA_FILE', 'TEMPORAL_TLS_CERT_FILE', 'TEMPORAL_TLS_KEY_FILE', 'TEMPORAL_TLS_SERVER_NAME']);
      for (const name of Object.keys(env)) expect([service, name, known.has(name)]).toEqual([service, name, true]);
      expect(mtls.services[service].volumes).toEqual(expect.arrayContaining([expect.stringMatching(/:\/tls:ro$/)]));
      // The base file's data volume is kept (a list of volumes replaces, it does not merge).
      expect(mtls.services[service].volumes).toEqual(expect.arrayContaining(base.services[service].volumes));
    }
  });

  it('makes the Temporal frontend require client certificates', () => {
    expect(mtls.services.temporal.environment.TEMPORAL_TLS_REQUIRE_CLIENT_AUTH).toBe('true');
    expect(mtls.services.temporal.environment.TEMPORAL_TLS_CLIENT1_CA_CERT).toBe('/tls/ca.pem');
  });
});
