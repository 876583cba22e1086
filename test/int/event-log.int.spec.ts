import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { APPEND_LOCK_KEY, ConcurrencyError, EventRecordEntity, eventHash, EventStore, StreamAppend, verifyEventChain } from '@inspectorate/event-store';
import { EventShape, streamIds } from '@inspectorate/domain';
import { Projector } from '@inspectorate/read-model';
import { createTestDatabase, TestDatabase } from '../harness/database';
import { findingRecorded, plannedCampaign, visitStarted } from './fixtures';

/**
 * The event log's guarantees, against the real PostgreSQL (no API, no Temporal): optimistic
 * concurrency under real races, idempotent retries, append-only enforced by the database,
 * atomic multi-stream appends, and a hash chain that names the first broken link.
 */
const projector = new Projector();
const project = (store: EventStore, appends: readonly StreamAppend[]) => store.append(appends, (manager, events) => projector.project(manager, events));

async function count(db: TestDatabase, table: string): Promise<number> {
  const [row] = await db.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(row.n);
}

/** Positions 1..n without a gap, and each stream's versions 1..k without a gap or a duplicate. */
async function expectWellFormedLog(db: TestDatabase): Promise<void> {
  const rows = await db.sql<{ position: string; stream_id: string; version: number }>('SELECT position, stream_id, version FROM events ORDER BY position');
  expect(rows.map((r) => Number(r.position))).toEqual(rows.map((_, i) => i + 1));
  const versions = new Map<string, number[]>();
  for (const row of rows) versions.set(row.stream_id, [...(versions.get(row.stream_id) ?? []), row.version]);
  for (const list of versions.values()) expect(list).toEqual(list.map((_, i) => i + 1));
  expect(await verifyEventChain(db.dataSource)).toMatchObject({ intact: true, checked: rows.length });
}

/** Polls pg_locks until `n` sessions wait for the append lock. */
async function waitForLockWaiters(db: TestDatabase, n: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [row] = await db.sql<{ n: string }>(
      `SELECT count(*) AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.objid = $1 AND NOT l.granted AND a.datname = current_database()`,
      [APPEND_LOCK_KEY],
    );
    if (Number(row.n) >= n) return;
    if (Date.now() > deadline) throw new Error(`only ${row.n} of ${n} appenders reached the lock`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Holds the append lock on its own connection until released: appenders pile up behind it, then race. */
async function holdAppendLock(url: string): Promise<{ release(): Promise<void> }> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
  return {
    async release() {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

/** Changes a row behind the triggers' back, as a database owner could: the only way to edit the log. */
async function tamper(db: TestDatabase, statement: string): Promise<void> {
  await db.sql(`BEGIN;
    ALTER TABLE events DISABLE TRIGGER events_no_update_delete;
    ${statement};
    ALTER TABLE events ENABLE TRIGGER events_no_update_delete;
    COMMIT;`);
}

describe('the event log, against PostgreSQL', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeEach(async () => {
    db = await createTestDatabase();
    store = new EventStore(db.dataSource);
  });
  afterEach(async () => {
    await db?.drop();
  });

  describe('concurrent appends to one stream', () => {
    it('lets exactly one of two appends at the same expected version win, the other gets a ConcurrencyError', async () => {
      const campaign = plannedCampaign();
      await project(store, campaign.appends);
      const [inspectionId] = campaign.inspectionIds;

      // Two processes, two pools, two connections; both queue behind the lock, then race.
      const [poolA, poolB] = [await db.connect(2), await db.connect(2)];
      const gate = await holdAppendLock(db.url);
      const racers = [findingRecorded(inspectionId, 1, 'racer A'), findingRecorded(inspectionId, 1, 'racer B')];
      const outcomes = Promise.allSettled([project(new EventStore(poolA), [racers[0]]), project(new EventStore(poolB), [racers[1]])]);
      await waitForLockWaiters(db, 2);
      await gate.release();
      const [a, b] = await outcomes;

      const won = [a, b].filter((o) => o.status === 'fulfilled');
      const lost = [a, b].filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toBeInstanceOf(ConcurrencyError);
      expect(lost[0].reason).toMatchObject({ streamId: streamIds.inspection(inspectionId), expectedVersion: 1, actualVersion: 2 });

      await expectWellFormedLog(db);
      const winner = racers[a.status === 'fulfilled' ? 0 : 1];
      const stream = await store.readStream(streamIds.inspection(inspectionId));
      expect(stream.map((e) => e.version)).toEqual([1, 2]);
      expect(stream[1].id).toBe(winner.events[0].id);
      // The loser's projection rolled back with its events: one finding, at version 2.
      expect(await count(db, 'findings')).toBe(1);
      const [row] = await db.sql<{ version: number; findings_count: number }>('SELECT version, findings_count FROM inspections WHERE id = $1', [inspectionId]);
      expect(row).toEqual({ version: 2, findings_count: 1 });
    });

    it('keeps positions gap-free, versions contiguous and the chain intact under many racing writers', async () => {
      const campaign = plannedCampaign([randomUnit(), randomUnit(), randomUnit()]);
      await project(store, campaign.appends);
      const pools: DataSource[] = [];
      for (let i = 0; i < 6; i++) pools.push(await db.connect(2));

      let conflicts = 0;
      const writer = async (pool: DataSource, rounds: number) => {
        const writerStore = new EventStore(pool);
        for (let round = 0; round < rounds; round++) {
          const inspectionId = campaign.inspectionIds[round % campaign.inspectionIds.length];
          for (;;) {
            const stream = await writerStore.readStream(streamIds.inspection(inspectionId));
            try {
              await project(writerStore, [findingRecorded(inspectionId, stream.length)]);
              break;
            } catch (error) {
              if (!(error instanceof ConcurrencyError)) throw error;
              conflicts += 1;
            }
          }
        }
      };
      await Promise.all(pools.map((pool) => writer(pool, 8)));

      await expectWellFormedLog(db);
      expect(await count(db, 'events')).toBe(campaign.appends.length + pools.length * 8);
      expect(await count(db, 'findings')).toBe(pools.length * 8);
      expect(conflicts).toBeGreaterThan(0); // the writers did collide
    });

    it('still serialises appends when the server defaults to REPEATABLE READ (the lock must come before the snapshot)', async () => {
      await db.sql(`ALTER DATABASE ${db.name} SET default_transaction_isolation = 'repeatable read'`);
      const campaign = plannedCampaign();
      const strict = await db.connect(4);
      const [isolation] = await strict.query('SHOW default_transaction_isolation');
      expect(isolation.default_transaction_isolation).toBe('repeatable read');

      const strictStore = new EventStore(strict);
      await project(strictStore, campaign.appends);
      const gate = await holdAppendLock(db.url);
      const [inspectionId] = campaign.inspectionIds;
      // Different streams, so both must succeed: each must read the head the other committed.
      const other = plannedCampaign();
      const both = Promise.all([project(strictStore, [visitStarted(inspectionId, 1)]), project(strictStore, other.appends)]);
      await waitForLockWaiters(db, 2);
      await gate.release();
      await both;
      await expectWellFormedLog(db);
    });
  });

  describe('a retried append', () => {
    it('succeeds without writing anything twice or projecting twice', async () => {
      const campaign = plannedCampaign([randomUnit(), randomUnit()]);
      const first = await project(store, campaign.appends);
      expect(first.alreadyAppended).toBe(false);
      const start = visitStarted(campaign.inspectionIds[0], 1);
      await project(store, [start]);
      const before = await snapshotCounts(db);
      expect(before.notifications).toBe(1); // VisitStarted tells the unit head

      let projected = 0;
      const retry = await store.append([start], async (manager, events) => {
        projected += 1;
        await projector.project(manager, events);
      });
      expect(retry.alreadyAppended).toBe(true);
      expect(retry.events.map((e) => e.id)).toEqual(start.events.map((e) => e.id));
      expect(projected).toBe(0);

      // The multi-stream append of the campaign, retried as a whole, is recognised too.
      const retriedCampaign = await project(store, campaign.appends);
      expect(retriedCampaign.alreadyAppended).toBe(true);
      expect(retriedCampaign.events.map((e) => e.position)).toEqual(first.events.map((e) => e.position));

      expect(await snapshotCounts(db)).toEqual(before);
      await expectWellFormedLog(db);
    });

    it('is still recognised after later events followed it on the same stream', async () => {
      const campaign = plannedCampaign();
      const [inspectionId] = campaign.inspectionIds;
      await project(store, campaign.appends);
      const start = visitStarted(inspectionId, 1);
      await project(store, [start]);
      await project(store, [findingRecorded(inspectionId, 2)]);
      const retry = await project(store, [start]);
      expect(retry.alreadyAppended).toBe(true);
      expect(retry.events[0]).toMatchObject({ id: start.events[0].id, version: 2 });
      expect(await count(db, 'events')).toBe(4);
    });

    it('ignores a stream given no events, also in a retry', async () => {
      const campaign = plannedCampaign();
      await project(store, campaign.appends);
      const start = visitStarted(campaign.inspectionIds[0], 1);
      const nothing: StreamAppend = { streamId: 'campaign-nothing', streamType: 'campaign', expectedVersion: 0, events: [] };
      expect((await project(store, [start, nothing])).alreadyAppended).toBe(false);
      expect((await project(store, [start, nothing])).alreadyAppended).toBe(true);
      expect(await project(store, [nothing])).toEqual({ alreadyAppended: false, events: [] });
      expect(await count(db, 'events')).toBe(3);
    });

    it('is a conflict, not a retry, when other events hold those versions', async () => {
      const campaign = plannedCampaign();
      const [inspectionId] = campaign.inspectionIds;
      await project(store, campaign.appends);
      await project(store, [visitStarted(inspectionId, 1)]);
      await expect(project(store, [visitStarted(inspectionId, 1)])).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await count(db, 'events')).toBe(3);
    });

    it('refuses a half-retry (one stream already written, another new) and writes nothing', async () => {
      const campaign = plannedCampaign();
      const [inspectionId] = campaign.inspectionIds;
      await project(store, campaign.appends);
      const start = visitStarted(inspectionId, 1);
      await project(store, [start]);
      const other = plannedCampaign();
      await expect(project(store, [start, ...other.appends])).rejects.toThrow(/partial retry/);
      expect(await count(db, 'events')).toBe(3);
    });
  });

  describe('append-only, enforced by the database itself', () => {
    beforeEach(async () => {
      await project(store, plannedCampaign().appends);
    });

    it.each([
      ['UPDATE', `UPDATE events SET type = 'Forged' WHERE position = 1`],
      ['UPDATE', `INSERT INTO events SELECT * FROM events WHERE position = 1 ON CONFLICT (position) DO UPDATE SET data = '{}'`],
      ['DELETE', 'DELETE FROM events WHERE position = 1'],
      ['DELETE', 'DELETE FROM events'],
      ['TRUNCATE', 'TRUNCATE events'],
      ['TRUNCATE', 'TRUNCATE events CASCADE'],
    ])('refuses %s: %s', async (operation, statement) => {
      const error = await db.sql(statement).then(
        () => undefined,
        (e: { code?: string; message: string }) => e,
      );
      expect(error?.message).toBe(`the event log is append-only: ${operation} refused on events`);
      expect(error?.code).toBe('42501');
      expect(await count(db, 'events')).toBe(2);
      await expectWellFormedLog(db);
    });

    it('refuses an update through TypeORM as well', async () => {
      await expect(db.dataSource.query(`UPDATE events SET data = '{}'::jsonb`)).rejects.toThrow(/append-only: UPDATE refused/);
      expect(await verifyEventChain(db.dataSource)).toMatchObject({ intact: true, checked: 2 });
    });
  });

  describe('the hash chain', () => {
    /** Six events at positions 1..6: the campaign (1, 2), then four on the inspection (3..6). */
    async function sixEvents(): Promise<string> {
      const campaign = plannedCampaign();
      const [inspectionId] = campaign.inspectionIds;
      await project(store, campaign.appends);
      await project(store, [visitStarted(inspectionId, 1)]);
      for (let version = 2; version <= 4; version++) await project(store, [findingRecorded(inspectionId, version)]);
      return inspectionId;
    }
    const idAt = async (position: number) => (await db.sql<{ id: string }>('SELECT id FROM events WHERE position = $1', [position]))[0].id;

    it('is intact after ordinary appends, also when read a page at a time', async () => {
      await sixEvents();
      expect(await verifyEventChain(db.dataSource)).toEqual({ intact: true, checked: 6, lastPosition: 6 });
      expect(await verifyEventChain(db.dataSource, 2)).toEqual({ intact: true, checked: 6, lastPosition: 6 });
      const empty = await createTestDatabase(1);
      try {
        expect(await verifyEventChain(empty.dataSource)).toEqual({ intact: true, checked: 0, lastPosition: 0 });
      } finally {
        await empty.drop();
      }
    });

    it('names the first tampered row: its position, its id and why', async () => {
      await sixEvents();
      await tamper(db, `UPDATE events SET data = jsonb_set(data, '{description}', '"Không có vi phạm."') WHERE position = 4`);
      const result = await verifyEventChain(db.dataSource, 2);
      expect(result).toEqual({
        intact: false,
        checked: 3,
        lastPosition: 3,
        firstBrokenLink: { position: 4, eventId: await idAt(4), reason: 'its content does not match its hash' },
      });
    });

    it('finds a forged row whose hash was recomputed: the next link no longer matches', async () => {
      await sixEvents();
      // Rewrite row 4 and give it a hash that matches its new content: row 5 still points at the old one.
      const row = await db.dataSource.getRepository(EventRecordEntity).findOneByOrFail({ position: 4 });
      const forgedData = { ...(row.data as object), severity: 'minor' };
      const forgedHash = eventHash({ ...row, data: forgedData }, row.prevHash);
      await tamper(db, `UPDATE events SET data = '${JSON.stringify(forgedData)}'::jsonb, hash = '${forgedHash}' WHERE position = 4`);
      const result = await verifyEventChain(db.dataSource);
      expect(result.intact).toBe(false);
      expect(result.firstBrokenLink).toEqual({ position: 5, eventId: await idAt(5), reason: 'its link to the previous event does not match that event' });
      expect(result.lastPosition).toBe(4);
    });

    it('finds a deleted middle row: a gap, named by the row after it', async () => {
      await sixEvents();
      const fourth = await idAt(4);
      await tamper(db, 'DELETE FROM events WHERE position = 3');
      const result = await verifyEventChain(db.dataSource);
      expect(result).toEqual({
        intact: false,
        checked: 2,
        lastPosition: 2,
        firstBrokenLink: { position: 4, eventId: fourth, reason: 'position 3 is missing' },
      });
    });

    it('finds a deleted first row', async () => {
      await sixEvents();
      await tamper(db, 'DELETE FROM events WHERE position = 1');
      const result = await verifyEventChain(db.dataSource);
      expect(result.firstBrokenLink).toEqual({ position: 2, eventId: await idAt(2), reason: 'position 1 is missing' });
    });

    it('hashes exactly what jsonb gives back: Dates, undefined fields, key order, numbers and Vietnamese text', async () => {
      const campaign = plannedCampaign();
      await project(store, campaign.appends);
      // The store only needs a type and JSON data: an event no decider makes tests its JSON handling.
      const awkward: StreamAppend<EventShape> = {
        streamId: 'inspection-awkward',
        streamType: 'inspection',
        expectedVersion: 0,
        events: [
          {
            id: '8f8b8f4e-0d0e-4c1a-9a43-4f5c7a1e0b11',
            type: 'Awkward',
            data: { z: 1, a: { y: [1, undefined, 2.5], x: 'Biên bản ghi nhận — “tại chỗ”' }, at: new Date('2026-03-02T01:02:03.004Z'), big: 1e21, tiny: 5e-7, skipped: undefined },
            actor: { kind: 'system' },
            occurredAt: '2026-03-02T08:02:03.004+07:00',
            metadata: { correlationId: undefined, backfilled: true },
          },
        ],
      };
      await store.append([awkward]);
      expect(await verifyEventChain(db.dataSource)).toEqual({ intact: true, checked: 3, lastPosition: 3 });
      const [stored] = await store.readStream('inspection-awkward');
      expect(stored.data).toEqual({ z: 1, a: { y: [1, null, 2.5], x: 'Biên bản ghi nhận — “tại chỗ”' }, at: '2026-03-02T01:02:03.004Z', big: 1e21, tiny: 5e-7 });
      expect(stored.occurredAt).toBe('2026-03-02T01:02:03.004Z');
    });

    it('records each append strictly later than the one before, its events sharing one instant', async () => {
      await sixEvents();
      const rows = await db.sql<{ position: string; recorded_at: Date }>('SELECT position, recorded_at FROM events ORDER BY position');
      const at = rows.map((r) => r.recorded_at.getTime());
      expect(at[0]).toBe(at[1]); // the campaign and its inspection: one append
      for (let i = 2; i < at.length; i++) expect(at[i]).toBeGreaterThan(at[i - 1]);
    });
  });

  describe('an append across several streams is atomic', () => {
    it('rolls back every stream when the projector fails', async () => {
      const campaign = plannedCampaign([randomUnit(), randomUnit()]);
      // The second inspection's stream starts with VisitStarted: the projector refuses it.
      const broken = [...campaign.appends.slice(0, 2), visitStarted(campaign.inspectionIds[1], 0)];
      await expect(project(store, broken)).rejects.toThrow(/cannot be the first event of an inspection/);
      expect(await snapshotCounts(db)).toEqual({ events: 0, campaigns: 0, inspections: 0, findings: 0, notifications: 0 });

      // The log is untouched: the next append starts the chain at position 1.
      const ok = await project(store, campaign.appends);
      expect(ok.events[0].position).toBe(1);
      await expectWellFormedLog(db);
    });

    it('rolls back every stream when a listener throws after the insert', async () => {
      const campaign = plannedCampaign([randomUnit(), randomUnit()]);
      await expect(
        store.append(campaign.appends, async (manager, events) => {
          await projector.project(manager, events);
          throw new Error('listener failed');
        }),
      ).rejects.toThrow('listener failed');
      expect(await count(db, 'events')).toBe(0);
      expect(await count(db, 'inspections')).toBe(0);
    });

    it('writes nothing when one stream of the call is at the wrong version', async () => {
      const campaign = plannedCampaign();
      await project(store, campaign.appends);
      const other = plannedCampaign();
      const stale = visitStarted(campaign.inspectionIds[0], 0);
      await expect(project(store, [...other.appends, stale])).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await count(db, 'events')).toBe(2);
      expect(await count(db, 'campaigns')).toBe(1);
    });
  });
});

function randomUnit(): string {
  return randomUUID();
}

async function snapshotCounts(db: TestDatabase) {
  const tables = ['events', 'campaigns', 'inspections', 'findings', 'notifications'] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await count(db, table);
  return counts;
}
