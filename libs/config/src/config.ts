import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { installationSecrets } from './installation-secrets';

export const APP_ENVS = ['development', 'test', 'production'] as const;
export type AppEnv = (typeof APP_ENVS)[number];

/**
 * Published in the source, hence known to everyone: only the test suite (APP_ENV=test) uses them.
 * Elsewhere an unset secret comes from the installation's own generated file (DATA_DIR), and
 * these values are refused even when given explicitly.
 */
export const INSECURE_DEFAULTS = {
  jwtSecret: 'dev-only-insecure-jwt-secret-change-me',
  payloadKey: 'dev:ZGV2LW9ubHktaW5zZWN1cmUtcGF5bG9hZC1rZXktMzI=',
  checkpointKey: 'dev-only-insecure-chain-checkpoint-key',
};

/** The secrets of INSECURE_DEFAULTS, by variable. */
const SECRET_VARIABLES = ['JWT_SECRET', 'PAYLOAD_ENCRYPTION_KEYS', 'CHAIN_CHECKPOINT_KEY'] as const;

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value;
const toBool = ({ value }: { value: unknown }) => (typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value);

/**
 * Every setting of both processes, read from the environment once at start-up and validated:
 * a bad value stops the process with a message naming the variable (see README, Configuration).
 */
export class AppConfig {
  @IsIn(APP_ENVS)
  APP_ENV: AppEnv = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/inspectorate';

  @IsInt() @Min(1) @Max(100) @Type(() => Number)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^[^\s:]+:\d+$/, { message: 'TEMPORAL_ADDRESS must be host:port' })
  TEMPORAL_ADDRESS = '127.0.0.1:7233';

  @IsString() @Matches(/^[a-zA-Z0-9._-]{1,64}$/)
  TEMPORAL_NAMESPACE = 'inspectorate';

  @IsString() @Matches(/^[a-zA-Z0-9._-]{1,128}$/)
  TEMPORAL_TASK_QUEUE = 'inspectorate';

  /**
   * Mutual TLS to the Temporal frontend (PEM files): the app's client certificate and key, the CA
   * that signed the server's certificate, and the name that certificate carries when it is not
   * the host of TEMPORAL_ADDRESS. Without a client certificate the connection is plaintext, which
   * production refuses unless TEMPORAL_PLAINTEXT_ALLOWED says the path is protected otherwise.
   */
  @IsOptional() @IsString()
  TEMPORAL_TLS_CERT_FILE?: string;

  @IsOptional() @IsString()
  TEMPORAL_TLS_KEY_FILE?: string;

  @IsOptional() @IsString()
  TEMPORAL_TLS_CA_FILE?: string;

  @IsOptional() @IsString() @Matches(/^[a-zA-Z0-9.-]{1,253}$/)
  TEMPORAL_TLS_SERVER_NAME?: string;

  /** Production only: accept a plaintext Temporal connection (a mesh or tunnel does mutual TLS for us). */
  @IsOptional() @IsBoolean() @Transform(toBool)
  TEMPORAL_PLAINTEXT_ALLOWED = false;

  /**
   * Keys that encrypt Temporal payloads, `id:base64key` (32 bytes) separated by commas. The first
   * encrypts; all decrypt, so a key can be rotated by putting the new one first.
   */
  @Transform(toList)
  @Matches(/^[a-zA-Z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=$/, { each: true, message: 'PAYLOAD_ENCRYPTION_KEYS must be id:base64(32 bytes), comma separated' })
  PAYLOAD_ENCRYPTION_KEYS: string[] = [INSECURE_DEFAULTS.payloadKey];

  @IsInt() @Min(0) @Max(65535) @Type(() => Number)
  PORT = 3000;

  /** Interface the API listens on; unset: loopback, except in production (see `listenHost`). */
  @IsOptional() @Matches(/^[a-zA-Z0-9.:_-]{1,253}$/, { message: 'HOST must be an address or host name' })
  HOST?: string;

  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = INSECURE_DEFAULTS.jwtSecret;

  /**
   * Signs the checkpoints of the event log's head (HMAC-SHA256). The database never holds it, so
   * whoever can rewrite the log cannot forge a checkpoint to match.
   */
  @IsString() @MinLength(32, { message: 'CHAIN_CHECKPOINT_KEY must be at least 32 characters' })
  CHAIN_CHECKPOINT_KEY = INSECURE_DEFAULTS.checkpointKey;

  @IsInt() @Min(60) @Max(86_400) @Type(() => Number)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** A session not refreshed for this long ends (sliding idle timeout of the refresh cookie). */
  @IsInt() @Min(1) @Max(31 * 86_400) @Type(() => Number)
  SESSION_IDLE_TIMEOUT_SECONDS = 12 * 3600;

  /** A session ends this long after its login, however active it is. */
  @IsInt() @Min(1) @Max(366 * 86_400) @Type(() => Number)
  SESSION_ABSOLUTE_LIFETIME_SECONDS = 7 * 86_400;

  @Transform(toList)
  @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  @IsInt() @Min(1024) @Type(() => Number)
  BODY_LIMIT_BYTES = 1_048_576;

  @IsInt() @Min(1024) @Type(() => Number)
  ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

  /** What one user may keep uploaded in total (413 above); bounds the disk one account can fill. */
  @IsInt() @Min(1024) @Type(() => Number)
  ATTACHMENT_QUOTA_BYTES_PER_USER = 1024 * 1024 * 1024;

  /** Reports and printed conclusions one user may ask for per minute (429 above). */
  @IsInt() @Min(1) @Max(100_000) @Type(() => Number)
  EXPENSIVE_READS_PER_MINUTE = 60;

  @IsString()
  DATA_DIR = '.run/data';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Login attempts per minute for one username from one client address. */
  @IsInt() @Min(1) @Max(10_000) @Type(() => Number)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  /**
   * Login attempts per minute from one client address, whatever the username: a ceiling higher
   * than the per-username limit, so a whole office behind one address is not locked out by one
   * person's typos. Unset: 10 × LOGIN_RATE_LIMIT_PER_MINUTE.
   */
  @IsOptional() @IsInt() @Min(1) @Max(1_000_000) @Type(() => Number)
  LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: number | undefined = undefined;

  get loginRateLimitPerAddress(): number {
    return this.LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE ?? 10 * this.LOGIN_RATE_LIMIT_PER_MINUTE;
  }

  @IsOptional() @IsBoolean() @Transform(toBool)
  SEED_DEMO = false;

  @IsInt() @Min(1) @Max(1000) @Type(() => Number)
  WORKER_MAX_CONCURRENT_ACTIVITIES = 20;

  @IsInt() @Min(1) @Max(1000) @Type(() => Number)
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS = 20;

  /**
   * The inspecting authority's name on a first start only: the migration that made the authority
   * data (GET/PATCH /authority) seeded it from this; from then on the admin edits it in the app.
   */
  @IsString() @Length(1, 200)
  AUTHORITY_NAME = 'ỦY BAN NHÂN DÂN';

  /** Path of a prebuilt workflow bundle (production); without it the worker bundles at start. */
  @IsOptional() @IsString()
  WORKFLOW_BUNDLE_PATH?: string;

  get isProduction(): boolean {
    return this.APP_ENV === 'production';
  }

  /** A development API is reachable from this machine only; containers and production set or imply 0.0.0.0. */
  get listenHost(): string {
    return this.HOST ?? (this.isProduction ? '0.0.0.0' : '127.0.0.1');
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws a ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const given = Object.fromEntries(Object.entries(env).filter(([key, value]) => key in new AppConfig() && value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, given, { exposeDefaultValues: true });
  const problems = validateSync(config, { forbidUnknownValues: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message}`),
  );
  problems.push(...tlsProblems(config));
  if (config.APP_ENV === 'development' || config.APP_ENV === 'production') problems.push(...secretProblems(config, given));
  if (config.isProduction) problems.push(...productionProblems(config));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * Outside the test suite no published secret is used: given ones must not be the published
 * values; missing ones are an error in production (its processes may not share a data folder)
 * and come from the installation's generated file elsewhere.
 */
function secretProblems(config: AppConfig, given: Record<string, unknown>): string[] {
  const missing = SECRET_VARIABLES.filter((name) => !(name in given));
  const problems = SECRET_VARIABLES.filter((name) => !missing.includes(name) && isPublished(config, name)).map(
    (name) => `${name}: the published development value is refused outside tests`,
  );
  if (missing.length === 0) return problems;
  if (config.isProduction) return [...problems, ...missing.map((name) => `${name}: must be set in production`)];
  try {
    const generated = installationSecrets(config.DATA_DIR);
    if (missing.includes('JWT_SECRET')) config.JWT_SECRET = generated.JWT_SECRET;
    if (missing.includes('PAYLOAD_ENCRYPTION_KEYS')) config.PAYLOAD_ENCRYPTION_KEYS = [generated.PAYLOAD_ENCRYPTION_KEYS];
    if (missing.includes('CHAIN_CHECKPOINT_KEY')) config.CHAIN_CHECKPOINT_KEY = generated.CHAIN_CHECKPOINT_KEY;
  } catch (error) {
    problems.push(`DATA_DIR: cannot keep this installation's secrets: ${error instanceof Error ? error.message : String(error)}`);
  }
  return problems;
}

function productionProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  if (config.SEED_DEMO) problems.push('SEED_DEMO: demo data is never seeded in production');
  if (!config.TEMPORAL_TLS_CERT_FILE && !config.TEMPORAL_PLAINTEXT_ALLOWED) {
    problems.push(
      'TEMPORAL_TLS_CERT_FILE: production talks to Temporal over mutual TLS (set TEMPORAL_TLS_CERT_FILE, TEMPORAL_TLS_KEY_FILE and TEMPORAL_TLS_CA_FILE), or set TEMPORAL_PLAINTEXT_ALLOWED=true where the network path is protected otherwise',
    );
  }
  return problems;
}

function tlsProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  if (Boolean(config.TEMPORAL_TLS_CERT_FILE) !== Boolean(config.TEMPORAL_TLS_KEY_FILE)) {
    problems.push('TEMPORAL_TLS_KEY_FILE: a client certificate and its key go together (TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE)');
  }
  for (const variable of ['TEMPORAL_TLS_CERT_FILE', 'TEMPORAL_TLS_KEY_FILE', 'TEMPORAL_TLS_CA_FILE'] as const) {
    const file = config[variable];
    if (file && !existsSync(file)) problems.push(`${variable}: no file at ${file}`);
  }
  return problems;
}

function isPublished(config: AppConfig, name: (typeof SECRET_VARIABLES)[number]): boolean {
  if (name === 'JWT_SECRET') return config.JWT_SECRET === INSECURE_DEFAULTS.jwtSecret;
  if (name === 'PAYLOAD_ENCRYPTION_KEYS') return config.PAYLOAD_ENCRYPTION_KEYS.includes(INSECURE_DEFAULTS.payloadKey);
  return config.CHAIN_CHECKPOINT_KEY === INSECURE_DEFAULTS.checkpointKey;
}
