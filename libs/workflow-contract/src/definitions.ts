import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CampaignCommand, CampaignState, InspectionCommand, InspectionOrder, InspectionState, InspectionStatus } from '@inspectorate/domain';
import type { CommandEnvelope } from './command-envelope';

/**
 * The messages the API, the seeder and the bench exchange with the workflows. Shared by client and
 * workflow code, so both sides agree on names and shapes at compile time. `define*` only names a
 * message; nothing here runs at import, so workflow code and clients can both import it.
 */
export interface CommandResult {
  /** The stream's version after the command: the read model has it once the update returns. */
  readonly version: number;
  readonly events: readonly string[];
}

export const inspectionCommandUpdate = defineUpdate<CommandResult, [CommandEnvelope<InspectionCommand>]>('inspectionCommand');
export const campaignCommandUpdate = defineUpdate<CommandResult, [CommandEnvelope<CampaignCommand>]>('campaignCommand');

/** Ends back-fill: from now on the workflow keeps time by its own clock and its timers run. */
export const endBackfillUpdate = defineUpdate<{ version: number }, []>('endBackfill');

export interface InspectionStateView {
  readonly state: InspectionState;
  readonly version: number;
  readonly backfill: boolean;
}
export interface CampaignStateView {
  /** Undefined until the campaign is created (a workflow whose creation was refused stays empty). */
  readonly state?: CampaignState;
  readonly version: number;
  readonly backfill: boolean;
}

export const inspectionStateQuery = defineQuery<InspectionStateView>('inspectionState');
export const campaignStateQuery = defineQuery<CampaignStateView>('campaignState');

/** From an inspection workflow to its campaign's: a status changed (the campaign may complete). */
export const inspectionStatusSignal =
  defineSignal<[{ inspectionId: string; status: InspectionStatus; occurredAt: string }]>('inspectionStatus');
/** From an inspection workflow to its campaign's: a follow-up inspection was planned and joins the campaign. */
export const followUpPlannedSignal =
  defineSignal<[{ inspectionId: string; unitId: string; followUpOf: string; occurredAt: string }]>('followUpPlanned');

/**
 * From a campaign workflow to one of its inspections: follow a change of the campaign (its new
 * team, or a cancellation). The inspection decides it as `system`; the command names the person.
 */
export interface CampaignOrderMessage {
  readonly command: InspectionOrder['command'];
  readonly occurredAt: string;
  readonly correlationId?: string;
  /**
   * Set when the campaign waits for the inspection's decision before it records its own (the
   * removal of a planned target): the inspection answers with `campaignOrderAnsweredSignal`.
   */
  readonly requestId?: string;
}
export const campaignOrderSignal = defineSignal<[CampaignOrderMessage]>('campaignOrder');

/** From an inspection to its campaign: whether it took an order that asked for an answer, and its status after. */
export interface CampaignOrderAnswer {
  readonly requestId: string;
  readonly inspectionId: string;
  readonly accepted: boolean;
  readonly status: InspectionStatus;
}
export const campaignOrderAnsweredSignal = defineSignal<[CampaignOrderAnswer]>('campaignOrderAnswered');

/** The failure type a rejected command carries; its details hold the domain Rejection. */
export const COMMAND_REJECTED = 'CommandRejected';
