import { ApplicationFailure } from '@temporalio/common';
import { Client, Connection, WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { INSECURE_DEFAULTS } from '@inspectorate/config';
import { CampaignCommand, DEMO_CHECKLIST_2023, InspectionCommand, isRejection, Rejection, UserActor } from '@inspectorate/domain';
import { addressCommand, dataConverter, workflowIds } from '@inspectorate/temporal';
import { campaignCommandUpdate, CampaignWorkflow, COMMAND_REJECTED, CommandResult, inspectionCommandUpdate, inspectionStateQuery } from '@inspectorate/workflow-contract';
import { InMemoryEventLog } from './in-memory-event-log';
import { late } from './late';
import { PolicyInput } from './scenario';
import { quietTemporalRuntime } from './temporal-runtime';
import { inDays } from './time';

/** The people of a workflow test: ids only, the domain knows nobody else (the API checks accounts). */
export const ACTORS = (() => {
  const unitId = randomUUID();
  const user = (role: UserActor['role'], extra: Partial<UserActor> = {}): UserActor => ({ kind: 'user', userId: randomUUID(), role, ...extra });
  return { unitId, lead: user('lead_inspector'), inspector: user('inspector'), chairman: user('chairman'), head: user('unit_head', { unitId }) };
})();

export interface CampaignOptions {
  readonly policy?: PolicyInput;
  readonly targets?: number;
  readonly windowStart?: string;
  readonly windowEnd?: string;
  /** Continue as new once a history has this many events (the operators' knob). */
  readonly historyLimit?: number;
}

/**
 * One workflow at a time on the real Temporal server (the run's shared one, from global setup),
 * with a worker in this process on its own task queue and the real workflow bundle, whose one
 * activity is a stand-in: the in-memory event log. Temporal's timers, updates, locks and
 * continue-as-new are real; only the database is not, so a rule about durability is tested in
 * seconds without the API or PostgreSQL.
 */
export class WorkflowRig {
  private readonly started: string[] = [];
  private readonly running: Promise<void>;

  private constructor(
    readonly client: Client,
    readonly log: InMemoryEventLog,
    readonly taskQueue: string,
    private readonly connection: NativeConnection,
    private readonly worker: Worker,
  ) {
    this.running = worker.run();
  }

  static async start(): Promise<WorkflowRig> {
    quietTemporalRuntime();
    const address = requireEnv('TEST_TEMPORAL_ADDRESS');
    const namespace = requireEnv('TEST_TEMPORAL_NAMESPACE');
    const converter = dataConverter([INSECURE_DEFAULTS.payloadKey]);
    const client = new Client({ connection: await Connection.connect({ address }), namespace, dataConverter: converter });
    const connection = await NativeConnection.connect({ address });
    const log = new InMemoryEventLog();
    const taskQueue = `wf-test-${randomUUID()}`;
    const worker = await Worker.create({
      connection,
      namespace,
      taskQueue,
      workflowBundle: { codePath: requireEnv('TEST_WORKFLOW_BUNDLE') },
      activities: log.activities,
      dataConverter: converter,
    });
    return new WorkflowRig(client, log, taskQueue, connection, worker);
  }

  /** Creates a campaign (update-with-start, as the API does) and returns its inspections' ids. */
  async createCampaign(options: CampaignOptions = {}): Promise<{ campaignId: string; inspectionIds: string[] }> {
    const campaignId = randomUUID();
    // The first target is the unit ACTORS.head answers for; a campaign visits each unit once.
    const targets = Array.from({ length: options.targets ?? 1 }, (_, n) => ({
      inspectionId: randomUUID(),
      unitId: n === 0 ? ACTORS.unitId : randomUUID(),
      windowStart: options.windowStart ?? inDays(0),
      windowEnd: options.windowEnd ?? inDays(10),
    }));
    const workflowId = workflowIds.campaign(campaignId);
    await this.client.workflow.executeUpdateWithStart(campaignCommandUpdate, {
      ...addressCommand(workflowId, {
        actor: ACTORS.lead,
        command: {
          type: 'CreateCampaign',
          campaignId,
          title: 'Kiểm tra công vụ (workflow test)',
          year: Number(inDays(0).slice(0, 4)),
          legalBasis: 'Kế hoạch 01/KH (workflow test)',
          leadInspectorId: ACTORS.lead.userId,
          inspectorIds: [ACTORS.inspector.userId],
          targets,
          checklistVersion: DEMO_CHECKLIST_2023.version,
          criterionCodes: DEMO_CHECKLIST_2023.criteria.map((c) => c.code),
          ...(options.policy ? { policy: options.policy } : {}),
        },
      }),
      startWorkflowOperation: new WithStartWorkflowOperation<CampaignWorkflow>('campaignWorkflow', {
        workflowId,
        taskQueue: this.taskQueue,
        workflowIdConflictPolicy: 'FAIL',
        args: [{ campaignId, backfill: false, historyLimit: options.historyLimit }],
      }),
    });
    const inspectionIds = targets.map((t) => t.inspectionId);
    this.started.push(workflowId, ...inspectionIds.map(workflowIds.inspection));
    return { campaignId, inspectionIds };
  }

  /** Sends one command as the API would: an addressed envelope as an Update. */
  command(inspectionId: string, actor: UserActor, command: InspectionCommand, updateId?: string): Promise<CommandResult> {
    const workflowId = workflowIds.inspection(inspectionId);
    return this.client.workflow.getHandle(workflowId).executeUpdate(inspectionCommandUpdate, addressCommand(workflowId, { actor, command }, updateId));
  }

  /** Sends one command to a campaign, as the API does. */
  campaignCommand(campaignId: string, actor: UserActor, command: CampaignCommand, updateId?: string): Promise<CommandResult> {
    const workflowId = workflowIds.campaign(campaignId);
    return this.client.workflow.getHandle(workflowId).executeUpdate(campaignCommandUpdate, addressCommand(workflowId, { actor, command }, updateId));
  }

  /** Visits (one finding with a required action), concludes and approves: the unit's response is now due. */
  async toAwaitingResponse(inspectionId: string, options: { visitStarted?: boolean } = {}): Promise<{ findingId: string }> {
    const findingId = randomUUID();
    if (!options.visitStarted) await this.command(inspectionId, ACTORS.lead, { type: 'StartVisit' });
    await this.command(inspectionId, ACTORS.inspector, { type: 'RecordFinding', findingId, criterionCode: 'KL-01', severity: 'major', description: 'Hai công chức vắng mặt lúc 8 giờ 30.' });
    await this.command(inspectionId, ACTORS.lead, { type: 'EndVisit' });
    await this.command(inspectionId, ACTORS.lead, {
      type: 'SubmitConclusion',
      summary: 'Còn tồn tại về kỷ luật giờ làm việc.',
      rating: 'fair',
      actions: [{ findingId, requirement: 'Chấn chỉnh kỷ luật giờ làm việc', dueDate: inDays(30) }],
    });
    await this.command(inspectionId, ACTORS.chairman, { type: 'ApproveConclusion' });
    return { findingId };
  }

  /** The unit head accepts every finding with a plan. */
  respond(inspectionId: string, findingIds: string[]): Promise<CommandResult> {
    return this.command(inspectionId, ACTORS.head, {
      type: 'SubmitResponse',
      items: findingIds.map((findingId) => ({ findingId, position: 'accepted', explanation: 'Đơn vị tiếp thu.', plan: { owner: 'Phó Chủ tịch', dueDate: inDays(20) } })),
    });
  }

  async state(inspectionId: string) {
    return this.client.workflow.getHandle(workflowIds.inspection(inspectionId)).query(inspectionStateQuery);
  }

  async history(workflowId: string) {
    return this.client.workflow.getHandle(workflowId).fetchHistory();
  }

  /** Replays a history against the workflow bundle this rig runs (fails on non-determinism). */
  replay(history: temporal.api.history.v1.IHistory, workflowId: string): Promise<void> {
    return Worker.runReplayHistory({ workflowBundle: { codePath: requireEnv('TEST_WORKFLOW_BUNDLE') }, dataConverter: dataConverter([INSECURE_DEFAULTS.payloadKey]) }, history, workflowId);
  }

  /** Ends the workflows this rig started (they stay open by design), then the worker and connections. */
  async stop(): Promise<void> {
    for (const workflowId of this.started) {
      await this.client.workflow
        .getHandle(workflowId)
        .terminate('workflow test finished')
        .catch(() => undefined);
    }
    this.worker.shutdown();
    await this.running;
    await this.connection.close();
    await this.client.connection.close();
  }
}

/** Starts a rig before the file's tests and stops it after them (like `useStack`); usable inside tests and hooks. */
export function useWorkflowRig(): WorkflowRig {
  const rig = late<WorkflowRig>('the workflow rig');
  beforeAll(async () => {
    rig.set(await WorkflowRig.start());
  });
  afterAll(async () => {
    await rig.get()?.stop();
  });
  return rig.value;
}

/** The domain's rejection a refused command came back with (fails if the command was accepted). */
export async function rejectionOf(pending: Promise<unknown>): Promise<Rejection> {
  const error = await pending.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (error === undefined) throw new Error('the command was accepted, a rejection was expected');
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  if (cause instanceof ApplicationFailure && cause.type === COMMAND_REJECTED) {
    const [details] = cause.details ?? [];
    if (isRejection(details)) return details;
  }
  throw error;
}

/** The ids of the `patched()` markers a history recorded (the SDK's `core_patch` markers, plain JSON). */
export function patchesIn(history: temporal.api.history.v1.IHistory): string[] {
  return (history.events ?? [])
    .map((event) => event.markerRecordedEventAttributes)
    .filter((marker) => marker?.markerName === 'core_patch')
    .flatMap((marker) => marker!.details?.['patch-data']?.payloads ?? [])
    .map((payload) => (JSON.parse(Buffer.from(payload.data ?? []).toString('utf8')) as { id: string }).id);
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run workflow tests through Jest's workflow project (global setup).`);
  return value;
}
