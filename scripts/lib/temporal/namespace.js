// @ts-check
'use strict';
/**
 * The app's namespace on a running server: registered if missing, and usable before we return
 * (a freshly registered namespace is not at once visible to every service).
 */

const { retryUntil, withConnection } = require('./readiness');

const GRPC_ALREADY_EXISTS = 6;

/**
 * Registers `namespace` (ignoring ALREADY_EXISTS) and waits until it can be used: described,
 * and listed through the visibility store, which goes through the namespace registry.
 *
 * @param {string} address
 * @param {string} namespace
 * @param {import('./readiness').WaitOptions} options
 */
async function ensureNamespace(address, namespace, options) {
  const { msToTs } = require('@temporalio/common/lib/time');
  await withConnection(address, options.tls, async (connection) => {
    const service = connection.workflowService;
    const deadline = () => Date.now() + 5_000;
    await retryUntil(`namespace ${namespace} to be registered`, options, async () => {
      try {
        await connection.withDeadline(deadline(), () =>
          service.registerNamespace({
            namespace,
            workflowExecutionRetentionPeriod: msToTs('1 day'),
          }),
        );
      } catch (error) {
        if (grpcCode(error) !== GRPC_ALREADY_EXISTS) throw error;
      }
    });
    await retryUntil(`namespace ${namespace} to be usable`, options, async () => {
      await connection.withDeadline(deadline(), () => service.describeNamespace({ namespace }));
      await connection.withDeadline(deadline(), () => service.listWorkflowExecutions({ namespace, pageSize: 1 }));
    });
  });
}

/** @param {unknown} error */
function grpcCode(error) {
  return typeof error === 'object' && error !== null && 'code' in error ? /** @type {{ code: unknown }} */ (error).code : undefined;
}

module.exports = { ensureNamespace };
