// @ts-check
'use strict';
/**
 * Which Temporal server release the scripts build and run: the one pinned in
 * tools/temporal-server/go.mod, so there is one place to upgrade it (docker-compose.yml follows,
 * checked by test/docker-compose.unit.spec.ts).
 */

const fs = require('node:fs');
const path = require('node:path');

/** The Go module the server and temporal-sql-tool are built from. */
const TOOLS_MODULE_DIR = path.resolve(__dirname, '..', '..', '..', 'tools', 'temporal-server');

/** @returns {string} */
function readServerVersion() {
  const goMod = fs.readFileSync(path.join(TOOLS_MODULE_DIR, 'go.mod'), 'utf8');
  const match = /^\s*go\.temporal\.io\/server\s+(v[0-9][^\s]*)/m.exec(goMod);
  if (!match?.[1]) {
    throw new Error(`no go.temporal.io/server requirement in ${TOOLS_MODULE_DIR}/go.mod`);
  }
  return match[1];
}

/** The pinned server release, e.g. "v1.30.8". */
const TEMPORAL_SERVER_VERSION = readServerVersion();

/** @typedef {(message: string) => void} LogFn */

/** Where the scripts' progress goes unless the caller passes its own `log`. @type {LogFn} */
const defaultLog = (message) => {
  process.stderr.write(`[temporal] ${message}\n`);
};

module.exports = { TOOLS_MODULE_DIR, TEMPORAL_SERVER_VERSION, defaultLog };
