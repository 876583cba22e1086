#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Dev aid, not a test: start a Temporal server, register a namespace, print timings, stop it.
 *
 *   node scripts/lib/smoke-temporal.js                  # in-memory SQLite, free port, namespace "smoke"
 *   node scripts/lib/smoke-temporal.js file /tmp/smoke  # SQLite file under /tmp/smoke
 *   node scripts/lib/smoke-temporal.js memory /tmp/x 7300
 *
 * Afterwards `pgrep -fa temporal-server` should print nothing.
 */

const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');
const { ensureTemporalBinary, startTemporal, TEMPORAL_SERVER_VERSION } = require('./temporal');

async function main() {
  const mode = /** @type {'memory' | 'file'} */ (process.argv[2] ?? 'memory');
  if (mode !== 'memory' && mode !== 'file') throw new Error(`mode must be memory or file, not ${mode}`);
  const dataDir = process.argv[3] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'inspectorate-smoke-'));
  const frontendPort = process.argv[4] ? Number(process.argv[4]) : undefined;
  /** @param {string} message */
  const log = (message) => console.log(`  [temporal] ${message}`);

  const t0 = performance.now();
  const binary = await ensureTemporalBinary({ log });
  const t1 = performance.now();
  console.log(`binary check    ${ms(t1 - t0)}  ${binary} (${TEMPORAL_SERVER_VERSION})`);

  const server = await startTemporal({
    mode,
    dataDir,
    frontendPort,
    namespace: 'smoke',
    log: (message) => log(`${ms(performance.now() - t1)}  ${message}`),
  });
  const t2 = performance.now();
  console.log(`server ready    ${ms(t2 - t1)}  ${server.address} via ${server.via}, pid ${server.pid}, log ${server.logFile}`);

  // Split "frontend answers" from "namespace usable" with a second, separate probe.
  const { Connection } = require('@temporalio/client');
  const connection = await Connection.connect({ address: server.address });
  const t3 = performance.now();
  await connection.workflowService.getSystemInfo({});
  const described = await connection.workflowService.describeNamespace({ namespace: 'smoke' });
  const listed = await connection.workflowService.listWorkflowExecutions({ namespace: 'smoke', pageSize: 1 });
  await connection.close();
  console.log(
    `re-check        ${ms(performance.now() - t3)}  namespace ${described.namespaceInfo?.name} state ${described.namespaceInfo?.state}, ${listed.executions.length} executions`,
  );

  const t4 = performance.now();
  await server.stop();
  console.log(`stop            ${ms(performance.now() - t4)}`);
  console.log(`total           ${ms(performance.now() - t0)}  (data dir ${dataDir})`);
}

/** @param {number} value */
function ms(value) {
  return `${Math.round(value)} ms`.padStart(9);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
