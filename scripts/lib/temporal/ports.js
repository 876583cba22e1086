// @ts-check
'use strict';
/**
 * The ports of a Temporal server on base port P (keep infra/temporal/README.md in step):
 *   frontend gRPC P, history P+1, matching P+2, worker P+3, frontend HTTP P+10,
 *   membership P+100 .. P+103.
 * One base port names the whole set, so "is P free?" means "is every port of the set free?".
 */

const { findFreePortSet, isPortFree } = require('../free-ports');

/**
 * @typedef {object} TemporalPorts
 * @property {number} frontend
 * @property {number} history
 * @property {number} matching
 * @property {number} worker
 * @property {number} frontendHttp
 * @property {number} frontendMembership
 * @property {number} historyMembership
 * @property {number} matchingMembership
 * @property {number} workerMembership
 */

/** Offsets from the base (frontend) port. */
const PORT_OFFSETS = /** @type {const} */ ({
  frontend: 0,
  history: 1,
  matching: 2,
  worker: 3,
  frontendHttp: 10,
  frontendMembership: 100,
  historyMembership: 101,
  matchingMembership: 102,
  workerMembership: 103,
});

/** The highest offset: a base port above 65535 minus this cannot hold the set. */
const HIGHEST_OFFSET = Math.max(...Object.values(PORT_OFFSETS));

/**
 * @param {number} frontendPort
 * @returns {TemporalPorts}
 */
function temporalPorts(frontendPort) {
  return /** @type {TemporalPorts} */ (
    Object.fromEntries(Object.entries(PORT_OFFSETS).map(([key, offset]) => [key, frontendPort + offset]))
  );
}

/**
 * A base port whose whole derived set (see temporalPorts) is free right now.
 *
 * @returns {Promise<number>}
 */
function findFreeTemporalPort() {
  return findFreePortSet(Object.values(PORT_OFFSETS));
}

/**
 * The ports of the set on `frontendPort` that something already listens on, as "name port".
 *
 * @param {number} frontendPort
 * @returns {Promise<string[]>}
 */
async function busyTemporalPorts(frontendPort) {
  const busy = [];
  for (const [name, port] of Object.entries(temporalPorts(frontendPort))) {
    if (!(await isPortFree(port))) busy.push(`${name} ${port}`);
  }
  return busy;
}

module.exports = { PORT_OFFSETS, HIGHEST_OFFSET, temporalPorts, findFreeTemporalPort, busyTemporalPorts };
