import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, INSECURE_DEFAULTS, loadConfig } from './config';
import { INSTALLATION_SECRETS_FILE } from './installation-secrets';

const strongSecret = () => randomBytes(32).toString('hex');
const strongKey = () => `prod-1:${randomBytes(32).toString('base64')}`;
/** Production's Temporal connection, settled one way (these cases are about something else). */
const plaintextTemporal = { TEMPORAL_PLAINTEXT_ALLOWED: 'true' };

/** A data folder of its own for each test, so none writes into the developer's .run/data. */
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'inspectorate-config-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: dataDir, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration: production refuses what is fine on a laptop', () => {
  it.each([
    ['the default JWT secret', { PAYLOAD_ENCRYPTION_KEYS: strongKey(), CHAIN_CHECKPOINT_KEY: strongSecret() }, 'JWT_SECRET'],
    ['the default JWT secret, given explicitly', { JWT_SECRET: INSECURE_DEFAULTS.jwtSecret, PAYLOAD_ENCRYPTION_KEYS: strongKey(), CHAIN_CHECKPOINT_KEY: strongSecret() }, 'JWT_SECRET'],
    ['the default payload key', { JWT_SECRET: strongSecret(), CHAIN_CHECKPOINT_KEY: strongSecret() }, 'PAYLOAD_ENCRYPTION_KEYS'],
    [
      'the default payload key kept for decryption after a new one',
      { JWT_SECRET: strongSecret(), PAYLOAD_ENCRYPTION_KEYS: `${strongKey()},${INSECURE_DEFAULTS.payloadKey}`, CHAIN_CHECKPOINT_KEY: strongSecret() },
      'PAYLOAD_ENCRYPTION_KEYS',
    ],
    ['the default checkpoint key', { JWT_SECRET: strongSecret(), PAYLOAD_ENCRYPTION_KEYS: strongKey() }, 'CHAIN_CHECKPOINT_KEY'],
    ['demo seeding', { JWT_SECRET: strongSecret(), PAYLOAD_ENCRYPTION_KEYS: strongKey(), CHAIN_CHECKPOINT_KEY: strongSecret(), SEED_DEMO: 'true' }, 'SEED_DEMO'],
  ])('refuses %s, with a ConfigError naming the variable', (_what, env, variable) => {
    expect(() => loadConfig({ APP_ENV: 'production', DATA_DIR: dataDir, ...plaintextTemporal, ...env })).toThrow(ConfigError);
    const problems = problemsOf({ APP_ENV: 'production', ...plaintextTemporal, ...env });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${variable}: `));
  });

  it('names every problem at once', () => {
    const problems = problemsOf({ APP_ENV: 'production' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['CHAIN_CHECKPOINT_KEY', 'JWT_SECRET', 'PAYLOAD_ENCRYPTION_KEYS', 'TEMPORAL_TLS_CERT_FILE']);
  });

  it('starts in production with its own secret and keys, and generates none', () => {
    const config = loadConfig({
      APP_ENV: 'production',
      DATA_DIR: dataDir,
      JWT_SECRET: strongSecret(),
      PAYLOAD_ENCRYPTION_KEYS: strongKey(),
      CHAIN_CHECKPOINT_KEY: strongSecret(),
      ...plaintextTemporal,
    });
    expect(config.isProduction).toBe(true);
    expect(() => statSync(path.join(dataDir, INSTALLATION_SECRETS_FILE))).toThrow(/ENOENT/);
  });

  describe('the connection to Temporal', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'inspectorate-tls-'));
    const pem = (name: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, '-----BEGIN PLACEHOLDER-----\n');
      return file;
    };
    const secrets = () => ({ APP_ENV: 'production', DATA_DIR: dataDir, JWT_SECRET: strongSecret(), PAYLOAD_ENCRYPTION_KEYS: strongKey(), CHAIN_CHECKPOINT_KEY: strongSecret() });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is mutual TLS in production: a plaintext connection is refused unless declared protected otherwise', () => {
      expect(problemsOf(secrets())).toEqual([expect.stringMatching(/^TEMPORAL_TLS_CERT_FILE: production talks to Temporal over mutual TLS/)]);
      expect(problemsOf({ ...secrets(), ...plaintextTemporal })).toEqual([]);
    });

    it('starts in production with a client certificate, its key and the CA', () => {
      const config = loadConfig({ ...secrets(), TEMPORAL_TLS_CERT_FILE: pem('app.pem'), TEMPORAL_TLS_KEY_FILE: pem('app.key'), TEMPORAL_TLS_CA_FILE: pem('ca.pem'), TEMPORAL_TLS_SERVER_NAME: 'temporal.internal' });
      expect(config.TEMPORAL_TLS_SERVER_NAME).toBe('temporal.internal');
    });

    it.each([
      ['a certificate without its key', () => ({ TEMPORAL_TLS_CERT_FILE: pem('lonely.pem') }), 'TEMPORAL_TLS_KEY_FILE'],
      ['a file that is not there', () => ({ TEMPORAL_TLS_CA_FILE: path.join(dir, 'missing.pem') }), 'TEMPORAL_TLS_CA_FILE'],
    ])('refuses %s in any environment', (_what, env, variable) => {
      expect(problemsOf(env()).some((p) => p.startsWith(`${variable}: `))).toBe(true);
    });
  });

  it('uses the published defaults in the test suite only', () => {
    const config = loadConfig({ APP_ENV: 'test', DATA_DIR: dataDir });
    expect([config.JWT_SECRET, config.PAYLOAD_ENCRYPTION_KEYS, config.CHAIN_CHECKPOINT_KEY]).toEqual([
      INSECURE_DEFAULTS.jwtSecret,
      [INSECURE_DEFAULTS.payloadKey],
      INSECURE_DEFAULTS.checkpointKey,
    ]);
  });

  it.each([
    ['a short JWT secret', { JWT_SECRET: 'short' }, 'JWT_SECRET'],
    ['a payload key that is not 32 bytes', { PAYLOAD_ENCRYPTION_KEYS: `k:${randomBytes(16).toString('base64')}` }, 'PAYLOAD_ENCRYPTION_KEYS'],
    ['an unknown environment', { APP_ENV: 'staging' }, 'APP_ENV'],
    ['a login rate limit of zero', { LOGIN_RATE_LIMIT_PER_MINUTE: '0' }, 'LOGIN_RATE_LIMIT_PER_MINUTE'],
    ['an attachment limit that is not a number', { ATTACHMENT_MAX_BYTES: '20MB' }, 'ATTACHMENT_MAX_BYTES'],
    ['a per-address login ceiling of zero', { LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0' }, 'LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE'],
    ['a session idle timeout that is not a number', { SESSION_IDLE_TIMEOUT_SECONDS: '12h' }, 'SESSION_IDLE_TIMEOUT_SECONDS'],
    ['a session lifetime of zero', { SESSION_ABSOLUTE_LIFETIME_SECONDS: '0' }, 'SESSION_ABSOLUTE_LIFETIME_SECONDS'],
  ])('refuses %s in any environment', (_what, env, variable) => {
    expect(problemsOf(env as Record<string, string>).some((p) => p.startsWith(`${variable}: `))).toBe(true);
  });

  it('sets the per-address login ceiling to 10 × the per-username limit unless given', () => {
    expect(loadConfig({}).loginRateLimitPerAddress).toBe(100);
    expect(loadConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '5' }).loginRateLimitPerAddress).toBe(50);
    expect(loadConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '5', LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '30' }).loginRateLimitPerAddress).toBe(30);
  });

  it('keeps sessions 12 hours idle and 7 days at most by default', () => {
    const config = loadConfig({});
    expect([config.SESSION_IDLE_TIMEOUT_SECONDS, config.SESSION_ABSOLUTE_LIFETIME_SECONDS]).toEqual([43_200, 604_800]);
    expect(loadConfig({ SESSION_IDLE_TIMEOUT_SECONDS: '3' }).SESSION_IDLE_TIMEOUT_SECONDS).toBe(3);
  });

  it('reads CORS origins as a list', () => {
    expect(loadConfig({ APP_ENV: 'test', CORS_ORIGINS: 'https://console.example, https://other.example' }).CORS_ORIGINS).toEqual(['https://console.example', 'https://other.example']);
  });
});

describe('configuration: an installation outside the test suite has secrets of its own', () => {
  const development = (env: Record<string, string> = {}) => loadConfig({ APP_ENV: 'development', DATA_DIR: dataDir, ...env });
  const secretsOf = (config: ReturnType<typeof loadConfig>) => [config.JWT_SECRET, config.PAYLOAD_ENCRYPTION_KEYS, config.CHAIN_CHECKPOINT_KEY];

  it('generates random secrets on the first start, none of them published, into DATA_DIR with mode 0600', () => {
    const config = development();
    expect(config.JWT_SECRET).not.toBe(INSECURE_DEFAULTS.jwtSecret);
    expect(config.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(config.PAYLOAD_ENCRYPTION_KEYS).toHaveLength(1);
    expect(config.PAYLOAD_ENCRYPTION_KEYS[0]).toMatch(/^[a-zA-Z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=$/);
    expect(config.PAYLOAD_ENCRYPTION_KEYS).not.toContain(INSECURE_DEFAULTS.payloadKey);
    expect(config.CHAIN_CHECKPOINT_KEY).not.toBe(INSECURE_DEFAULTS.checkpointKey);
    const file = path.join(dataDir, INSTALLATION_SECRETS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      JWT_SECRET: config.JWT_SECRET,
      PAYLOAD_ENCRYPTION_KEYS: config.PAYLOAD_ENCRYPTION_KEYS[0],
      CHAIN_CHECKPOINT_KEY: config.CHAIN_CHECKPOINT_KEY,
    });
  });

  it('gives every process of the installation (API, worker, CLI) the same secrets, and another installation others', () => {
    const api = development();
    const worker = development({ LOG_LEVEL: 'warn' });
    expect(secretsOf(worker)).toEqual(secretsOf(api));
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'inspectorate-config-'));
    try {
      const other = loadConfig({ APP_ENV: 'development', DATA_DIR: elsewhere });
      for (const [i, value] of secretsOf(other).entries()) expect(value).not.toEqual(secretsOf(api)[i]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('prefers what the environment sets, and generates only what it does not', () => {
    const jwt = strongSecret();
    const config = development({ JWT_SECRET: jwt });
    expect(config.JWT_SECRET).toBe(jwt);
    expect(JSON.parse(readFileSync(path.join(dataDir, INSTALLATION_SECRETS_FILE), 'utf8')).PAYLOAD_ENCRYPTION_KEYS).toBe(config.PAYLOAD_ENCRYPTION_KEYS[0]);
  });

  it.each([
    ['JWT_SECRET', INSECURE_DEFAULTS.jwtSecret],
    ['PAYLOAD_ENCRYPTION_KEYS', INSECURE_DEFAULTS.payloadKey],
    ['CHAIN_CHECKPOINT_KEY', INSECURE_DEFAULTS.checkpointKey],
  ])('refuses the published %s in development, even given explicitly', (variable, value) => {
    expect(problemsOf({ APP_ENV: 'development', [variable]: value })).toEqual([`${variable}: the published development value is refused outside tests`]);
  });

  it('refuses a secrets file others can read, naming DATA_DIR', () => {
    development();
    const file = path.join(dataDir, INSTALLATION_SECRETS_FILE);
    chmodSync(file, 0o644);
    expect(problemsOf({ APP_ENV: 'development' })).toEqual([expect.stringMatching(/^DATA_DIR: .*readable by others \(mode 644\)/)]);
  });
});

describe('configuration: where the API listens', () => {
  it('listens on loopback in development and tests, on every interface in production, and where HOST says', () => {
    expect(loadConfig({ APP_ENV: 'development', DATA_DIR: dataDir }).listenHost).toBe('127.0.0.1');
    expect(loadConfig({ APP_ENV: 'test' }).listenHost).toBe('127.0.0.1');
    expect(loadConfig({ APP_ENV: 'development', DATA_DIR: dataDir, HOST: '0.0.0.0' }).listenHost).toBe('0.0.0.0');
    const production = { APP_ENV: 'production', JWT_SECRET: strongSecret(), PAYLOAD_ENCRYPTION_KEYS: strongKey(), CHAIN_CHECKPOINT_KEY: strongSecret(), ...plaintextTemporal };
    expect(loadConfig(production).listenHost).toBe('0.0.0.0');
    expect(loadConfig({ ...production, HOST: '10.0.0.5' }).listenHost).toBe('10.0.0.5');
  });

  it('refuses a HOST that is not an address', () => {
    expect(problemsOf({ APP_ENV: 'test', HOST: 'a b' })).toEqual(['HOST: HOST must be an address or host name']);
  });
});
