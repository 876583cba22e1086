import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { FindingRow } from '../rows';

@Entity({ name: 'findings' })
@Index('findings_inspection_idx', ['inspectionId'])
@Index('findings_year_unit_idx', ['year', 'unitId'])
export class FindingEntity implements FindingRow {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'inspection_id', type: 'uuid' }) inspectionId!: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ name: 'criterion_code', type: 'text' }) criterionCode!: string;
  @Column({ type: 'text' }) severity!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text', nullable: true }) dispute!: string | null;
  @Column({ name: 'requires_action', type: 'boolean' }) requiresAction!: boolean;
  @Column({ type: 'boolean' }) open!: boolean;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
  @Column({ name: 'search_text', type: 'text' }) searchText!: string;
}
