import { Client } from '@temporalio/client';
import { InspectionCommand, UserActor } from '@inspectorate/domain';
import { CommandResult, endBackfillUpdate, inspectionCommandUpdate, InspectionStateView, inspectionStateQuery } from '@inspectorate/workflow-contract';
import { workflowIds } from '../workflow-ids';
import { CommandOptions, commandUpdate, sendCommand, WorkflowClientOptions } from './send-command';

/**
 * Talks to inspection workflows: a command is an Update carrying an addressed envelope (the
 * payload codec encrypts it), answered with the stream's new version once its events are appended
 * and projected. Failures arrive as a `CommandFailure` (rejected, gone, not-stored, undelivered).
 */
export class InspectionClient {
  constructor(
    private readonly temporal: Client,
    private readonly options: WorkflowClientOptions = {},
  ) {}

  execute(inspectionId: string, command: InspectionCommand, actor: UserActor, options: CommandOptions = {}): Promise<CommandResult> {
    const workflowId = workflowIds.inspection(inspectionId);
    const handle = this.temporal.workflow.getHandle(workflowId);
    return sendCommand(this.temporal, this.options, () => handle.executeUpdate(inspectionCommandUpdate, commandUpdate(workflowId, command, actor, options)));
  }

  /** The workflow's own state (the seeder reads ids the decider chose; the API reads projections). */
  state(inspectionId: string): Promise<InspectionStateView> {
    return this.temporal.workflow.getHandle(workflowIds.inspection(inspectionId)).query(inspectionStateQuery);
  }

  /** Ends back-fill: what fell due since the last record is recorded before this returns. */
  endBackfill(inspectionId: string): Promise<{ version: number }> {
    return this.temporal.workflow.getHandle(workflowIds.inspection(inspectionId)).executeUpdate(endBackfillUpdate);
  }
}
