import { proxyActivities, uuid4, workflowInfo } from '@temporalio/workflow';
import { Actor, EventMetadata } from '@inspectorate/domain';
import type { Activities, EventToAppend, StreamAppendRequest } from '../activities';
import { EVENTS_NOT_STORABLE, STREAM_CONFLICT } from '../activities';

/**
 * The append activity. Retried without limit (a database outage delays a command, it does not
 * lose it); the append is idempotent, so a retry after a lost reply writes nothing twice.
 */
const { appendEvents } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds', nonRetryableErrorTypes: [STREAM_CONFLICT, EVENTS_NOT_STORABLE] },
});

export interface DecidedEvent {
  readonly type: string;
  readonly data: unknown;
}

/** Gives decided events their identity: a deterministic id, the time, the actor and where they came from. */
export function stamp(events: readonly DecidedEvent[], actor: Actor, occurredAt: Date, extra: Partial<EventMetadata> = {}): EventToAppend[] {
  const info = workflowInfo();
  const metadata: EventMetadata = { workflowId: info.workflowId, runId: info.runId, ...stripUndefined(extra) };
  return events.map((event) => ({ id: uuid4(), type: event.type, data: event.data, actor, occurredAt: occurredAt.toISOString(), metadata }));
}

export async function append(appends: readonly StreamAppendRequest[]): Promise<void> {
  await appendEvents(appends.filter((a) => a.events.length > 0));
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
