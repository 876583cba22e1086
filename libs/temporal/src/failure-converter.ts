import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failures travel through Temporal like payloads do, and some are stored in histories: a command
 * refused by the domain after its Update was accepted, a failed activity, a failed workflow task.
 * Their message can name what must stay secret (a visit window, a finding, a unit), so the message
 * and the stack trace are moved into the failure's encoded attributes, a payload that the
 * encryption codec encrypts like any other; Temporal stores only "Encoded failure".
 *
 * Loaded by path (`failureConverterPath`): the workflow sandbox, the worker and every client load
 * this same module.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
