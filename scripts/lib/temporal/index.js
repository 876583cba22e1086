// @ts-check
'use strict';
/**
 * The Temporal server for the local start and the test suites: what callers (scripts/up.js, the
 * Jest global setup, the e2e tests that start their own server) use. One job per module:
 *
 *   version.js        the pinned release (tools/temporal-server/go.mod)
 *   build.js          build and cache the server and temporal-sql-tool
 *   ports.js          the port set of a base port; finding a free one
 *   config.js         render the server's YAML config (+ tls.js, dynamic-config.js)
 *   schema.js         Temporal's PostgreSQL schema (persistence 'postgres')
 *   launch.js         choose external / CLI / own build, start it under the watchdog
 *   readiness.js      wait for the frontend to answer
 *   namespace.js      register the namespace and wait until it is usable
 *
 * Process supervision (the server dies with us, however we die): ../watchdog.js.
 * Ports, configs and the choice of server: infra/temporal/README.md.
 */

const { findFreePort, findFreePortRange } = require('../free-ports');
const { ensureTemporalBinary, ensureTemporalSqlTool } = require('./build');
const { renderServerConfig, writeServerConfig } = require('./config');
const { renderDynamicConfig } = require('./dynamic-config');
const { startTemporal } = require('./launch');
const { ensureNamespace } = require('./namespace');
const { PORT_OFFSETS, findFreeTemporalPort, temporalPorts } = require('./ports');
const { waitForFrontend } = require('./readiness');
const { setupTemporalPostgresSchema } = require('./schema');
const { TEMPORAL_SERVER_VERSION } = require('./version');

/** @typedef {import('./version').LogFn} LogFn */
/** @typedef {import('./ports').TemporalPorts} TemporalPorts */
/** @typedef {import('./config').PostgresTarget} PostgresTarget */
/** @typedef {import('./config').ServerConfigOptions} ServerConfigOptions */
/** @typedef {import('./tls').ServerTls} ServerTls */
/** @typedef {import('./launch').StartTemporalOptions} StartTemporalOptions */
/** @typedef {import('./launch').TemporalHandle} TemporalHandle */
/** @typedef {import('./readiness').WaitOptions} WaitOptions */

module.exports = {
  TEMPORAL_SERVER_VERSION,
  PORT_OFFSETS,
  ensureTemporalBinary,
  ensureTemporalSqlTool,
  temporalPorts,
  findFreeTemporalPort,
  findFreePort,
  findFreePortRange,
  renderServerConfig,
  renderDynamicConfig,
  writeServerConfig,
  setupTemporalPostgresSchema,
  startTemporal,
  waitForFrontend,
  ensureNamespace,
};
