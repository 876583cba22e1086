// @ts-check
'use strict';
/**
 * Mutual TLS on the frontend, seen from both sides: the server's `global.tls` section and what a
 * client (our readiness probes) needs to connect. Internode traffic stays on localhost, in clear.
 */

const fs = require('node:fs');
const path = require('node:path');

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
 * The `global.tls` section of the server's configuration.
 *
 * @param {ServerTls} tls
 */
function renderTls(tls) {
  const client = { serverName: tls.serverName ?? 'localhost', rootCaFiles: [path.resolve(tls.caFile)] };
  return {
    frontend: {
      server: {
        certFile: path.resolve(tls.certFile),
        keyFile: path.resolve(tls.keyFile),
        requireClientAuth: true,
        clientCaFiles: [path.resolve(tls.caFile)],
      },
      client,
    },
    systemWorker: { certFile: path.resolve(tls.clientCertFile), keyFile: path.resolve(tls.clientKeyFile), client },
  };
}

/**
 * What a client needs to reach a frontend that requires mutual TLS (the SDK's TLSConfig).
 *
 * @param {ServerTls | undefined} tls
 */
function clientTls(tls) {
  if (!tls) return undefined;
  return {
    serverNameOverride: tls.serverName ?? 'localhost',
    serverRootCACertificate: fs.readFileSync(tls.caFile),
    clientCertPair: { crt: fs.readFileSync(tls.clientCertFile), key: fs.readFileSync(tls.clientKeyFile) },
  };
}

module.exports = { renderTls, clientTls };
