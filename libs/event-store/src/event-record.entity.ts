import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The event log: the system of record. Append-only (the database refuses UPDATE, DELETE and
 * TRUNCATE, see the migration), one row per event, each chained to the previous by hash.
 */
@Entity({ name: 'events' })
@Index('events_stream_version_key', ['streamId', 'version'], { unique: true })
@Index('events_occurred_at_idx', ['occurredAt'])
export class EventRecordEntity {
  /** Global order, gap-free: assigned under the append lock, so it is also commit order. */
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  position!: number;

  @Column({ type: 'uuid', unique: true })
  id!: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ name: 'stream_type', type: 'text' })
  streamType!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'jsonb' })
  data!: unknown;

  @Column({ type: 'jsonb' })
  actor!: unknown;

  @Column({ type: 'jsonb' })
  metadata!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'prev_hash', type: 'text', nullable: true })
  prevHash!: string | null;

  @Column({ type: 'text' })
  hash!: string;
}
