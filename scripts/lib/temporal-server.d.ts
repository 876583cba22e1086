export type PostgresTarget = {
  host: string;
  port: number;
  user: string;
  password?: string | undefined;
  /**
   * e.g. "temporal"
   */
  database: string;
  /**
   * e.g. "temporal_visibility"
   */
  visibilityDatabase: string;
};
export type ServerConfigOptions = {
  persistence: 'sqlite-memory' | 'sqlite-file' | 'postgres';
  frontendPort: number;
  /**
   * holds the SQLite file (sqlite-file)
   */
  dataDir: string;
  /**
   * required for 'postgres'
   */
  postgres?: PostgresTarget | undefined;
  /**
   * default `${dataDir}/dynamicconfig.yaml`
   */
  dynamicConfigFile?: string | undefined;
  /**
   * default 'warn'
   */
  logLevel?: 'error' | 'debug' | 'info' | 'warn' | undefined;
  /**
   * default 1 (SQLite) / 4 (PostgreSQL); fixed for the life of a database
   */
  numHistoryShards?: number | undefined;
  /**
   * mutual TLS on the frontend (see ServerTls)
   */
  tls?: ServerTls | undefined;
};
/**
 * PEM files. The frontend presents certFile/keyFile and accepts only
 *   clients whose certificate caFile signed; the server's own system worker connects with
 *   clientCertFile/clientKeyFile. serverName is the name in certFile (default: localhost).
 */
export type ServerTls = {
  certFile: string;
  keyFile: string;
  caFile: string;
  clientCertFile: string;
  clientKeyFile: string;
  serverName?: string | undefined;
};
export type TemporalHandle = {
  /**
   * host:port of the frontend
   */
  address: string;
  namespace: string;
  via: 'external' | 'cli' | 'binary';
  /**
   * the supervising watchdog's pid (process group id)
   */
  pid?: number | undefined;
  logFile?: string | undefined;
  /**
   * idempotent; a no-op for an external server
   */
  stop: () => Promise<void>;
};
export type StartTemporalOptions = {
  /**
   * memory: in-memory SQLite (tests);
   * file: SQLite file under dataDir (local start); postgres: needs `postgres`
   */
  mode: 'memory' | 'file' | 'postgres';
  /**
   * config, log and (file mode) database live here
   */
  dataDir: string;
  /**
   * registered if missing, ready when this resolves
   */
  namespace: string;
  /**
   * default: a free base port (all derived ports free)
   */
  frontendPort?: number | undefined;
  postgres?: PostgresTarget | undefined;
  log?: LogFn | undefined;
  logLevel?: 'error' | 'debug' | 'info' | 'warn' | undefined;
  /**
   * for the server to answer and the namespace to be usable (default 60 s)
   */
  timeoutMs?: number | undefined;
  /**
   * mutual TLS on the frontend (own binary only, not the CLI)
   */
  tls?: ServerTls | undefined;
};
export type WaitOptions = {
  timeoutMs: number;
  /**
   * fail fast if it exits
   */
  server?: import('./process').SupervisedProcess | undefined;
  /**
   * quoted in errors
   */
  logFile?: string | undefined;
  /**
   * the frontend requires mutual TLS
   */
  tls?: ServerTls | undefined;
};
export type LogFn = (message: string) => void;
export type TemporalPorts = {
  frontend: number;
  history: number;
  matching: number;
  worker: number;
  frontendHttp: number;
  frontendMembership: number;
  historyMembership: number;
  matchingMembership: number;
  workerMembership: number;
};
/** The pinned server release, e.g. "v1.30.8" (from tools/temporal-server/go.mod). */
export const TEMPORAL_SERVER_VERSION: string;
export namespace PORT_OFFSETS {
  let frontend: 0;
  let history: 1;
  let matching: 2;
  let worker: 3;
  let frontendHttp: 10;
  let frontendMembership: 100;
  let historyMembership: 101;
  let matchingMembership: 102;
  let workerMembership: 103;
}
/**
 * The Temporal server binary of TEMPORAL_SERVER_VERSION, built on first use.
 * TEMPORAL_SERVER_BINARY overrides it with a binary of your own.
 *
 * @param {{ log?: LogFn }} [options]
 * @returns {Promise<string>} absolute path
 */
export function ensureTemporalBinary({ log }?: { log?: LogFn }): Promise<string>;
/**
 * temporal-sql-tool of TEMPORAL_SERVER_VERSION (schema setup for PostgreSQL persistence).
 *
 * @param {{ log?: LogFn }} [options]
 * @returns {Promise<string>} absolute path
 */
export function ensureTemporalSqlTool({ log }?: { log?: LogFn }): Promise<string>;
/**
 * @param {number} frontendPort
 * @returns {TemporalPorts}
 */
export function temporalPorts(frontendPort: number): TemporalPorts;
/**
 * A base port whose whole derived set (see temporalPorts) is free right now.
 *
 * @returns {Promise<number>}
 */
export function findFreeTemporalPort(): Promise<number>;
import { findFreePort } from './process';
import { findFreePortRange } from './process';
/**
 * @typedef {object} PostgresTarget
 * @property {string} host
 * @property {number} port
 * @property {string} user
 * @property {string} [password]
 * @property {string} database            e.g. "temporal"
 * @property {string} visibilityDatabase  e.g. "temporal_visibility"
 */
/**
 * @typedef {object} ServerConfigOptions
 * @property {'sqlite-memory' | 'sqlite-file' | 'postgres'} persistence
 * @property {number} frontendPort
 * @property {string} dataDir                     holds the SQLite file (sqlite-file)
 * @property {PostgresTarget} [postgres]          required for 'postgres'
 * @property {string} [dynamicConfigFile]         default `${dataDir}/dynamicconfig.yaml`
 * @property {'debug' | 'info' | 'warn' | 'error'} [logLevel]  default 'warn'
 * @property {number} [numHistoryShards]          default 1 (SQLite) / 4 (PostgreSQL); fixed for the life of a database
 * @property {ServerTls} [tls]                    mutual TLS on the frontend (see ServerTls)
 */
/**
 * @typedef {object} ServerTls  PEM files. The frontend presents certFile/keyFile and accepts only
 *   clients whose certificate caFile signed; the server's own system worker connects with
 *   clientCertFile/clientKeyFile. serverName is the name in certFile (default: localhost).
 * @property {string} certFile
 * @property {string} keyFile
 * @property {string} caFile
 * @property {string} clientCertFile
 * @property {string} clientKeyFile
 * @property {string} [serverName]
 */
/**
 * The server's YAML configuration. Pure: writes nothing (see writeServerConfig).
 *
 * @param {ServerConfigOptions} options
 * @returns {string}
 */
export function renderServerConfig(options: ServerConfigOptions): string;
/** @returns {string} */
export function renderDynamicConfig(): string;
/**
 * Writes `${dataDir}/temporal.yaml` and `${dataDir}/dynamicconfig.yaml`.
 *
 * @param {ServerConfigOptions} options
 * @returns {Promise<{ configFile: string, dynamicConfigFile: string }>}
 */
export function writeServerConfig(options: ServerConfigOptions): Promise<{
  configFile: string;
  dynamicConfigFile: string;
}>;
/**
 * Creates the two databases if missing and brings their schemas to the version embedded in
 * temporal-sql-tool (what the temporalio/auto-setup image does). Idempotent.
 *
 * @param {PostgresTarget & { log?: LogFn }} target
 * @returns {Promise<void>}
 */
export function setupTemporalPostgresSchema(
  target: PostgresTarget & {
    log?: LogFn;
  },
): Promise<void>;
/**
 * @typedef {object} TemporalHandle
 * @property {string} address        host:port of the frontend
 * @property {string} namespace
 * @property {'external' | 'cli' | 'binary'} via
 * @property {number} [pid]          the supervising watchdog's pid (process group id)
 * @property {string} [logFile]
 * @property {() => Promise<void>} stop  idempotent; a no-op for an external server
 */
/**
 * @typedef {object} StartTemporalOptions
 * @property {'memory' | 'file' | 'postgres'} mode  memory: in-memory SQLite (tests);
 *   file: SQLite file under dataDir (local start); postgres: needs `postgres`
 * @property {string} dataDir        config, log and (file mode) database live here
 * @property {string} namespace      registered if missing, ready when this resolves
 * @property {number} [frontendPort] default: a free base port (all derived ports free)
 * @property {PostgresTarget} [postgres]
 * @property {LogFn} [log]
 * @property {'debug' | 'info' | 'warn' | 'error'} [logLevel]
 * @property {number} [timeoutMs]    for the server to answer and the namespace to be usable (default 60 s)
 * @property {ServerTls} [tls]       mutual TLS on the frontend (own binary only, not the CLI)
 */
/**
 * Starts (or finds) a Temporal server and makes sure `namespace` is registered and usable.
 *
 * @param {StartTemporalOptions} options
 * @returns {Promise<TemporalHandle>}
 */
export function startTemporal(options: StartTemporalOptions): Promise<TemporalHandle>;
/**
 * @typedef {object} WaitOptions
 * @property {number} timeoutMs
 * @property {import('./process').SupervisedProcess} [server]  fail fast if it exits
 * @property {string} [logFile]                                 quoted in errors
 * @property {ServerTls} [tls]                                  the frontend requires mutual TLS
 */
/**
 * Resolves once the frontend answers GetSystemInfo.
 *
 * @param {string} address
 * @param {WaitOptions} options
 */
export function waitForFrontend(address: string, options: WaitOptions): Promise<void>;
/**
 * Registers `namespace` (ignoring ALREADY_EXISTS) and waits until it can be used: described,
 * and listed through the visibility store, which goes through the namespace registry.
 *
 * @param {string} address
 * @param {string} namespace
 * @param {WaitOptions} options
 */
export function ensureNamespace(address: string, namespace: string, options: WaitOptions): Promise<void>;
export { findFreePort, findFreePortRange };
