import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '@inspectorate/config';
import { CampaignCommand, InspectionCommand, Rejection, RejectionCode, UserActor } from '@inspectorate/domain';
import { addressCommand, workflowIds } from '@inspectorate/temporal';
import { campaignCommandUpdate, COMMAND_REJECTED, CommandEnvelope, CommandResult, inspectionCommandUpdate } from '@inspectorate/workflows/definitions';
import type { campaignWorkflow } from '@inspectorate/workflows/campaign.workflow';
import { isDependencyOutage } from '../common/dependency-outage';
import { CalendarStore } from '../calendar/calendar.store';
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
 * Sends commands to workflows as Temporal Updates and turns the answers into HTTP semantics:
 * a domain rejection becomes its problem (403, 404, 409, 400); the update returns only after the
 * events are appended and projected, so the caller can read its own write at once.
 */
@Injectable()
export class CommandGateway {
  private readonly logger = new Logger(CommandGateway.name);

  constructor(
    @Inject(Client) private readonly client: Client,
    private readonly config: AppConfig,
    private readonly calendar: CalendarStore,
  ) {}

  /**
   * Every inspection command carries the working-day calendar as it is now: the workflow counts
   * the deadlines the command sets with it (workflows never read the database), so a deadline is
   * counted with the calendar as it was when it was set, and history records which that was.
   */
  async inspection(inspectionId: string, command: InspectionCommand, actor: UserActor, options: CommandOptions = {}): Promise<CommandResult> {
    const workflowId = workflowIds.inspection(inspectionId);
    const handle = this.client.workflow.getHandle(workflowId);
    const calendar = await this.readCalendar();
    return this.send(() =>
      handle.executeUpdate(inspectionCommandUpdate, addressCommand(workflowId, { ...envelope(command, actor, options), calendar }, updateId(actor, options))),
    );
  }

  private async readCalendar() {
    try {
      return await this.calendar.snapshot();
    } catch (error) {
      if (isDependencyOutage(error)) throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'The database is unavailable for the moment; try again shortly.');
      throw error;
    }
  }

  campaign(campaignId: string, command: CampaignCommand, actor: UserActor, options: CommandOptions = {}): Promise<CommandResult> {
    const workflowId = workflowIds.campaign(campaignId);
    const handle = this.client.workflow.getHandle(workflowId);
    return this.send(() => handle.executeUpdate(campaignCommandUpdate, addressCommand(workflowId, envelope(command, actor, options), updateId(actor, options))));
  }

  /** Starts the campaign's workflow and creates the campaign in one step (update-with-start). */
  createCampaign(command: Extract<CampaignCommand, { type: 'CreateCampaign' }>, actor: UserActor, options: CommandOptions = {}): Promise<CommandResult> {
    const workflowId = workflowIds.campaign(command.campaignId);
    const start = new WithStartWorkflowOperation<typeof campaignWorkflow>('campaignWorkflow', {
      workflowId,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [{ campaignId: command.campaignId, backfill: false }],
    });
    return this.send(() =>
      this.client.workflow.executeUpdateWithStart(campaignCommandUpdate, {
        ...addressCommand(workflowId, envelope(command, actor, options), updateId(actor, options)),
        startWorkflowOperation: start,
      }),
    );
  }

  private async send(call: () => Promise<CommandResult>): Promise<CommandResult> {
    try {
      return await this.client.withDeadline(Date.now() + COMMAND_DEADLINE_MS, call);
    } catch (error) {
      throw this.translate(error);
    }
  }

  private translate(error: unknown): Error {
    const rejection = rejectionOf(error);
    if (rejection) {
      return new ProblemException(STATUS_OF[rejection.code], rejection.reason, rejection.errors ? { errors: rejection.errors } : {});
    }
    if (error instanceof WorkflowNotFoundError || isCompletedWorkflowError(error)) return new WorkflowGone();
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ActivityFailure) {
      // Accepted by the domain but refused by the database: a defect to fix, not the caller's to retry.
      this.logger.error(error.cause.cause ?? error.cause, 'a command was accepted but its events could not be stored');
      return new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, 'The command could not be recorded; nothing was changed. It has been logged.');
    }
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

function envelope<C>(command: C, actor: UserActor, options: CommandOptions): Omit<CommandEnvelope<C>, 'address'> {
  const plainActor: UserActor = { kind: 'user', userId: actor.userId, role: actor.role, ...(actor.unitId ? { unitId: actor.unitId } : {}) };
  return { command, actor: plainActor, idempotencyKey: options.idempotencyKey, correlationId: options.correlationId };
}

/** An Idempotency-Key is the update id (scoped to the caller), so Temporal itself deduplicates. */
function updateId(actor: UserActor, options: CommandOptions): string | undefined {
  if (!options.idempotencyKey) return undefined;
  return `idem-${createHash('sha256').update(`${actor.userId}\u0000${options.idempotencyKey}`).digest('hex').slice(0, 40)}`;
}

function rejectionOf(error: unknown): Rejection | undefined {
  const failure = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  if (failure instanceof ApplicationFailure && failure.type === COMMAND_REJECTED) {
    const [details] = failure.details ?? [];
    if (details && typeof details === 'object' && 'code' in details) return details as Rejection;
  }
  return undefined;
}

function isCompletedWorkflowError(error: unknown): boolean {
  return error instanceof Error && /workflow execution already completed|workflow is not running/i.test(error.message);
}
