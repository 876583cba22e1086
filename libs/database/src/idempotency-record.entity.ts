import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a command sent with an Idempotency-Key, kept so that the same key sent
 * again gets the same answer and changes nothing (the key also becomes the Temporal update id).
 * The row is written when the first request claims the key, before it runs; until its answer is
 * known, `statusCode` and `body` are null and repeats of the key wait.
 */
@Entity({ name: 'idempotency_records' })
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @PrimaryColumn({ type: 'text' }) key!: string;
  /** Method, path and a hash of the body: the same key with another request is refused. */
  @Column({ type: 'text' }) fingerprint!: string;
  @Column({ name: 'status_code', type: 'integer', nullable: true }) statusCode!: number | null;
  @Column({ type: 'jsonb', nullable: true }) body!: unknown;
  /** When the key was claimed (a claim left unanswered for long is taken over: its process died). */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
