import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CampaignState } from '@inspectorate/domain';
import { CampaignRow } from '../rows';

@Entity({ name: 'campaigns' })
@Index('campaigns_year_idx', ['year', 'createdAt'])
export class CampaignEntity implements CampaignRow {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis!: string;
  @Column({ name: 'lead_inspector_id', type: 'uuid' }) leadInspectorId!: string;
  @Column({ name: 'inspector_ids', type: 'uuid', array: true }) inspectorIds!: string[];
  /** Derived from all its inspections by the domain's completionOf (projector.ts), not taken from the campaign's events. */
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) state!: CampaignState;
}
