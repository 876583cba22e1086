// @ts-check
'use strict';
/**
 * The dynamic configuration values the app relies on, for both ways of running the server: our
 * own build reads them from a rendered file, the `temporal` CLI takes them as flags.
 * docker-compose.yml repeats them (test/docker-compose.unit.spec.ts keeps the two equal).
 */

const YAML = require('yaml');

/**
 * Keys checked against common/dynamicconfig/constants.go of the pinned release
 * (`validate-dynamic-config` passes). Update-with-start (ExecuteMultiOperation) has no switch in
 * this release: it is always on.
 *
 * @type {Record<string, unknown>}
 */
const DYNAMIC_CONFIG = {
  'frontend.enableUpdateWorkflowExecution': true,
  'frontend.enableUpdateWorkflowExecutionAsyncAccepted': true,
  'limit.maxIDLength': 255,
  // A namespace registered a moment ago is usable at once (the registry also reads through on a miss).
  'system.namespaceCacheRefreshInterval': '1s',
};

/** @returns {string} */
function renderDynamicConfig() {
  /** @type {Record<string, Array<{ value: unknown, constraints: {} }>>} */
  const doc = {};
  for (const [key, value] of Object.entries(DYNAMIC_CONFIG)) {
    doc[key] = [{ value, constraints: {} }];
  }
  return `# Rendered by scripts/lib/temporal/dynamic-config.js; do not edit.\n${YAML.stringify(doc)}`;
}

/**
 * The same values as `temporal server start-dev` flags.
 *
 * @returns {string[]}
 */
function dynamicConfigFlags() {
  return Object.entries(DYNAMIC_CONFIG).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`]);
}

module.exports = { DYNAMIC_CONFIG, renderDynamicConfig, dynamicConfigFlags };
