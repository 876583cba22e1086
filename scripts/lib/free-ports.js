// @ts-check
'use strict';
/**
 * Free TCP ports for the servers the scripts and the tests start side by side (several test
 * runs and a local start may share a machine, so nothing but the local start uses fixed ports).
 */

const net = require('node:net');

/**
 * A TCP port that was free on `host` a moment ago (the OS picks it).
 *
 * @param {string} [host]
 * @returns {Promise<number>}
 */
function findFreePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {number} port
 * @param {string} [host]
 * @returns {Promise<boolean>}
 */
function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * A base port B such that B + offset is free for every offset given. Bases are drawn at random
 * from [min, max], below Linux's default ephemeral range (32768+) so that outgoing connections
 * do not steal them. Free now does not mean free in a second: callers retry on a bind failure.
 *
 * @param {number[]} offsets
 * @param {{ host?: string, min?: number, max?: number, attempts?: number }} [options]
 * @returns {Promise<number>}
 */
async function findFreePortSet(offsets, options = {}) {
  const host = options.host ?? '127.0.0.1';
  const min = options.min ?? 20_000;
  const span = Math.max(...offsets, 0);
  const max = (options.max ?? 32_000) - span;
  const attempts = options.attempts ?? 100;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const base = min + Math.floor(Math.random() * (max - min));
    let free = true;
    for (const offset of offsets) {
      if (!(await isPortFree(base + offset, host))) {
        free = false;
        break;
      }
    }
    if (free) return base;
  }
  throw new Error(`no free port set found for offsets ${offsets.join(',')} on ${host}`);
}

/**
 * A base port B such that B .. B+count-1 are all free.
 *
 * @param {number} count
 * @param {{ host?: string, min?: number, max?: number, attempts?: number }} [options]
 * @returns {Promise<number>}
 */
function findFreePortRange(count, options) {
  return findFreePortSet(
    Array.from({ length: count }, (_, i) => i),
    options,
  );
}

module.exports = { findFreePort, isPortFree, findFreePortSet, findFreePortRange };
