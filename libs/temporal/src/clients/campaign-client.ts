import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { CampaignCommand, UserActor } from '@inspectorate/domain';
import {
  campaignCommandUpdate,
  CampaignStateView,
  campaignStateQuery,
  CampaignWorkflow,
  CommandResult,
  endBackfillUpdate,
  WORKFLOW_TYPES,
} from '@inspectorate/workflow-contract';
import { workflowIds } from '../workflow-ids';
import { CommandOptions, commandUpdate, sendCommand, WorkflowClientOptions } from './send-command';

export type CreateCampaignCommand = Extract<CampaignCommand, { type: 'CreateCampaign' }>;

export interface CampaignClientOptions extends WorkflowClientOptions {
  /** Where new campaign workflows run. */
  readonly taskQueue: string;
}

export interface CreateCampaignOptions extends CommandOptions {
  /** Start the workflow in back-fill mode (the seeder's paper records); live by default. */
  readonly backfill?: boolean;
  /**
   * When a workflow with this campaign's id is already running: `use-existing` (the default: a
   * repeated create meets the first one, and its command is refused or deduplicated there) or `fail`.
   */
  readonly ifRunning?: 'use-existing' | 'fail';
}

/**
 * Talks to campaign workflows, like `InspectionClient` does to inspections. Creating a campaign
 * starts its workflow and sends `CreateCampaign` in one step (update-with-start), so the caller
 * hears back once the campaign and its inspections exist.
 */
export class CampaignClient {
  constructor(
    private readonly temporal: Client,
    private readonly options: CampaignClientOptions,
  ) {}

  create(command: CreateCampaignCommand, actor: UserActor, options: CreateCampaignOptions = {}): Promise<CommandResult> {
    const workflowId = workflowIds.campaign(command.campaignId);
    const start = new WithStartWorkflowOperation<CampaignWorkflow>(WORKFLOW_TYPES.campaign, {
      workflowId,
      taskQueue: this.options.taskQueue,
      workflowIdConflictPolicy: options.ifRunning === 'fail' ? 'FAIL' : 'USE_EXISTING',
      args: [{ campaignId: command.campaignId, backfill: options.backfill ?? false }],
    });
    return sendCommand(this.temporal, this.options, () =>
      this.temporal.workflow.executeUpdateWithStart(campaignCommandUpdate, { ...commandUpdate(workflowId, command, actor, options), startWorkflowOperation: start }),
    );
  }

  execute(campaignId: string, command: CampaignCommand, actor: UserActor, options: CommandOptions = {}): Promise<CommandResult> {
    const workflowId = workflowIds.campaign(campaignId);
    const handle = this.temporal.workflow.getHandle(workflowId);
    return sendCommand(this.temporal, this.options, () => handle.executeUpdate(campaignCommandUpdate, commandUpdate(workflowId, command, actor, options)));
  }

  state(campaignId: string): Promise<CampaignStateView> {
    return this.temporal.workflow.getHandle(workflowIds.campaign(campaignId)).query(campaignStateQuery);
  }

  endBackfill(campaignId: string): Promise<{ version: number }> {
    return this.temporal.workflow.getHandle(workflowIds.campaign(campaignId)).executeUpdate(endBackfillUpdate);
  }
}
