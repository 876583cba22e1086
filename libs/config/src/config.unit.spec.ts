import { randomBytes } from 'node:crypto';
import { ConfigError, INSECURE_DEFAULTS, loadConfig } from './config';

const strongSecret = () => randomBytes(32).toString('hex');
const strongKey = () => `prod-1:${randomBytes(32).toString('base64')}`;

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration: production refuses what is fine on a laptop', () => {
  it.each([
    ['the default JWT secret', { PAYLOAD_ENCRYPTION_KEYS: strongKey() }, 'JWT_SECRET'],
    ['the default JWT secret, given explicitly', { JWT_SECRET: INSECURE_DEFAULTS.jwtSecret, PAYLOAD_ENCRYPTION_KEYS: strongKey() }, 'JWT_SECRET'],
    ['the default payload key', { JWT_SECRET: strongSecret() }, 'PAYLOAD_ENCRYPTION_KEYS'],
    ['the default payload key kept for decryption after a new one', { JWT_SECRET: strongSecret(), PAYLOAD_ENCRYPTION_KEYS: `${strongKey()},${INSECURE_DEFAULTS.payloadKey}` }, 'PAYLOAD_ENCRYPTION_KEYS'],
    ['demo seeding', { JWT_SECRET: strongSecret(), PAYLOAD_ENCRYPTION_KEYS: strongKey(), SEED_DEMO: 'true' }, 'SEED_DEMO'],
  ])('refuses %s, with a ConfigError naming the variable', (_what, env, variable) => {
    expect(() => loadConfig({ APP_ENV: 'production', ...env })).toThrow(ConfigError);
    const problems = problemsOf({ APP_ENV: 'production', ...env });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${variable}: `));
  });

  it('names every problem at once', () => {
    const problems = problemsOf({ APP_ENV: 'production' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['JWT_SECRET', 'PAYLOAD_ENCRYPTION_KEYS']);
  });

  it('starts in production with its own secret and key', () => {
    const config = loadConfig({ APP_ENV: 'production', JWT_SECRET: strongSecret(), PAYLOAD_ENCRYPTION_KEYS: strongKey() });
    expect(config.isProduction).toBe(true);
  });

  it('allows the defaults in development and tests', () => {
    expect(loadConfig({ APP_ENV: 'development' }).JWT_SECRET).toBe(INSECURE_DEFAULTS.jwtSecret);
    expect(loadConfig({ APP_ENV: 'test' }).PAYLOAD_ENCRYPTION_KEYS).toEqual([INSECURE_DEFAULTS.payloadKey]);
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
    expect(loadConfig({ CORS_ORIGINS: 'https://console.example, https://other.example' }).CORS_ORIGINS).toEqual(['https://console.example', 'https://other.example']);
  });
});
