import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const UNIT_KINDS = ['department', 'commune', 'town', 'public_service_unit'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A unit of the authority that can be inspected: a department, a commune or town, a public service unit. */
@Entity({ name: 'units' })
export class UnitEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: UnitKind;
  /** A deactivated unit gets no new inspection; its history (inspections, reports, scorecards) stays. */
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true }) deactivatedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
