import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Role } from '@inspectorate/domain';

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
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
