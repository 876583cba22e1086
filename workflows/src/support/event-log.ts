import { patched, proxyActivities, proxyLocalActivities, RetryPolicy, uuid4, workflowInfo } from '@temporalio/workflow';
import { Actor, EventMetadata, EventShape, EventToAppend } from '@inspectorate/domain';
import { Activities, EVENTS_NOT_STORABLE, STREAM_CONFLICT, StreamAppendRequest } from '@inspectorate/workflow-contract';

const RETRY: RetryPolicy = {
  initialInterval: '500 milliseconds',
  backoffCoefficient: 2,
  maximumInterval: '30 seconds',
  nonRetryableErrorTypes: [STREAM_CONFLICT, EVENTS_NOT_STORABLE],
};

/**
 * The append, retried without limit (a database outage delays a command, it does not lose it);
 * it is idempotent, so a retry after a lost reply writes nothing twice. It runs as a *local*
 * activity, in the worker that runs the workflow: no hand-off through the task queue and no
 * second workflow task, which halves a command's latency (bench/README.md). Workflows that
 * started with the regular activity keep it (see `append` below).
 */
const local = proxyLocalActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: RETRY });
const remote = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: RETRY });

/** The patch that moved the append to a local activity; histories recorded before it replay the old path. */
export const APPEND_AS_LOCAL_ACTIVITY = 'append-as-local-activity';

/**
 * Gives decided events their identity: a deterministic id, the time, the actor and where they
 * came from. Each keeps its type (an inspection's events stay inspection events), so the workflow
 * folds what it appends without a cast.
 */
export function stamp<E extends EventShape>(events: readonly E[], actor: Actor, occurredAt: Date, extra: Partial<EventMetadata> = {}): EventToAppend<E>[] {
  const info = workflowInfo();
  const metadata: EventMetadata = { workflowId: info.workflowId, runId: info.runId, ...stripUndefined(extra) };
  // Decided events are `{ type, data }`, so the spread copies exactly those two.
  return events.map((event) => ({ id: uuid4(), ...event, actor, occurredAt: occurredAt.toISOString(), metadata }));
}

export async function append(appends: readonly StreamAppendRequest[]): Promise<void> {
  const requests = appends.filter((a) => a.events.length > 0);
  if (patched(APPEND_AS_LOCAL_ACTIVITY)) await local.appendEvents(requests);
  else await remote.appendEvents(requests);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
