import { ApplicationFailure } from '@temporalio/common';
import { ConcurrencyError, EventStore } from '@inspectorate/event-store';
import { Projector } from '@inspectorate/read-model';
import type { Activities, AppendOutcome, StreamAppendRequest } from '@inspectorate/workflow-contract';
import { EVENTS_NOT_STORABLE, STREAM_CONFLICT } from '@inspectorate/workflow-contract';

/**
 * The workflows' only door to the outside: append events and project them, in one transaction.
 * A retry after a lost reply finds its events already there and succeeds without writing again.
 */
export function createActivities(eventStore: EventStore, projector: Projector): Activities {
  return {
    async appendEvents(appends: readonly StreamAppendRequest[]): Promise<AppendOutcome> {
      try {
        const result = await eventStore.append(appends, (manager, events) => projector.project(manager, events));
        return { alreadyAppended: result.alreadyAppended, lastPosition: result.events.at(-1)?.position ?? 0 };
      } catch (error) {
        if (error instanceof ConcurrencyError) {
          throw ApplicationFailure.create({ type: STREAM_CONFLICT, message: error.message, nonRetryable: true });
        }
        // A value the database refuses (SQLSTATE class 22, data exception) is refused on every
        // retry too: fail the command instead of holding the inspection's workflow forever.
        if (sqlState(error)?.startsWith('22')) {
          throw ApplicationFailure.create({ type: EVENTS_NOT_STORABLE, message: `The events could not be stored: ${(error as Error).message}`, nonRetryable: true });
        }
        throw error;
      }
    },
  };
}

function sqlState(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: unknown } } | undefined)?.driverError;
  const code = driverError?.code ?? (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
