/**
 * Benchmark-only workflow (bundled by bench/experiments/append-paths.ts, never by the product):
 * the product's append step behind a Temporal Update, three ways, to measure what the activity
 * hop costs. `none` returns at once (the Update round trip alone); `activity` awaits the append
 * as a regular activity, as workflows/src/support/event-log.ts does; `local-activity` awaits the
 * same activity function as a local activity, run by the worker inside the same workflow task.
 */
import {
  condition,
  defineSignal,
  defineUpdate,
  proxyActivities,
  proxyLocalActivities,
  RetryPolicy,
  setHandler,
} from '@temporalio/workflow';
import type { Activities, StreamAppendRequest } from '@inspectorate/workflow-contract';

export type AppendPath = 'none' | 'activity' | 'local-activity';

export const appendUpdate = defineUpdate<number, [AppendPath, StreamAppendRequest[]]>('benchAppend');
export const stopSignal = defineSignal('benchStop');

// The same options as the product's append (workflows/src/support/event-log.ts).
const retry: RetryPolicy = {
  initialInterval: '500 milliseconds',
  backoffCoefficient: 2,
  maximumInterval: '30 seconds',
  nonRetryableErrorTypes: ['StreamConflict'],
};
const regular = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });
const local = proxyLocalActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });

export async function appendPathsWorkflow(): Promise<number> {
  let appended = 0;
  let stopped = false;
  setHandler(appendUpdate, async (path, appends) => {
    if (path === 'activity') await regular.appendEvents(appends);
    if (path === 'local-activity') await local.appendEvents(appends);
    appended += 1;
    return appended;
  });
  setHandler(stopSignal, () => {
    stopped = true;
  });
  await condition(() => stopped);
  return appended;
}
