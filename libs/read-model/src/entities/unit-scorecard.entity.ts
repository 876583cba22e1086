import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One unit's year: only inspections whose visit started count (a planned one is a secret,
 * and the unit head reads their own scorecard). Recomputed in the append transaction.
 */
@Entity({ name: 'unit_scorecards' })
export class UnitScorecardEntity {
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @PrimaryColumn({ type: 'integer' }) year!: number;
  @Column({ type: 'integer' }) inspections!: number;
  @Column({ type: 'integer' }) closed!: number;
  @Column({ type: 'integer' }) findings!: number;
  @Column({ name: 'open_findings', type: 'integer' }) openFindings!: number;
  @Column({ name: 'critical_findings', type: 'integer' }) criticalFindings!: number;
  @Column({ name: 'actions_total', type: 'integer' }) actionsTotal!: number;
  @Column({ name: 'actions_verified', type: 'integer' }) actionsVerified!: number;
  @Column({ name: 'actions_overdue', type: 'integer' }) actionsOverdue!: number;
  @Column({ name: 'responses_on_time', type: 'integer' }) responsesOnTime!: number;
  @Column({ name: 'responses_due', type: 'integer' }) responsesDue!: number;
  @Column({ name: 'accountability_cases', type: 'integer' }) accountabilityCases!: number;
  @Column({ name: 'latest_rating', type: 'text', nullable: true }) latestRating!: string | null;
}
