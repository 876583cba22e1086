import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { CampaignCommand, CampaignState, InspectionCommand, InspectionOrder, InspectionState, InspectionStatus } from '@inspectorate/domain';

/**
 * The messages the API (and the seeder) exchange with the workflows. Shared by client and
 * workflow code, so both sides agree on names and shapes at compile time. The command envelope
 * is a type of libs/temporal (clients build it there); imported as a type only, so nothing of
 * that library reaches the workflow bundle.
 */
import type { CommandEnvelope } from '@inspectorate/temporal/command-envelope';
export type { CommandEnvelope, EnvelopeAddress } from '@inspectorate/temporal/command-envelope';

export interface CommandResult {
  /** The stream's version after the command: the read model has it once the update returns. */
  readonly version: number;
  readonly events: readonly string[];
}

export const inspectionCommandUpdate = defineUpdate<CommandResult, [CommandEnvelope<InspectionCommand>]>('inspectionCommand');
export const campaignCommandUpdate = defineUpdate<CommandResult, [CommandEnvelope<CampaignCommand>]>('campaignCommand');

/** Ends back-fill: from now on the workflow keeps time by its own clock and its timers run. */
export const endBackfillUpdate = defineUpdate<{ version: number }, []>('endBackfill');

export const inspectionStateQuery = defineQuery<{ state: InspectionState; version: number; backfill: boolean }>('inspectionState');
export const campaignStateQuery = defineQuery<{ state?: CampaignState; version: number; backfill: boolean }>('campaignState');

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
}
export const campaignOrderSignal = defineSignal<[CampaignOrderMessage]>('campaignOrder');

/** The failure type a rejected command carries; its details hold the domain Rejection. */
export const COMMAND_REJECTED = 'CommandRejected';
