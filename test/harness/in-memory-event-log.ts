import { ApplicationFailure } from '@temporalio/common';
import type { EventToAppend } from '@inspectorate/domain';
import type { Activities, AppendOutcome, StreamAppendRequest } from '@inspectorate/workflow-contract';
import { STREAM_CONFLICT } from '@inspectorate/workflow-contract';

export type LoggedEvent = EventToAppend & {
  readonly streamId: string;
  /** 1-based, per stream (the workflows' `version` after this event). */
  readonly version: number;
  /** 1-based, across the whole log. */
  readonly position: number;
};

/**
 * A stand-in for the worker's one activity (append + project, apps/worker/src/activities.ts),
 * keeping the log in memory, for workflow tests that run one workflow on the real Temporal
 * server. It keeps the contract the workflows rely on: all-or-nothing appends of several
 * streams, expected versions (a stale one is the non-retryable STREAM_CONFLICT), and a retry of
 * an append that already happened is a no-op. Knobs make an append slow or fail, so races and
 * retries can be arranged.
 */
export class InMemoryEventLog {
  private readonly events: LoggedEvent[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly startWaiters = new Set<(streams: string[]) => void>();
  /** Every call of the activity, in order, with what became of it. */
  readonly calls: { streams: string[]; outcome: 'appended' | 'already appended' | 'conflict' | 'failed' }[] = [];
  /** Milliseconds each append waits before it writes (widens race windows). */
  appendDelayMs = 0;
  private failuresToInject = 0;

  /** The next `count` calls fail as a database outage would (Temporal retries them). */
  failNextAppends(count: number): void {
    this.failuresToInject = count;
  }

  readonly activities: Activities = {
    appendEvents: async (appends: readonly StreamAppendRequest[]): Promise<AppendOutcome> => {
      const streams = appends.map((a) => a.streamId);
      for (const started of [...this.startWaiters]) started(streams);
      if (this.appendDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.appendDelayMs));
      if (this.failuresToInject > 0) {
        this.failuresToInject -= 1;
        this.calls.push({ streams, outcome: 'failed' });
        throw new Error('stand-in outage: the database is unreachable');
      }
      const known = new Set(this.events.map((e) => e.id));
      const ids = appends.flatMap((a) => a.events.map((e) => e.id));
      if (ids.length > 0 && ids.every((id) => known.has(id))) {
        this.calls.push({ streams, outcome: 'already appended' });
        return { alreadyAppended: true, lastPosition: this.events.length };
      }
      for (const append of appends) {
        const current = this.version(append.streamId);
        if (current !== append.expectedVersion) {
          this.calls.push({ streams, outcome: 'conflict' });
          throw ApplicationFailure.create({
            type: STREAM_CONFLICT,
            message: `Stream ${append.streamId} is at version ${current}, expected ${append.expectedVersion}`,
            nonRetryable: true,
          });
        }
      }
      for (const append of appends) {
        let version = append.expectedVersion;
        for (const event of append.events) {
          version += 1;
          this.events.push({ ...event, streamId: append.streamId, version, position: this.events.length + 1 });
        }
      }
      this.calls.push({ streams, outcome: 'appended' });
      for (const wake of [...this.waiters]) wake();
      return { alreadyAppended: false, lastPosition: this.events.length };
    },
  };

  version(streamId: string): number {
    return this.stream(streamId).length;
  }

  stream(streamId: string): LoggedEvent[] {
    return this.events.filter((e) => e.streamId === streamId);
  }

  types(streamId: string): string[] {
    return this.stream(streamId).map((e) => e.type);
  }

  /** Resolves once an append to the stream has begun (before its delay): the workflow holds its lock. */
  appendStarted(streamId: string): Promise<void> {
    return new Promise((resolve) => {
      const started = (streams: string[]) => {
        if (!streams.includes(streamId)) return;
        this.startWaiters.delete(started);
        resolve();
      };
      this.startWaiters.add(started);
    });
  }

  /** Resolves once the stream satisfies `check` (timers fire on their own), or fails after `timeoutMs`. */
  async waitFor(streamId: string, check: (events: LoggedEvent[]) => boolean, timeoutMs = 15_000): Promise<LoggedEvent[]> {
    if (check(this.stream(streamId))) return this.stream(streamId);
    return new Promise((resolve, reject) => {
      const wake = () => {
        if (!check(this.stream(streamId))) return;
        cleanup();
        resolve(this.stream(streamId));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`stream ${streamId} did not reach the expected state within ${timeoutMs} ms; it has ${this.types(streamId).join(', ')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      this.waiters.add(wake);
    });
  }
}
