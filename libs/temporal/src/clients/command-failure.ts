import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { isRejection, Rejection } from '@inspectorate/domain';
import { COMMAND_REJECTED } from '@inspectorate/workflow-contract';

/**
 * Why a command did not take effect, as far as its sender can tell:
 * - `rejected`: the domain refused it (its `rejection` says why); nothing was recorded;
 * - `gone`: the workflow is not running (it ended, or never existed);
 * - `not-stored`: the domain accepted it but the database refused its events (a defect);
 * - `undelivered`: anything else — Temporal unreachable, the deadline passed: it may still
 *   take effect, and repeating it with the same idempotency key finds out.
 */
export type CommandFailureKind = 'rejected' | 'gone' | 'not-stored' | 'undelivered';

export class CommandFailure extends Error {
  private constructor(
    readonly kind: CommandFailureKind,
    message: string,
    /** The domain's refusal, for `rejected`. */
    readonly rejection: Rejection | undefined,
    /** What to log: the store's error for `not-stored`, the client's for `undelivered`. */
    readonly detail: unknown,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CommandFailure';
  }

  /** The typed failure of a Temporal error met while sending a command. */
  static of(error: unknown): CommandFailure {
    if (error instanceof CommandFailure) return error;
    const rejection = rejectionOf(error);
    if (rejection) return new CommandFailure('rejected', rejection.reason, rejection, undefined, error);
    if (error instanceof WorkflowNotFoundError || isCompletedWorkflowError(error)) return new CommandFailure('gone', 'The workflow is not running.', undefined, error, error);
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ActivityFailure) {
      return new CommandFailure('not-stored', 'The command was accepted but its events could not be stored.', undefined, error.cause.cause ?? error.cause, error);
    }
    return new CommandFailure('undelivered', error instanceof Error ? error.message : String(error), undefined, error, error);
  }
}

function rejectionOf(error: unknown): Rejection | undefined {
  const failure = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  if (failure instanceof ApplicationFailure && failure.type === COMMAND_REJECTED) {
    const [details] = failure.details ?? [];
    if (isRejection(details)) return details;
  }
  return undefined;
}

function isCompletedWorkflowError(error: unknown): boolean {
  return error instanceof Error && /workflow execution already completed|workflow is not running/i.test(error.message);
}
