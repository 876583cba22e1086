import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INSECURE_DEFAULTS } from '@inspectorate/config';
import { ChainCheckpoint, CheckpointSigner, EventRecordEntity, eventHash, EventStore, StreamAppend, verifyEventChain } from '@inspectorate/event-store';
import { Projector } from '@inspectorate/read-model';
import { EXIT, runCli } from '../../apps/cli/src/main';
import { createTestDatabase, TestDatabase } from '../harness/database';
import { findingRecorded, plannedCampaign, visitStarted } from './fixtures';

/**
 * What the hash chain alone cannot prove, proven by checkpoints of its head signed with a key
 * the database does not hold: where the log ends, and that it was not rewritten and re-hashed.
 * The attacker here is the database's owner (a superuser may switch every trigger off).
 */
const signer = new CheckpointSigner(INSECURE_DEFAULTS.checkpointKey); // the key of APP_ENV=test
const projector = new Projector();

describe('signed checkpoints of the event log', () => {
  let db: TestDatabase;
  let inspectionId: string;
  const head = async () => Number((await db.sql<{ p: string }>('SELECT max(position) AS p FROM events'))[0].p);
  const verify = (exported: ChainCheckpoint[] = []) => verifyEventChain(db.dataSource, { signer, exported });
  const cli = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { APP_ENV: 'test', DATABASE_URL: db.url }, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  };

  beforeEach(async () => {
    db = await createTestDatabase(2);
    const store = new EventStore(db.dataSource, { checkpoints: signer });
    const append = (appends: StreamAppend[]) => store.append(appends, (m, e) => projector.project(m, e));
    const campaign = plannedCampaign();
    [inspectionId] = campaign.inspectionIds;
    await append(campaign.appends);
    await append([visitStarted(inspectionId, 1)]);
    for (let v = 2; v < 6; v++) await append([findingRecorded(inspectionId, v)]);
  });
  afterEach(async () => {
    await db?.drop();
  });

  /** Runs statements as the owner with the log's guards switched off, as only an owner can. */
  const behindTheTriggers = (statements: string) =>
    db.sql(`BEGIN;
      ALTER TABLE events DISABLE TRIGGER USER;
      ALTER TABLE chain_checkpoints DISABLE TRIGGER USER;
      ${statements};
      ALTER TABLE events ENABLE TRIGGER USER;
      ALTER TABLE chain_checkpoints ENABLE TRIGGER USER;
      COMMIT;`);

  it('signs the head in every append, and an untouched log matches its checkpoints', async () => {
    const last = await head();
    expect(last).toBe(7);
    expect(await verify()).toEqual({ intact: true, checked: 7, lastPosition: 7, checkpoints: { checked: 6, lastSignedPosition: 7 } });
  });

  it('detects the newest events removed, which the chain alone cannot', async () => {
    await behindTheTriggers('DELETE FROM events WHERE position > 5');
    expect(await verifyEventChain(db.dataSource)).toEqual({ intact: true, checked: 5, lastPosition: 5 });
    const result = await verify();
    expect(result).toMatchObject({ intact: false, lastPosition: 5, checkpoints: { lastSignedPosition: 5 } });
    expect(result.checkpoints!.problem).toEqual({ position: 6, reason: 'the log ends at position 5, but position 7 was signed: the newest events were removed' });
    expect(result.firstBrokenLink).toBeUndefined();
  });

  it('detects a rewrite re-hashed from the edited event to the head', async () => {
    const rows = await db.dataSource.getRepository(EventRecordEntity).find({ order: { position: 'ASC' } });
    const edited = rows.findIndex((r) => r.type === 'FindingRecorded');
    (rows[edited].data as { severity: string }).severity = 'minor';
    const updates: string[] = [];
    for (let i = edited; i < rows.length; i++) {
      rows[i].prevHash = rows[i - 1].hash;
      rows[i].hash = eventHash(rows[i], rows[i].prevHash);
      updates.push(`UPDATE events SET data = '${JSON.stringify(rows[i].data)}'::jsonb, prev_hash = '${rows[i].prevHash}', hash = '${rows[i].hash}' WHERE position = ${rows[i].position}`);
    }
    await behindTheTriggers(updates.join(';\n'));
    expect(await verifyEventChain(db.dataSource)).toMatchObject({ intact: true }); // a perfect forgery, as far as the chain goes
    const result = await verify();
    expect(result.intact).toBe(false);
    expect(result.checkpoints!.problem).toEqual({
      position: rows[edited].position,
      reason: expect.stringMatching(new RegExp(`^the event at position ${rows[edited].position} is not the one signed at .*: the log was rewritten$`)),
    });
  });

  it('detects checkpoints re-signed without the installation’s key', async () => {
    const forger = new CheckpointSigner('a key the attacker made up, 32 characters or more');
    const forged = forger.sign({ position: 7, hash: 'f'.repeat(64) });
    await behindTheTriggers(`UPDATE chain_checkpoints SET hash = '${forged.hash}', signature = '${forged.signature}', signed_at = '${forged.signedAt}' WHERE position = 7`);
    expect((await verify()).checkpoints!.problem).toEqual({ position: 7, reason: `the checkpoint of position 7 (${forged.signedAt}) does not carry this installation's signature` });
  });

  it('detects events appended by anything that does not hold the key', async () => {
    await new EventStore(db.dataSource).append([findingRecorded(inspectionId, 6)]);
    const result = await verify();
    expect(result).toMatchObject({ intact: false, checked: 8, lastPosition: 8 });
    expect(result.checkpoints!.problem).toEqual({ position: 8, reason: 'no signed checkpoint covers the events from position 8: they were not appended by this installation' });
  });

  it('export-checkpoints keeps the proof outside the database: removing events and their checkpoints is still caught', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'inspectorate-checkpoints-'));
    try {
      const file = path.join(folder, 'checkpoints.jsonl');
      const exported = await cli(['export-checkpoints', '--out', file]);
      expect(exported).toMatchObject({ code: EXIT.ok, err: ['exported 6 checkpoint(s), the newest of position 7 to ' + file] });

      await behindTheTriggers('DELETE FROM events WHERE position > 5; DELETE FROM chain_checkpoints WHERE position > 5');
      // The database alone now tells a consistent story …
      expect((await cli(['verify-chain'])).code).toBe(EXIT.ok);
      // … which the operator's copy contradicts.
      const checked = await cli(['verify-chain', '--checkpoints', file]);
      expect(checked.code).toBe(EXIT.failed);
      expect(JSON.parse(checked.out.join('\n'))).toMatchObject({ intact: false, lastPosition: 5, checkpoints: { problem: { position: 6 } } });
      expect(checked.err.join('\n')).toMatch(/does NOT match its signed checkpoints at position 6: the log ends at position 5, but position 7 was signed/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('export-checkpoints writes one signed JSON object a line to standard output', async () => {
    const run = await cli(['export-checkpoints']);
    expect(run.code).toBe(EXIT.ok);
    const lines = run.out.join('\n').split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.position)).toEqual([2, 3, 4, 5, 6, 7]);
    for (const line of lines) expect(signer.isGenuine(line)).toBe(true);
  });
});

describe('the log grows only at its head, even for the database owner', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase(2);
    await new EventStore(db.dataSource).append(plannedCampaign().appends);
  });
  afterEach(async () => {
    await db?.drop();
  });

  /** A copy of the head row, at the given position and link (the hash does not matter to the trigger). */
  const insertAfterHead = (position: string, prevHash: string) =>
    db.sql(`INSERT INTO events (position, id, stream_id, stream_type, version, type, data, actor, metadata, occurred_at, recorded_at, prev_hash, hash)
      SELECT ${position}, '${randomUUID()}', 'inspection-' || gen_random_uuid(), stream_type, 1, type, data, actor, metadata, occurred_at, recorded_at, ${prevHash}, hash
        FROM events ORDER BY position DESC LIMIT 1`);

  it('refuses a row that skips a position', async () => {
    await expect(insertAfterHead('position + 2', 'hash')).rejects.toThrow(/the event log grows only at its head: event .* at position 4 does not follow position 2/);
  });

  it('refuses a row before the first position', async () => {
    await expect(insertAfterHead('0', 'NULL')).rejects.toThrow(/grows only at its head/);
  });

  it('refuses a row that does not link to the head’s hash', async () => {
    await expect(insertAfterHead('position + 1', 'prev_hash')).rejects.toThrow(/grows only at its head/);
    await expect(insertAfterHead('position + 1', 'NULL')).rejects.toThrow(/grows only at its head/);
  });

  it('accepts the row that follows the head, which the chain then checks', async () => {
    await insertAfterHead('position + 1', 'hash');
    expect(await verifyEventChain(db.dataSource)).toMatchObject({ intact: false, firstBrokenLink: { position: 3, reason: 'its content does not match its hash' } });
  });
});
