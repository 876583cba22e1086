import { DataSource, EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Actor, EventMetadata, RecordedEvent } from '@inspectorate/domain';
import { EventRecordEntity } from './event-record.entity';
import { eventHash } from './hash-chain';

export type StreamType = 'inspection' | 'campaign';

export interface NewEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly actor: Actor;
  readonly occurredAt: string;
  readonly metadata: EventMetadata;
}

export interface StreamAppend {
  readonly streamId: string;
  readonly streamType: StreamType;
  /** The stream's version before these events: 0 for a new stream. */
  readonly expectedVersion: number;
  readonly events: readonly NewEvent[];
}

export interface StoredEvent extends RecordedEvent {
  readonly position: number;
  readonly streamType: StreamType;
  readonly recordedAt: string;
  readonly hash: string;
  readonly prevHash: string | null;
}

export interface AppendResult {
  /** True when every stream already held exactly these events: a retried append, nothing written. */
  readonly alreadyAppended: boolean;
  readonly events: readonly StoredEvent[];
}

/** Someone else appended to the stream first; the caller's view of it is stale. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`Stream ${streamId} is at version ${actualVersion}, not ${expectedVersion} as expected.`);
    this.name = 'ConcurrencyError';
  }
}

/** Runs inside the append transaction, so projections commit (or fail) with the events. */
export type AppendListener = (manager: EntityManager, events: readonly StoredEvent[]) => Promise<void>;

/** A fixed advisory-lock key: one appender at a time keeps positions gap-free and the hash chain linear. */
const APPEND_LOCK_KEY = 4_242_001;

export class EventStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends events to one or more streams in one transaction. Each stream must be at its
   * expected version; an append retried with the same event ids is recognised and changes nothing.
   */
  async append(appends: readonly StreamAppend[], onAppended?: AppendListener): Promise<AppendResult> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
      const fresh: StreamAppend[] = [];
      const existing: StoredEvent[] = [];
      for (const append of appends) {
        const already = await this.alreadyAppended(manager, append);
        if (already) existing.push(...already);
        else fresh.push(append);
      }
      if (fresh.length === 0) return { alreadyAppended: true, events: existing };
      if (existing.length > 0) {
        throw new Error('Some streams of this append were already written and others were not; refusing a partial retry.');
      }

      const head = await manager.query('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1');
      let position = head.length > 0 ? Number(head[0].position) : 0;
      let prevHash: string | null = head.length > 0 ? head[0].hash : null;
      const recordedAt = new Date();
      const rows: EventRecordEntity[] = [];
      for (const append of fresh) {
        append.events.forEach((event, index) => {
          position += 1;
          const row: EventRecordEntity = {
            position,
            id: event.id,
            streamId: append.streamId,
            streamType: append.streamType,
            version: append.expectedVersion + index + 1,
            type: event.type,
            data: event.data,
            actor: event.actor,
            metadata: { ...event.metadata },
            occurredAt: new Date(event.occurredAt),
            recordedAt,
            prevHash,
            hash: '',
          };
          row.hash = eventHash(row, prevHash);
          prevHash = row.hash;
          rows.push(row);
        });
      }
      await manager.createQueryBuilder().insert().into(EventRecordEntity).values(rows as QueryDeepPartialEntity<EventRecordEntity>[]).execute();
      const stored = rows.map(toStoredEvent);
      if (onAppended) await onAppended(manager, stored);
      return { alreadyAppended: false, events: stored };
    });
  }

  private async alreadyAppended(manager: EntityManager, append: StreamAppend): Promise<StoredEvent[] | undefined> {
    const [{ version }] = await manager.query('SELECT coalesce(max(version), 0) AS version FROM events WHERE stream_id = $1', [append.streamId]);
    const actual = Number(version);
    if (actual === append.expectedVersion) return undefined;
    if (actual === append.expectedVersion + append.events.length) {
      const rows = await manager
        .getRepository(EventRecordEntity)
        .createQueryBuilder('e')
        .where('e.stream_id = :streamId AND e.version > :from', { streamId: append.streamId, from: append.expectedVersion })
        .orderBy('e.version')
        .getMany();
      if (rows.every((row, index) => row.id === append.events[index].id)) return rows.map(toStoredEvent);
    }
    throw new ConcurrencyError(append.streamId, append.expectedVersion, actual);
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    const rows = await this.dataSource.getRepository(EventRecordEntity).find({ where: { streamId }, order: { version: 'ASC' } });
    return rows.map(toStoredEvent);
  }

  /** Reads the whole log in position order, a page at a time; optionally only what occurred by `occurredUntil`. */
  async *readAll(options: { occurredUntil?: Date; pageSize?: number } = {}): AsyncGenerator<StoredEvent[]> {
    const pageSize = options.pageSize ?? 2000;
    let after = 0;
    for (;;) {
      const query = this.dataSource
        .getRepository(EventRecordEntity)
        .createQueryBuilder('e')
        .where('e.position > :after', { after })
        .orderBy('e.position')
        .limit(pageSize);
      if (options.occurredUntil) query.andWhere('e.occurred_at <= :until', { until: options.occurredUntil });
      const rows = await query.getMany();
      if (rows.length === 0) return;
      yield rows.map(toStoredEvent);
      after = rows[rows.length - 1].position;
      if (rows.length < pageSize) return;
    }
  }
}

export function toStoredEvent(row: EventRecordEntity): StoredEvent {
  return {
    position: row.position,
    id: row.id,
    streamId: row.streamId,
    streamType: row.streamType as StreamType,
    version: row.version,
    type: row.type,
    data: row.data,
    actor: row.actor as Actor,
    metadata: row.metadata as EventMetadata,
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    hash: row.hash,
    prevHash: row.prevHash,
  };
}
