import { Column, Entity, PrimaryColumn } from 'typeorm';

export const SESSION_REVOCATION_REASONS = ['logout', 'reuse', 'expired', 'deactivated', 'password_changed', 'password_reset'] as const;
export type SessionRevocationReason = (typeof SESSION_REVOCATION_REASONS)[number];

/**
 * One login on one device: the refresh cookie names it. Only a hash of the current refresh token
 * is kept; its access tokens carry the session id, so revoking the session stops them at once.
 */
@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  /** SHA-256 (hex) of the secret of the current refresh token; rotated at every refresh. */
  @Column({ name: 'refresh_token_hash', type: 'text' }) refreshTokenHash!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** The last login or refresh: the idle timeout counts from here. */
  @Column({ name: 'last_used_at', type: 'timestamptz' }) lastUsedAt!: Date;
  /** The absolute end of the session, however active it is. */
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'revoked_reason', type: 'text', nullable: true }) revokedReason!: SessionRevocationReason | null;
}
