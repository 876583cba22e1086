import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

export const APP_ENVS = ['development', 'test', 'production'] as const;
export type AppEnv = (typeof APP_ENVS)[number];

/** Values that are fine on a laptop and must never reach production. */
export const INSECURE_DEFAULTS = {
  jwtSecret: 'dev-only-insecure-jwt-secret-change-me',
  payloadKey: 'dev:ZGV2LW9ubHktaW5zZWN1cmUtcGF5bG9hZC1rZXktMzI=',
};

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
   * Keys that encrypt Temporal payloads, `id:base64key` (32 bytes) separated by commas. The first
   * encrypts; all decrypt, so a key can be rotated by putting the new one first.
   */
  @Transform(toList)
  @Matches(/^[a-zA-Z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=$/, { each: true, message: 'PAYLOAD_ENCRYPTION_KEYS must be id:base64(32 bytes), comma separated' })
  PAYLOAD_ENCRYPTION_KEYS: string[] = [INSECURE_DEFAULTS.payloadKey];

  @IsInt() @Min(0) @Max(65535) @Type(() => Number)
  PORT = 3000;

  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = INSECURE_DEFAULTS.jwtSecret;

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

  /** The inspecting authority, as printed at the head of its documents (the conclusion PDF). */
  @IsString() @Length(1, 200)
  AUTHORITY_NAME = 'ỦY BAN NHÂN DÂN HUYỆN CẦN GIỜ';

  /** Path of a prebuilt workflow bundle (production); without it the worker bundles at start. */
  @IsOptional() @IsString()
  WORKFLOW_BUNDLE_PATH?: string;

  get isProduction(): boolean {
    return this.APP_ENV === 'production';
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
  if (config.isProduction) problems.push(...productionProblems(config));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function productionProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  if (config.JWT_SECRET === INSECURE_DEFAULTS.jwtSecret) problems.push('JWT_SECRET: production refuses the development default');
  if (config.PAYLOAD_ENCRYPTION_KEYS.includes(INSECURE_DEFAULTS.payloadKey)) {
    problems.push('PAYLOAD_ENCRYPTION_KEYS: production refuses the development default key');
  }
  if (config.SEED_DEMO) problems.push('SEED_DEMO: demo data is never seeded in production');
  return problems;
}
