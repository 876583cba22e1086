import type { CalendarDays, CalendarYear, CampaignState, InspectionState, InspectionStatus } from '@inspectorate/domain';
import type { CommandResult } from './definitions';

/**
 * The workflows' names and inputs, so that a client can start one (or update-with-start it)
 * without importing workflow code. The workflow functions in workflows/src are declared with
 * these types (`InspectionWorkflow`, `CampaignWorkflow`), so the compiler keeps both sides equal.
 */
export const WORKFLOW_TYPES = { inspection: 'inspectionWorkflow', campaign: 'campaignWorkflow' } as const;

export interface InspectionWorkflowInput {
  /** The state after `InspectionPlanned` (written by whoever planned it), or carried over by continue-as-new. */
  readonly state: InspectionState;
  readonly version: number;
  readonly campaignWorkflowId: string;
  readonly backfill: boolean;
  readonly statusKnownToCampaign?: InspectionStatus;
  readonly handledUpdates?: Record<string, CommandResult>;
  /** Continue as new once the history has this many events (default: when the server suggests it). */
  readonly historyLimit?: number;
  /** The working-day calendar of the latest command that carried one (kept across continue-as-new and given to a follow-up). */
  readonly calendarDays?: readonly CalendarDays[];
  /** The same with names, as runs started before commands carried only the dates were given it. */
  readonly calendar?: readonly CalendarYear[];
}

export interface CampaignWorkflowInput {
  readonly campaignId: string;
  readonly backfill: boolean;
  /** Carried over by continue-as-new. */
  readonly state?: CampaignState;
  readonly version?: number;
  readonly handledUpdates?: Record<string, CommandResult>;
  /** Continue as new once the history has this many events (default: when the server suggests it). */
  readonly historyLimit?: number;
}

export type InspectionWorkflow = (input: InspectionWorkflowInput) => Promise<{ status: InspectionStatus }>;
export type CampaignWorkflow = (input: CampaignWorkflowInput) => Promise<void>;
