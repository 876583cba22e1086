import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InspectionState, InspectionStatus } from '@inspectorate/domain';
import { InspectionRow } from '../rows';

@Entity({ name: 'inspections' })
@Index('inspections_campaign_idx', ['campaignId'])
@Index('inspections_unit_year_idx', ['unitId', 'year'])
@Index('inspections_year_status_idx', ['year', 'status'])
export class InspectionEntity implements InspectionRow {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'campaign_id', type: 'uuid' }) campaignId!: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'text' }) status!: InspectionStatus;
  @Column({ name: 'lead_inspector_id', type: 'uuid' }) leadInspectorId!: string;
  @Column({ name: 'team_member_ids', type: 'uuid', array: true }) teamMemberIds!: string[];
  @Column({ name: 'follow_up_of', type: 'uuid', nullable: true }) followUpOf!: string | null;
  @Column({ name: 'planned_at', type: 'timestamptz' }) plannedAt!: Date;
  @Column({ name: 'window_opens_at', type: 'timestamptz' }) windowOpensAt!: Date;
  @Column({ name: 'window_closes_at', type: 'timestamptz' }) windowClosesAt!: Date;
  @Column({ name: 'window_missed', type: 'boolean' }) windowMissed!: boolean;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'visit_ended_at', type: 'timestamptz', nullable: true }) visitEndedAt!: Date | null;
  @Column({ name: 'conclusion_due_at', type: 'timestamptz', nullable: true }) conclusionDueAt!: Date | null;
  @Column({ name: 'conclusion_overdue', type: 'boolean' }) conclusionOverdue!: boolean;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) rating!: string | null;
  @Column({ name: 'response_due_at', type: 'timestamptz', nullable: true }) responseDueAt!: Date | null;
  @Column({ name: 'response_submitted_at', type: 'timestamptz', nullable: true }) responseSubmittedAt!: Date | null;
  @Column({ name: 'response_late', type: 'boolean', nullable: true }) responseLate!: boolean | null;
  @Column({ name: 'response_overdue', type: 'boolean' }) responseOverdue!: boolean;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  @Column({ name: 'findings_count', type: 'integer' }) findingsCount!: number;
  @Column({ name: 'open_findings_count', type: 'integer' }) openFindingsCount!: number;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) state!: InspectionState;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
