import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AppConfig } from '@inspectorate/config';
import { CampaignCommand, InspectionCommand, RejectionCode, UserActor } from '@inspectorate/domain';
import { CampaignClient, CommandFailure, CreateCampaignCommand, InspectionClient } from '@inspectorate/temporal';
import { CommandResult } from '@inspectorate/workflow-contract';
import { isDependencyOutage } from '../common/dependency-outage';
import { ProblemException } from '../common/problem';

export interface CommandOptions {
  readonly idempotencyKey?: string;
  readonly correlationId?: string;
}

/** The workflow is not running (it ended, or never existed): the caller decides between 404 and 409. */
export class WorkflowGone extends Error {}

const STATUS_OF: Record<RejectionCode, number> = { not_found: 404, forbidden: 403, conflict: 409, invalid: 400 };

/** How long a request waits for its command to be recorded before answering 503 (the command still completes). */
const COMMAND_DEADLINE_MS = 30_000;

/**
 * Sends commands to workflows through the typed clients (`InspectionClient`, `CampaignClient`)
 * and turns their failures into HTTP semantics: a domain rejection becomes its problem (403, 404,
 * 409, 400); the update returns only after the events are appended and projected, so the caller
 * can read its own write at once.
 */
@Injectable()
export class CommandGateway {
  private readonly logger = new Logger(CommandGateway.name);
  private readonly inspections: InspectionClient;
  private readonly campaigns: CampaignClient;

  constructor(@Inject(Client) client: Client, config: AppConfig) {
    this.inspections = new InspectionClient(client, { deadlineMs: COMMAND_DEADLINE_MS });
    this.campaigns = new CampaignClient(client, { taskQueue: config.TEMPORAL_TASK_QUEUE, deadlineMs: COMMAND_DEADLINE_MS });
  }

  inspection(inspectionId: string, command: InspectionCommand, actor: UserActor, options: CommandOptions = {}): Promise<CommandResult> {
    return this.send(() => this.inspections.execute(inspectionId, command, actor, options));
  }

  campaign(campaignId: string, command: CampaignCommand, actor: UserActor, options: CommandOptions = {}): Promise<CommandResult> {
    return this.send(() => this.campaigns.execute(campaignId, command, actor, options));
  }

  /** Starts the campaign's workflow and creates the campaign in one step (update-with-start). */
  createCampaign(command: CreateCampaignCommand, actor: UserActor, options: CommandOptions = {}): Promise<CommandResult> {
    return this.send(() => this.campaigns.create(command, actor, options));
  }

  private async send(call: () => Promise<CommandResult>): Promise<CommandResult> {
    try {
      return await call();
    } catch (error) {
      throw this.translate(CommandFailure.of(error));
    }
  }

  private translate(failure: CommandFailure): Error {
    switch (failure.kind) {
      case 'rejected': {
        const rejection = failure.rejection!;
        return new ProblemException(STATUS_OF[rejection.code], rejection.reason, rejection.errors ? { errors: rejection.errors } : {});
      }
      case 'gone':
        return new WorkflowGone();
      case 'not-stored':
        // Accepted by the domain but refused by the database: a defect to fix, not the caller's to retry.
        this.logger.error(failure.detail, 'a command was accepted but its events could not be stored');
        return new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, 'The command could not be recorded; nothing was changed. It has been logged.');
      case 'undelivered':
        return this.undelivered(failure.detail);
    }
  }

  private undelivered(error: unknown): Error {
    if (isDependencyOutage(error)) {
      this.logger.warn({ msg: 'Temporal is unavailable; the command was answered 503', error: error instanceof Error ? error.message : String(error) });
      return new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'The workflow service is unavailable for the moment. Repeat the command with the same Idempotency-Key: it takes effect once.',
      );
    }
    this.logger.error(error instanceof Error ? error : String(error), 'command could not be delivered');
    return new ProblemException(
      HttpStatus.SERVICE_UNAVAILABLE,
      'The command could not be confirmed in time. It may still take effect: repeat it with the same Idempotency-Key to find out.',
    );
  }
}
