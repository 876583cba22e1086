import { createHmac, timingSafeEqual } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed statement "the log's head was event <position> with hash <hash>, at <signedAt>".
 * The event chain alone proves each event follows the one before it, but not where the log ends
 * nor that a rewrite was not re-hashed throughout; a checkpoint signed with a key the database
 * does not hold proves both, up to its position.
 */
export interface ChainCheckpoint {
  readonly position: number;
  readonly hash: string;
  readonly signedAt: string;
  readonly signature: string;
}

/** Checkpoints, next to the log and as append-only as it (see the ChainGuards migration). */
@Entity({ name: 'chain_checkpoints' })
export class ChainCheckpointEntity {
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  position!: number;

  @Column({ type: 'text' })
  hash!: string;

  @Column({ name: 'signed_at', type: 'timestamptz' })
  signedAt!: Date;

  @Column({ type: 'text' })
  signature!: string;
}

/** Signs and checks checkpoints with the installation's CHAIN_CHECKPOINT_KEY (HMAC-SHA256). */
export class CheckpointSigner {
  constructor(private readonly key: string) {
    if (key.length < 32) throw new Error('A checkpoint key has at least 32 characters.');
  }

  sign(head: { position: number; hash: string }, signedAt: Date = new Date()): ChainCheckpoint {
    const at = signedAt.toISOString();
    return { position: head.position, hash: head.hash, signedAt: at, signature: this.mac(head.position, head.hash, at) };
  }

  isGenuine(checkpoint: ChainCheckpoint): boolean {
    const expected = Buffer.from(this.mac(checkpoint.position, checkpoint.hash, checkpoint.signedAt), 'hex');
    const given = Buffer.from(String(checkpoint.signature), 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(position: number, hash: string, signedAt: string): string {
    return createHmac('sha256', this.key).update(`inspectorate-chain-checkpoint/v1\n${position}\n${hash}\n${signedAt}`, 'utf8').digest('hex');
  }
}

export function toCheckpoint(row: ChainCheckpointEntity): ChainCheckpoint {
  return { position: row.position, hash: row.hash, signedAt: row.signedAt.toISOString(), signature: row.signature };
}

/** One checkpoint per line, as `export-checkpoints` writes them and `verify-chain --checkpoints` reads them. */
export function serialiseCheckpoints(checkpoints: readonly ChainCheckpoint[]): string {
  return checkpoints.map((c) => `${JSON.stringify({ position: c.position, hash: c.hash, signedAt: c.signedAt, signature: c.signature })}\n`).join('');
}

export function parseCheckpoints(text: string): ChainCheckpoint[] {
  return text
    .split('\n')
    .map((line, index) => [line.trim(), index + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, number]) => {
      let value: Partial<ChainCheckpoint>;
      try {
        value = JSON.parse(line) as Partial<ChainCheckpoint>;
      } catch {
        throw new Error(`line ${number} of the checkpoints is not JSON`);
      }
      const { position, hash, signedAt, signature } = value;
      if (!Number.isInteger(position) || typeof hash !== 'string' || typeof signedAt !== 'string' || typeof signature !== 'string') {
        throw new Error(`line ${number} of the checkpoints is not a checkpoint (position, hash, signedAt, signature)`);
      }
      return { position: position!, hash, signedAt, signature };
    });
}
