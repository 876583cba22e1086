import { ApplicationFailure } from '@temporalio/workflow';
import { invalid, Rejection } from '@inspectorate/domain';
import { COMMAND_REJECTED } from '@inspectorate/workflow-contract';

/** A domain rejection as a Temporal failure: the API reads the Rejection back from its details. */
export function rejectionFailure(rejection: Rejection): ApplicationFailure {
  return ApplicationFailure.create({ type: COMMAND_REJECTED, message: rejection.reason, nonRetryable: true, details: [rejection] });
}

/**
 * When a command takes effect. Live, it is the workflow's clock. While back-filling paper records
 * it is the date the record gives, which may not lie in the future.
 */
export function commandTime(occurredAt: string | undefined, backfill: boolean): Date {
  const now = new Date();
  if (occurredAt === undefined) {
    if (backfill) throw rejectionFailure(invalid('While back-filling, every command must say when it occurred.'));
    return now;
  }
  if (!backfill) throw rejectionFailure(invalid('A command may carry its own time only while back-filling records.'));
  const at = new Date(occurredAt);
  if (Number.isNaN(at.getTime())) throw rejectionFailure(invalid(`occurredAt "${occurredAt}" is not a date-time.`));
  if (at.getTime() > now.getTime()) throw rejectionFailure(invalid('A back-filled command cannot be dated in the future.'));
  return at;
}
