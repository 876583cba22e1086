/** What a sender of a command learns from Temporal's errors (the API turns these into 4xx/5xx). */
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, RetryState } from '@temporalio/common';
import { conflict } from '@inspectorate/domain';
import { COMMAND_REJECTED } from '@inspectorate/workflow-contract';
import { CommandFailure } from './command-failure';

describe('a command that did not take effect', () => {
  it('was rejected by the domain: the rejection travels in the failure details', () => {
    const rejection = conflict('The visit has already started.');
    const failure = CommandFailure.of(
      new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type: COMMAND_REJECTED, message: rejection.reason, nonRetryable: true, details: [rejection] })),
    );
    expect(failure).toMatchObject({ kind: 'rejected', rejection, message: 'The visit has already started.' });
  });

  it('met an application failure of another type: not a rejection', () => {
    const failure = CommandFailure.of(new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type: 'TimerRefused', message: 'no' })));
    expect(failure.kind).toBe('undelivered');
    expect(failure.rejection).toBeUndefined();
  });

  it('found no running workflow', () => {
    expect(CommandFailure.of(new WorkflowNotFoundError('not found', 'inspection-x', undefined)).kind).toBe('gone');
    expect(CommandFailure.of(new Error('workflow execution already completed')).kind).toBe('gone');
  });

  it('was accepted but its events could not be stored: the store error is what gets logged', () => {
    const stored = ApplicationFailure.create({ type: 'EventsNotStorable', message: 'NUL in text' });
    const failure = CommandFailure.of(
      new WorkflowUpdateFailedError('Workflow Update failed', new ActivityFailure('Activity task failed', 'appendEvents', '1', RetryState.NON_RETRYABLE_FAILURE, 'worker', stored)),
    );
    expect(failure.kind).toBe('not-stored');
    expect(failure.detail).toBe(stored);
  });

  it('could not be delivered or confirmed: the original error is kept for the caller to judge', () => {
    const outage = Object.assign(new Error('14 UNAVAILABLE: connection refused'), { code: 14, metadata: {} });
    const failure = CommandFailure.of(outage);
    expect(failure).toMatchObject({ kind: 'undelivered', detail: outage, cause: outage });
    expect(CommandFailure.of(failure)).toBe(failure);
  });
});
