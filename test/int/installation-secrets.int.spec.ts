import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { sign } from 'jsonwebtoken';
import { INSECURE_DEFAULTS } from '@inspectorate/config';
import { INSTALLATION_SECRETS_FILE } from '@inspectorate/config/installation-secrets';
import { createTestDatabase, TestDatabase } from '../harness/database';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * A development installation as `make up` starts it (the real API process, APP_ENV=development,
 * no secrets in the environment): the secrets published in the source sign nothing it accepts,
 * and it cannot be reached from another machine.
 */
describe('a development API without configured secrets', () => {
  let db: TestDatabase;
  let dataDir: string;
  let api: ChildProcess;
  let port: number;

  // A real chairman with an open session: a token naming it is refused only for its signature.
  const CHAIRMAN = '00000000-0000-4000-8000-000000000001';
  const SESSION = '00000000-0000-4000-8000-0000000000a1';

  beforeAll(async () => {
    db = await createTestDatabase(2);
    await db.sql(`INSERT INTO users (id, username, display_name, role, password_hash) VALUES ($1, 'chutich', 'Chủ tịch', 'chairman', 'not-a-hash')`, [CHAIRMAN]);
    await db.sql(
      `INSERT INTO sessions (id, user_id, refresh_token_hash, created_at, last_used_at, expires_at) VALUES ($1, $2, 'unused', now(), now(), now() + interval '1 day')`,
      [SESSION, CHAIRMAN],
    );
    dataDir = mkdtempSync(path.join(tmpdir(), 'inspectorate-install-'));
    api = spawn(process.execPath, ['-r', './scripts/ts-register.js', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        APP_ENV: 'development',
        DATABASE_URL: db.url,
        DATABASE_POOL_SIZE: '2',
        TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS,
        TEMPORAL_NAMESPACE: process.env.TEST_TEMPORAL_NAMESPACE,
        DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    port = await new Promise<number>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /"msg":"api listening","host":"[^"]*","port":(\d+)/.exec(output);
        if (match) resolve(Number(match[1]));
      };
      api.stdout!.on('data', onData);
      api.stderr!.on('data', onData);
      api.once('exit', (code) => reject(new Error(`the API exited (${code}) before listening:\n${output}`)));
    });
  }, 60_000);

  afterAll(async () => {
    if (api && api.exitCode === null) {
      const exited = new Promise((resolve) => api.once('exit', resolve));
      api.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const chairmanToken = (secret: string) =>
    sign({ sub: CHAIRMAN, sid: SESSION, role: 'chairman', username: 'chutich' }, secret, {
      algorithm: 'HS256',
      issuer: 'inspectorate',
      audience: 'inspectorate-api',
      expiresIn: 600,
    });
  const auditWith = (token: string) => fetch(`http://127.0.0.1:${port}/api/v1/audit/verify`, { headers: { authorization: `Bearer ${token}` } });

  it('refuses a chairman token signed with the secret published in the source', async () => {
    const response = await auditWith(chairmanToken(INSECURE_DEFAULTS.jwtSecret));
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('signs with the secret it generated for this installation, kept in DATA_DIR', async () => {
    const generated = JSON.parse(readFileSync(path.join(dataDir, INSTALLATION_SECRETS_FILE), 'utf8')) as { JWT_SECRET: string };
    expect((await auditWith(chairmanToken(generated.JWT_SECRET))).status).toBe(200);
  });

  it('listens on loopback only', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status).toBe(200);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    expect(external).toBeDefined(); // this machine has another interface to try
    await expect(fetch(`http://${external!.address}:${port}/api/v1/health`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
  });
});
