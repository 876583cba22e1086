import { performance } from 'node:perf_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { EventRecordEntity, lockEventLog, StoredEvent, toStoredEvent } from '@inspectorate/event-store';
import { PROJECTION_TABLES } from './entities';
import { Projector } from './projector';

export type ProjectionTable = (typeof PROJECTION_TABLES)[number];

export interface RebuildOptions {
  /**
   * About how many events are projected per call (default 500): whole original appends are
   * added to a batch until it holds at least this many, so an append is never split.
   */
  readonly batchSize?: number;
  /** The projector to replay through (default: the one the worker uses). */
  readonly projector?: Projector;
}

export interface RebuildResult {
  /** Events replayed, in position order. */
  readonly events: number;
  /** Original appends replayed (consecutive events recorded at the same instant). */
  readonly appends: number;
  /** Projector calls: batches of whole appends. */
  readonly batches: number;
  /** Position of the last event replayed (0 for an empty log). */
  readonly lastPosition: number;
  /** Rows in each projection table after the rebuild. */
  readonly rows: Readonly<Record<ProjectionTable, number>>;
  readonly durationMs: number;
}

/**
 * Empties every projection table and replays the whole event log through the same `Projector`
 * the worker runs in each append, all in ONE transaction: readers keep seeing the old read model
 * (DELETE, not TRUNCATE, so they are not even blocked) until the new one commits whole, and a
 * failure leaves the old one untouched. The event log's append lock is held throughout, so no
 * append projects into a table half refilled; appends wait and then proceed.
 *
 * Events are projected in batches of whole appends: the events of one original append are
 * consecutive and share `recorded_at`, and a batch never splits them, so each append is folded as
 * it was when first written. Rows are upserted once per stream per batch and a campaign's status
 * derived once per batch instead of once per append; it is derived from the projected tables, so
 * the result is the same (the e2e test compares every row).
 *
 * Not touched: `events`, and what is not derived from events (notification_reads, users, units,
 * attachments, idempotency_records).
 */
export async function rebuildProjections(dataSource: DataSource, options: RebuildOptions = {}): Promise<RebuildResult> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, not ${batchSize}`);
  const projector = options.projector ?? new Projector();
  const started = performance.now();

  return dataSource.transaction('READ COMMITTED', async (manager) => {
    await lockEventLog(manager);
    for (const table of PROJECTION_TABLES) await manager.query(`DELETE FROM ${table}`);

    let events = 0;
    let appends = 0;
    let batches = 0;
    let lastPosition = 0;
    let pending: StoredEvent[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      await projector.project(manager, pending);
      batches += 1;
      pending = [];
    };

    for await (const page of readLog(manager, batchSize)) {
      for (const event of page) {
        const previous = pending.at(-1);
        const newAppend = !previous || !sameAppend(previous, event);
        if (newAppend && pending.length >= batchSize) await flush();
        if (newAppend) appends += 1;
        pending.push(event);
        events += 1;
        lastPosition = event.position;
      }
    }
    await flush();

    const rows = {} as Record<ProjectionTable, number>;
    for (const table of PROJECTION_TABLES) {
      const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM ${table}`);
      rows[table] = n;
    }
    return { events, appends, batches, lastPosition, rows, durationMs: Math.round(performance.now() - started) };
  });
}

/** One append's events are consecutive in the log and were recorded at the same instant. */
function sameAppend(previous: StoredEvent, next: StoredEvent): boolean {
  return next.position === previous.position + 1 && next.recordedAt === previous.recordedAt;
}

/** The whole log in position order, a page at a time, read inside the rebuild's transaction. */
async function* readLog(manager: EntityManager, pageSize: number): AsyncGenerator<StoredEvent[]> {
  let after = 0;
  for (;;) {
    const rows = await manager
      .getRepository(EventRecordEntity)
      .createQueryBuilder('e')
      .where('e.position > :after', { after })
      .orderBy('e.position')
      .limit(pageSize)
      .getMany();
    if (rows.length === 0) return;
    yield rows.map(toStoredEvent);
    after = rows[rows.length - 1].position;
    if (rows.length < pageSize) return;
  }
}
