/* eslint-disable @typescript-eslint/no-require-imports */
import { Connection, TLSConfig } from '@temporalio/client';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Scenario } from '../harness/scenario';
import { startStack, TestStack } from '../harness/stack';

const temporalServer = require('../../scripts/lib/temporal/index.js') as typeof import('../../scripts/lib/temporal/index.js');

/**
 * The production shape talks to Temporal over mutual TLS. This file starts a Temporal server of
 * its own whose frontend requires a client certificate signed by a CA the test generates
 * (openssl), and checks that nobody without such a certificate gets in, while the API and the
 * worker, configured with TEMPORAL_TLS_*, work as usual.
 */
describe('mutual TLS between the app and Temporal', () => {
  const namespace = 'inspectorate-mtls';
  const dir = path.resolve(__dirname, '..', '..', '.run', 'test', `mtls-${process.pid}-${randomUUID().slice(0, 8)}`);
  let certs: ReturnType<typeof makeCertificates>;
  let temporal: { address: string; stop: () => Promise<void> };
  let stack: TestStack | undefined;

  beforeAll(async () => {
    certs = makeCertificates(path.join(dir, 'certs'));
    temporal = await temporalServer.startTemporal({
      mode: 'memory',
      dataDir: path.join(dir, 'temporal'),
      namespace,
      log: () => undefined,
      tls: { certFile: certs.serverCert, keyFile: certs.serverKey, caFile: certs.ca, clientCertFile: certs.serverCert, clientKeyFile: certs.serverKey, serverName: 'localhost' },
    });
  }, 90_000);
  afterAll(async () => {
    await stack?.stop();
    await temporal?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const reach = async (tls: TLSConfig | undefined) => {
    const connection = await Connection.connect({ address: temporal.address, connectTimeout: '3 seconds', interceptors: [], tls });
    try {
      await connection.withDeadline(Date.now() + 3_000, () => connection.workflowService.getSystemInfo({}));
    } finally {
      await connection.close();
    }
  };

  it('refuses a plaintext client, a client without a certificate and one whose certificate another CA signed', async () => {
    await expect(reach(undefined)).rejects.toThrow();
    await expect(reach({ serverNameOverride: 'localhost', serverRootCACertificate: readFileSync(certs.ca) })).rejects.toThrow();
    await expect(
      reach({ serverNameOverride: 'localhost', serverRootCACertificate: readFileSync(certs.ca), clientCertPair: { crt: readFileSync(certs.rogueCert), key: readFileSync(certs.rogueKey) } }),
    ).rejects.toThrow();
    // The app's certificate gets in.
    await expect(reach({ serverNameOverride: 'localhost', serverRootCACertificate: readFileSync(certs.ca), clientCertPair: { crt: readFileSync(certs.appCert), key: readFileSync(certs.appKey) } })).resolves.toBeUndefined();
  });

  it('runs the API and the worker over mutual TLS, configured by TEMPORAL_TLS_*', async () => {
    stack = await startStack({
      servers: { temporal: { address: temporal.address, namespace } },
      env: { TEMPORAL_TLS_CERT_FILE: certs.appCert, TEMPORAL_TLS_KEY_FILE: certs.appKey, TEMPORAL_TLS_CA_FILE: certs.ca, TEMPORAL_TLS_SERVER_NAME: 'localhost' },
    });
    const scenario = new Scenario(stack);
    const { inspectionId } = await scenario.plannedInspection();
    const started = await scenario.start(inspectionId);
    expect(started.status).toBe('in_progress');
    const health = await request(stack.api.baseUrl).get('/api/v1/health');
    expect(health.status).toBe(200);
    expect(health.body.checks.temporal.status).toBe('up');
  });
});

/** A CA, the server's certificate (localhost), the app's client certificate, and a client certificate of another CA. */
function makeCertificates(dir: string) {
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const ca = (name: string) => openssl('req', '-x509', ...ec, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=${name}`);
  const leaf = (name: string, signer: string, extensions: string) => {
    writeFileSync(file(`${name}.ext`), `basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n${extensions}\n`);
    openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${signer}.pem`, '-CAkey', `${signer}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
  };
  ca('test-ca');
  ca('rogue-ca');
  leaf('temporal-frontend', 'test-ca', 'extendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1');
  leaf('inspectorate-app', 'test-ca', 'extendedKeyUsage=clientAuth,serverAuth\nsubjectAltName=DNS:inspectorate-app');
  leaf('intruder', 'rogue-ca', 'extendedKeyUsage=clientAuth\nsubjectAltName=DNS:intruder');
  for (const key of ['temporal-frontend.key', 'inspectorate-app.key']) chmodSync(file(key), 0o600);
  return {
    ca: file('test-ca.pem'),
    serverCert: file('temporal-frontend.pem'),
    serverKey: file('temporal-frontend.key'),
    appCert: file('inspectorate-app.pem'),
    appKey: file('inspectorate-app.key'),
    rogueCert: file('intruder.pem'),
    rogueKey: file('intruder.key'),
  };
}
