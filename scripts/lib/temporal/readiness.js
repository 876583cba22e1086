// @ts-check
'use strict';
/**
 * Waiting for a server that is starting: short connections without the SDK's own retries, tried
 * again every 100 ms until they answer, the deadline passes, or the server process exits (then
 * the error quotes the end of its log, which says why).
 */

const { sleep, tailFile } = require('../process');
const { clientTls } = require('./tls');

/**
 * @typedef {object} WaitOptions
 * @property {number} timeoutMs
 * @property {import('../watchdog').SupervisedProcess} [server]  fail fast if it exits
 * @property {string} [logFile]                                  quoted in errors
 * @property {import('./tls').ServerTls} [tls]                   the frontend requires mutual TLS
 */

/**
 * Resolves once the frontend answers GetSystemInfo.
 *
 * @param {string} address
 * @param {WaitOptions} options
 */
async function waitForFrontend(address, options) {
  await retryUntil(`the Temporal frontend at ${address} to answer`, options, async () => {
    await withConnection(address, options.tls, (connection) =>
      connection.withDeadline(Date.now() + 2_000, () => connection.workflowService.getSystemInfo({})),
    );
  });
}

/**
 * @template T
 * @param {string} address
 * @param {import('./tls').ServerTls | undefined} tls
 * @param {(connection: import('@temporalio/client').Connection) => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withConnection(address, tls, fn) {
  const { Connection } = require('@temporalio/client');
  // No gRPC retry interceptor: the loops here decide when to try again, quickly.
  const connection = await Connection.connect({ address, connectTimeout: 2_000, interceptors: [], tls: clientTls(tls) });
  try {
    return await fn(connection);
  } finally {
    await connection.close();
  }
}

/**
 * Calls `attempt` until it resolves, the deadline passes, or the server exits.
 *
 * @param {string} what
 * @param {WaitOptions} options
 * @param {() => Promise<void>} attempt
 */
async function retryUntil(what, options, attempt) {
  const deadline = Date.now() + options.timeoutMs;
  /** @type {unknown} */
  let lastError;
  for (;;) {
    if (options.server && !options.server.isRunning()) {
      throw new Error(`the Temporal server exited while waiting for ${what}${logTail(options.logFile)}`);
    }
    try {
      await attempt();
      return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? lastError.message : String(lastError);
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${what}: ${reason}${logTail(options.logFile)}`);
    }
    await sleep(100);
  }
}

/** @param {string | undefined} logFile */
function logTail(logFile) {
  if (!logFile) return '';
  const tail = tailFile(logFile, 25);
  return tail ? `\n--- last lines of ${logFile} ---\n${tail}` : `\n(${logFile} is empty)`;
}

module.exports = { waitForFrontend, withConnection, retryUntil };
