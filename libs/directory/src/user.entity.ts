import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Role } from '@inspectorate/domain';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

@Entity({ name: 'users' })
@Index('users_unit_idx', ['unitId'])
export class UserEntity {
  @PrimaryColumn('uuid') id!: string;
  /** Stored lower-case; login is case-insensitive. */
  @Column({ type: 'text', unique: true }) username!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ type: 'text' }) role!: Role;
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId!: string | null;
  /** argon2id, PHC string format. */
  @Column({ name: 'password_hash', type: 'text' }) passwordHash!: string;
  /** Demo accounts carry this mark; production refuses to start while any exists. */
  @Column({ name: 'is_demo', type: 'boolean', default: false }) isDemo!: boolean;
  /** The language of the console, of notifications and of the API's messages to this user. */
  @Column({ type: 'text', default: 'vi' }) language!: Language;
  /** A deactivated account cannot log in, and its sessions are revoked. */
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** Set when an admin reset the password: the user must choose their own. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false }) mustChangePassword!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
