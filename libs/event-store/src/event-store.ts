import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Actor, DomainEvent, EventMetadata, EventShape, EventToAppend, RecordedEvent } from '@inspectorate/domain';
import { ChainCheckpointEntity, CheckpointSigner } from './checkpoint';
import { EventRecordEntity } from './event-record.entity';
import { eventHash } from './hash-chain';

export type StreamType = 'inspection' | 'campaign';

/** An event to append: typed, so what the log holds is what the domain decided (`DomainEvent`). */
export type NewEvent<E extends EventShape = DomainEvent> = EventToAppend<E>;

/**
 * One stream's share of an append. Typed with the domain's events by default; the store itself
 * only needs a type and JSON data, so its own tests may append shapes no decider makes.
 */
export interface StreamAppend<E extends EventShape = DomainEvent> {
  readonly streamId: string;
  readonly streamType: StreamType;
  /** The stream's version before these events: 0 for a new stream. */
  readonly expectedVersion: number;
  readonly events: readonly NewEvent<E>[];
}

/**
 * An event as the log gives it back, with its type: readers narrow it by `type` (or with the
 * domain's `isInspectionEvent` / `isCampaignEvent`) and fold it without a cast.
 */
export type StoredEvent<E extends EventShape = DomainEvent> = RecordedEvent<E> & {
  readonly position: number;
  readonly streamType: StreamType;
  readonly recordedAt: string;
  readonly hash: string;
  readonly prevHash: string | null;
};

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
    /** NaN when only the database's unique index noticed the race. */
    readonly actualVersion: number,
  ) {
    super(
      Number.isNaN(actualVersion)
        ? `Stream ${streamId} has moved past version ${expectedVersion}: another append won the race.`
        : `Stream ${streamId} is at version ${actualVersion}, not ${expectedVersion} as expected.`,
    );
    this.name = 'ConcurrencyError';
  }
}

/** Runs inside the append transaction, so projections commit (or fail) with the events. */
export type AppendListener = (manager: EntityManager, events: readonly StoredEvent[]) => Promise<void>;

/** A fixed advisory-lock key: one appender at a time keeps positions gap-free and the hash chain linear. */
export const APPEND_LOCK_KEY = 4_242_001;

/**
 * Takes the event log's append lock for the rest of the caller's transaction: no event can be
 * appended until it commits or rolls back. Appends take it themselves; a projection rebuild takes
 * it so that no append projects into tables it is refilling.
 */
export async function lockEventLog(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
}

export interface EventStoreOptions {
  /**
   * Signs a checkpoint of the new head in every append's transaction (one small row), so that
   * removing the newest events or re-hashing the chain is detected (`verifyEventChain`). The
   * worker, the log's only writer, always has one; tools that only read do not need it.
   */
  readonly checkpoints?: CheckpointSigner;
}

export class EventStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: EventStoreOptions = {},
  ) {}

  /**
   * Appends events to one or more streams in one transaction. Each stream must be at its
   * expected version; an append retried with the same event ids is recognised and changes nothing.
   *
   * The transaction is READ COMMITTED whatever the server's default: every statement after the
   * lock must see what the previous lock holder committed (a snapshot taken before the lock was
   * granted would read a stale head and fork the chain).
   */
  async append<E extends EventShape = DomainEvent>(appends: readonly StreamAppend<E>[], onAppended?: AppendListener): Promise<AppendResult> {
    assertWellFormed(appends);
    try {
      return await this.dataSource.transaction('READ COMMITTED', async (manager) => {
        await lockEventLog(manager);
        const fresh: StreamAppend<E>[] = [];
        const existing: StoredEvent[] = [];
        // A stream with no events has nothing to write and nothing to recognise on a retry.
        for (const append of appends.filter((a) => a.events.length > 0)) {
          const already = await this.alreadyAppended(manager, append);
          if (already) existing.push(...already);
          else fresh.push(append);
        }
        if (fresh.length === 0) return { alreadyAppended: existing.length > 0, events: existing.sort((a, b) => a.position - b.position) };
        if (existing.length > 0) {
          throw new Error('Some streams of this append were already written and others were not; refusing a partial retry.');
        }

        const head: { position: string; hash: string; recorded_at: Date }[] = await manager.query(
          'SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1',
        );
        let position = head.length > 0 ? Number(head[0].position) : 0;
        let prevHash: string | null = head.length > 0 ? head[0].hash : null;
        // Strictly later than the previous append: recorded_at then orders appends like positions
        // do, and tells one append's events (which share it) from the next append's.
        const now = Date.now();
        const recordedAt = new Date(head.length > 0 ? Math.max(now, head[0].recorded_at.getTime() + 1) : now);
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
              // Hashed exactly as jsonb will give them back, so the verifier recomputes the same hash.
              data: asStoredJson(event.data, `data of event ${event.id}`),
              actor: asStoredJson(event.actor, `actor of event ${event.id}`),
              metadata: asStoredJson({ ...event.metadata }, `metadata of event ${event.id}`) as Record<string, unknown>,
              occurredAt: parseInstant(event.occurredAt, event.id),
              recordedAt,
              prevHash,
              hash: '',
            };
            row.hash = eventHash(row, prevHash);
            prevHash = row.hash;
            rows.push(row);
          });
        }
        if (rows.length > 0) {
          await manager.createQueryBuilder().insert().into(EventRecordEntity).values(rows as QueryDeepPartialEntity<EventRecordEntity>[]).execute();
          if (this.options.checkpoints) {
            const checkpoint = this.options.checkpoints.sign(rows[rows.length - 1], recordedAt);
            await manager.insert(ChainCheckpointEntity, { ...checkpoint, signedAt: recordedAt });
          }
        }
        const stored = rows.map(toStoredEvent);
        if (onAppended && stored.length > 0) await onAppended(manager, stored);
        return { alreadyAppended: false, events: stored };
      });
    } catch (error) {
      throw asConcurrencyError(error, appends) ?? error;
    }
  }

  /**
   * The stream's events of this append if they are already there (a retry), undefined if the
   * stream is where the caller expects it; otherwise the caller's view is stale.
   */
  private async alreadyAppended(manager: EntityManager, append: StreamAppend<EventShape>): Promise<StoredEvent[] | undefined> {
    const [{ version }] = await manager.query('SELECT coalesce(max(version), 0) AS version FROM events WHERE stream_id = $1', [append.streamId]);
    const actual = Number(version);
    if (actual === append.expectedVersion) return undefined;
    if (append.events.length > 0 && actual >= append.expectedVersion + append.events.length) {
      // A retry finds its own events at exactly the versions it asked for (later events by
      // others may follow them); anything else at those versions means someone else won.
      const rows = await manager
        .getRepository(EventRecordEntity)
        .createQueryBuilder('e')
        .where('e.stream_id = :streamId AND e.version > :from AND e.version <= :to', {
          streamId: append.streamId,
          from: append.expectedVersion,
          to: append.expectedVersion + append.events.length,
        })
        .orderBy('e.version')
        .getMany();
      if (rows.length === append.events.length && rows.every((row, index) => row.id === append.events[index].id)) return rows.map(toStoredEvent);
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

/**
 * A row as a typed event. The one place where the log's JSON becomes a `DomainEvent` again: only
 * typed appends (`NewEvent`) write to the log, so its rows hold exactly what they wrote.
 */
export function toStoredEvent(row: EventRecordEntity): StoredEvent {
  const stored = {
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
  return stored as StoredEvent;
}

/** Refuses appends the store cannot write consistently, before any I/O. */
function assertWellFormed(appends: readonly StreamAppend<EventShape>[]): void {
  const streams = new Set<string>();
  const ids = new Set<string>();
  for (const append of appends) {
    if (streams.has(append.streamId)) throw new Error(`Stream ${append.streamId} appears twice in one append; give it one entry with all its events.`);
    streams.add(append.streamId);
    if (!Number.isInteger(append.expectedVersion) || append.expectedVersion < 0) {
      throw new Error(`Expected version ${append.expectedVersion} of stream ${append.streamId} is not a version.`);
    }
    for (const event of append.events) {
      if (ids.has(event.id)) throw new Error(`Event ${event.id} appears twice in one append.`);
      ids.add(event.id);
    }
  }
}

/** The value as PostgreSQL's jsonb returns it: what JSON can say, nothing else (no Dates, no undefined). */
function asStoredJson(value: unknown, what: string): unknown {
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`The ${what} is not JSON.`);
  return JSON.parse(text);
}

function parseInstant(value: string, eventId: string): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new Error(`occurredAt "${value}" of event ${eventId} is not a date-time.`);
  return at;
}

/**
 * The unique (stream, version) index is the last line of defence against a lost race (the lock
 * makes it unreachable today): report it as the concurrency error it is, not as a crash.
 */
function asConcurrencyError(error: unknown, appends: readonly StreamAppend<EventShape>[]): ConcurrencyError | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string; detail?: string } | undefined;
  if (driverError?.code !== '23505' || driverError.constraint !== 'events_stream_version_key') return undefined;
  const append = appends.find((a) => driverError.detail?.includes(a.streamId)) ?? appends[0];
  return new ConcurrencyError(append.streamId, append.expectedVersion, Number.NaN);
}
