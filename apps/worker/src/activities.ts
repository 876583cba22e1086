import { ApplicationFailure } from '@temporalio/common';
import { ConcurrencyError, EventStore } from '@inspectorate/event-store';
import { Projector } from '@inspectorate/read-model';
import type { Activities, AppendOutcome, StreamAppendRequest } from '@inspectorate/workflows/activities';
import { STREAM_CONFLICT } from '@inspectorate/workflows/activities';

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
        throw error;
      }
    },
  };
}
