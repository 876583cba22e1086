import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a command sent with an Idempotency-Key, kept so that the same key sent
 * again gets the same answer and changes nothing (the key also becomes the Temporal update id).
 */
@Entity({ name: 'idempotency_records' })
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @PrimaryColumn({ type: 'text' }) key!: string;
  /** Method, path and a hash of the body: the same key with another request is refused. */
  @Column({ type: 'text' }) fingerprint!: string;
  @Column({ name: 'status_code', type: 'integer' }) statusCode!: number;
  @Column({ type: 'jsonb' }) body!: unknown;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
