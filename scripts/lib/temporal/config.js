// @ts-check
'use strict';
/**
 * The configuration of our own server build (not the CLI's, which takes flags): the YAML config
 * and the dynamic config file beside it. See infra/temporal/README.md for what each part means.
 */

const fsp = require('node:fs/promises');
const path = require('node:path');
const YAML = require('yaml');
const { ensureDir } = require('../process');
const { renderDynamicConfig } = require('./dynamic-config');
const { HIGHEST_OFFSET, temporalPorts } = require('./ports');
const { renderTls } = require('./tls');
const { TEMPORAL_SERVER_VERSION } = require('./version');

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
 * @property {import('./tls').ServerTls} [tls]    mutual TLS on the frontend
 */

/** The SQLite file of the 'file' mode, inside dataDir. */
const SQLITE_FILE = 'temporal.db';

/**
 * The sqlite driver builds `file:<databaseName>?<attributes>`; escape what a URI would misread.
 *
 * @param {string} file
 */
function sqliteUriPath(file) {
  return file.replace(/%/g, '%25').replace(/\?/g, '%3f').replace(/#/g, '%23');
}

/**
 * The two SQL datastores (default and visibility) and the shard count of one persistence choice.
 *
 * @param {ServerConfigOptions & { dataDir: string }} options  dataDir already resolved
 * @returns {{ stores: { default: Record<string, unknown>, visibility: Record<string, unknown> }, shards: number }}
 */
function datastores(options) {
  const { persistence, dataDir } = options;
  switch (persistence) {
    case 'sqlite-memory': {
      const sql = (/** @type {string} */ name) => ({
        pluginName: 'sqlite',
        databaseName: name,
        connectAddr: 'localhost',
        connectProtocol: 'tcp',
        connectAttributes: { mode: 'memory', cache: 'private' },
        maxConns: 1,
        maxIdleConns: 1,
        maxConnLifetime: '1h',
      });
      return { stores: { default: sql('default'), visibility: sql('default') }, shards: options.numHistoryShards ?? 1 };
    }
    case 'sqlite-file': {
      const file = sqliteUriPath(path.join(dataDir, SQLITE_FILE));
      const sql = () => ({
        pluginName: 'sqlite',
        databaseName: file,
        connectAddr: 'localhost',
        connectProtocol: 'tcp',
        connectAttributes: { setup: 'true', journal_mode: 'wal', synchronous: '2' },
        maxConns: 1,
        maxIdleConns: 1,
        maxConnLifetime: '1h',
      });
      return { stores: { default: sql(), visibility: sql() }, shards: options.numHistoryShards ?? 1 };
    }
    case 'postgres': {
      const pg = options.postgres;
      if (!pg) throw new Error("renderServerConfig: persistence 'postgres' needs the postgres option");
      const sql = (/** @type {string} */ database, /** @type {number} */ conns) => ({
        pluginName: 'postgres12',
        databaseName: database,
        connectAddr: `${pg.host}:${pg.port}`,
        connectProtocol: 'tcp',
        user: pg.user,
        password: pg.password ?? '',
        maxConns: conns,
        maxIdleConns: conns,
        maxConnLifetime: '1h',
      });
      return {
        stores: { default: sql(pg.database, 20), visibility: sql(pg.visibilityDatabase, 10) },
        shards: options.numHistoryShards ?? 4,
      };
    }
    default:
      throw new Error(`unknown persistence ${String(persistence)}`);
  }
}

/**
 * The server's YAML configuration. Pure: writes nothing (see writeServerConfig).
 *
 * @param {ServerConfigOptions} options
 * @returns {string}
 */
function renderServerConfig(options) {
  const { frontendPort } = options;
  if (!Number.isInteger(frontendPort) || frontendPort <= 0 || frontendPort + HIGHEST_OFFSET > 65_535) {
    throw new Error(`invalid frontendPort ${frontendPort}`);
  }
  const dataDir = path.resolve(options.dataDir);
  const ports = temporalPorts(frontendPort);
  const dynamicConfigFile = path.resolve(options.dynamicConfigFile ?? path.join(dataDir, 'dynamicconfig.yaml'));
  const { stores, shards } = datastores({ ...options, dataDir });

  const rpc = (/** @type {number} */ grpcPort, /** @type {number} */ membershipPort) => ({
    grpcPort,
    membershipPort,
    bindOnLocalHost: true,
  });

  const config = {
    log: { stdout: true, level: options.logLevel ?? 'warn' },
    persistence: {
      defaultStore: 'default',
      visibilityStore: 'visibility',
      numHistoryShards: shards,
      datastores: {
        default: { sql: stores.default },
        visibility: { sql: stores.visibility },
      },
    },
    // No `metrics` and no `pprof` section: both are off.
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
      ...(options.tls ? { tls: renderTls(options.tls) } : {}),
    },
    services: {
      frontend: { rpc: { ...rpc(ports.frontend, ports.frontendMembership), httpPort: ports.frontendHttp } },
      history: { rpc: rpc(ports.history, ports.historyMembership) },
      matching: { rpc: rpc(ports.matching, ports.matchingMembership) },
      worker: { rpc: rpc(ports.worker, ports.workerMembership) },
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `127.0.0.1:${ports.frontend}`,
          httpAddress: `127.0.0.1:${ports.frontendHttp}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    archival: {
      history: { state: 'disabled' },
      visibility: { state: 'disabled' },
    },
    namespaceDefaults: {
      archival: {
        history: { state: 'disabled' },
        visibility: { state: 'disabled' },
      },
    },
    publicClient: { hostPort: `127.0.0.1:${ports.frontend}` },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
  };
  return `# Rendered by scripts/lib/temporal/config.js for go.temporal.io/server ${TEMPORAL_SERVER_VERSION}; do not edit.\n${YAML.stringify(config)}`;
}

/**
 * Writes `${dataDir}/temporal.yaml` and `${dataDir}/dynamicconfig.yaml`.
 *
 * @param {ServerConfigOptions} options
 * @returns {Promise<{ configFile: string, dynamicConfigFile: string }>}
 */
async function writeServerConfig(options) {
  const dataDir = await ensureDir(options.dataDir);
  const dynamicConfigFile = path.resolve(options.dynamicConfigFile ?? path.join(dataDir, 'dynamicconfig.yaml'));
  const configFile = path.join(dataDir, 'temporal.yaml');
  await fsp.writeFile(dynamicConfigFile, renderDynamicConfig());
  await fsp.writeFile(configFile, renderServerConfig({ ...options, dataDir, dynamicConfigFile }));
  return { configFile, dynamicConfigFile };
}

module.exports = { renderServerConfig, writeServerConfig };
