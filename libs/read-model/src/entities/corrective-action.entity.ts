import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ActionRow } from '../rows';

@Entity({ name: 'corrective_actions' })
@Index('corrective_actions_inspection_idx', ['inspectionId'])
@Index('corrective_actions_year_unit_idx', ['year', 'unitId'])
@Index('corrective_actions_due_idx', ['status', 'dueAt'])
export class CorrectiveActionEntity implements ActionRow {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'inspection_id', type: 'uuid' }) inspectionId!: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ name: 'finding_id', type: 'uuid' }) findingId!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text' }) owner!: string;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  @Column({ type: 'boolean' }) overdue!: boolean;
  @Column({ type: 'integer' }) rejections!: number;
  @Column({ name: 'planned_at', type: 'timestamptz' }) plannedAt!: Date;
  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true }) reportedAt!: Date | null;
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt!: Date | null;
}
