import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { Actor, CampaignCommand, CampaignState, InspectionCommand, InspectionState, InspectionStatus } from '@inspectorate/domain';

/**
 * The messages the API (and the seeder) exchange with the workflows. Shared by client and
 * workflow code, so both sides agree on names and shapes at compile time.
 */
export interface CommandEnvelope<C> {
  readonly command: C;
  /** Who gives the command. Trusted because the envelope is authenticated (see `EnvelopeAddress`). */
  readonly actor: Actor;
  readonly address: EnvelopeAddress;
  /**
   * Only while back-filling paper records (a workflow started with `backfill: true`): when the
   * command took effect. Live workflows refuse it and use their own clock.
   */
  readonly occurredAt?: string;
  readonly idempotencyKey?: string;
  readonly correlationId?: string;
}

/**
 * Where and when an envelope was issued. The envelope travels AES-GCM encrypted, and the codec
 * refuses anything else, so only a holder of the payload key (the API, the operators' tools) can
 * write one: that authenticates the actor. The address binds the authenticated envelope to one
 * workflow and one Update id, and `issuedAt` bounds how long it may be used, so a copy taken from
 * a history cannot be replayed elsewhere or later.
 */
export interface EnvelopeAddress {
  readonly workflowId: string;
  readonly updateId: string;
  readonly issuedAt: string;
}

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
export const inspectionStatusSignal = defineSignal<[{ inspectionId: string; status: InspectionStatus; occurredAt: string }]>('inspectionStatus');
/** From an inspection workflow to its campaign's: a follow-up inspection was planned and joins the campaign. */
export const followUpPlannedSignal = defineSignal<[{ inspectionId: string; unitId: string; followUpOf: string; occurredAt: string }]>('followUpPlanned');

/** The failure type a rejected command carries; its details hold the domain Rejection. */
export const COMMAND_REJECTED = 'CommandRejected';
