import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CaseRow } from '../rows';

@Entity({ name: 'accountability_cases' })
@Index('accountability_cases_status_idx', ['status', 'openedAt'])
@Index('accountability_cases_unit_idx', ['unitId'])
@Index('accountability_cases_inspection_idx', ['inspectionId'])
export class AccountabilityCaseEntity implements CaseRow {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'inspection_id', type: 'uuid' }) inspectionId!: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text', nullable: true }) outcome!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'action_id', type: 'uuid', nullable: true }) actionId!: string | null;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt!: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
}
