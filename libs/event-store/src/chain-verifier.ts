import { DataSource } from 'typeorm';
import { ChainCheckpoint, ChainCheckpointEntity, CheckpointSigner, toCheckpoint } from './checkpoint';
import { EventRecordEntity } from './event-record.entity';
import { eventHash } from './hash-chain';

export interface CheckpointVerification {
  /** Signed checkpoints found genuine and matching the log. */
  readonly checked: number;
  /** The newest position a genuine checkpoint vouches for (0 if none). */
  readonly lastSignedPosition: number;
  /** The first checkpoint the log contradicts, or the unsigned end of the log. */
  readonly problem?: { readonly position: number; readonly reason: string };
}

export interface ChainVerification {
  readonly intact: boolean;
  readonly checked: number;
  readonly lastPosition: number;
  readonly firstBrokenLink?: { readonly position: number; readonly eventId: string; readonly reason: string };
  /** Present when checked against signed checkpoints. */
  readonly checkpoints?: CheckpointVerification;
}

export interface ChainVerificationOptions {
  readonly pageSize?: number;
  /**
   * Checks the log against its signed checkpoints too: each must carry this key's signature and
   * match the event at its position, none may lie beyond the end of the log, and the head must
   * be signed. Catches what the chain alone cannot: removed newest events, a re-hashed rewrite,
   * events written by anything but the installation's worker.
   */
  readonly signer?: CheckpointSigner;
  /** Checkpoints kept outside the database (an operator's `export-checkpoints`), checked like the table's. */
  readonly exported?: readonly ChainCheckpoint[];
}

/**
 * Walks the event log in order and recomputes every hash. Names the first broken link: a row
 * whose content no longer matches its hash, whose link to the previous row is wrong, or a gap.
 */
export async function verifyEventChain(dataSource: DataSource, options: ChainVerificationOptions | number = {}): Promise<ChainVerification> {
  const { pageSize = 2000, signer, exported = [] } = typeof options === 'number' ? { pageSize: options } : options;
  const checkpoints = signer ? new CheckpointCheck(signer, [...(await storedCheckpoints(dataSource)), ...exported]) : undefined;
  let checked = 0;
  let expectedPosition = 1;
  let prevHash: string | null = null;
  for (;;) {
    const rows = await dataSource
      .getRepository(EventRecordEntity)
      .createQueryBuilder('e')
      .where('e.position >= :from', { from: expectedPosition })
      .orderBy('e.position')
      .limit(pageSize)
      .getMany();
    for (const row of rows) {
      const broken = (reason: string): ChainVerification => ({
        intact: false,
        checked,
        lastPosition: expectedPosition - 1,
        firstBrokenLink: { position: row.position, eventId: row.id, reason },
        ...(checkpoints ? { checkpoints: checkpoints.result(expectedPosition - 1, false) } : {}),
      });
      if (row.position !== expectedPosition) return broken(`position ${expectedPosition} is missing`);
      if (row.prevHash !== prevHash) return broken('its link to the previous event does not match that event');
      if (eventHash(row, prevHash) !== row.hash) return broken('its content does not match its hash');
      checkpoints?.compare(row.position, row.hash);
      prevHash = row.hash;
      expectedPosition += 1;
      checked += 1;
    }
    if (rows.length < pageSize) {
      const lastPosition = expectedPosition - 1;
      if (!checkpoints) return { intact: true, checked, lastPosition };
      const verdict = checkpoints.result(lastPosition, true);
      return { intact: verdict.problem === undefined, checked, lastPosition, checkpoints: verdict };
    }
  }
}

async function storedCheckpoints(dataSource: DataSource): Promise<ChainCheckpoint[]> {
  const rows = await dataSource.getRepository(ChainCheckpointEntity).find({ order: { position: 'ASC' } });
  return rows.map(toCheckpoint);
}

/** The checkpoints' side of a verification, fed the log's hashes in order. */
class CheckpointCheck {
  private readonly byPosition = new Map<number, ChainCheckpoint[]>();
  private problem?: { position: number; reason: string };
  private matched = 0;
  private lastSigned = 0;

  constructor(signer: CheckpointSigner, checkpoints: readonly ChainCheckpoint[]) {
    const sorted = [...checkpoints].sort((a, b) => a.position - b.position);
    const forged = sorted.find((c) => !signer.isGenuine(c));
    if (forged) this.problem = { position: forged.position, reason: `the checkpoint of position ${forged.position} (${forged.signedAt}) does not carry this installation's signature` };
    for (const checkpoint of sorted) this.byPosition.set(checkpoint.position, [...(this.byPosition.get(checkpoint.position) ?? []), checkpoint]);
  }

  compare(position: number, hash: string): void {
    for (const checkpoint of this.byPosition.get(position) ?? []) {
      if (checkpoint.hash === hash) {
        this.matched += 1;
        this.lastSigned = position;
      } else {
        this.problem ??= { position, reason: `the event at position ${position} is not the one signed at ${checkpoint.signedAt}: the log was rewritten` };
      }
    }
  }

  /** The verdict once the log was read up to `lastPosition` (its end, if `complete`). */
  result(lastPosition: number, complete: boolean): CheckpointVerification {
    let problem = this.problem;
    if (!problem && complete) {
      const beyond = [...this.byPosition.keys()].filter((p) => p > lastPosition).sort((a, b) => b - a)[0];
      if (beyond !== undefined) {
        problem = { position: lastPosition + 1, reason: `the log ends at position ${lastPosition}, but position ${beyond} was signed: the newest events were removed` };
      } else if (lastPosition > this.lastSigned) {
        problem = { position: this.lastSigned + 1, reason: `no signed checkpoint covers the events from position ${this.lastSigned + 1}: they were not appended by this installation` };
      }
    }
    return { checked: this.matched, lastSignedPosition: this.lastSigned, ...(problem ? { problem } : {}) };
  }
}
