import {
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  ParentClosePolicy,
  patched,
  setHandler,
  startChild,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  Actor,
  CampaignCommand,
  CampaignEvent,
  decide,
  decideCampaign,
  evolve,
  evolveCampaign,
  InspectionState,
  isRejection,
  isUser,
  ordersFor,
  ordersForFollowUp,
  streamIds,
  SYSTEM,
  TargetInput,
  targetNotRemovable,
  targetPlan,
  withInspectionStatus,
} from '@inspectorate/domain';
import {
  campaignCommandUpdate,
  campaignOrderAnsweredSignal,
  campaignStateQuery,
  CampaignWorkflow,
  CampaignWorkflowInput,
  CommandEnvelope,
  CommandResult,
  endBackfillUpdate,
  followUpPlannedSignal,
  inspectionStatusSignal,
  StreamAppendRequest,
} from '@inspectorate/workflow-contract';
import { append, stamp } from './support/event-log';
import { LATE_FOLLOW_UP_CANCELLED, sendOrders } from './support/campaign-orders';
import { OrderAnswers, REMOVAL_ASKS_THE_INSPECTION } from './support/order-answers';
import { checkAddress } from './support/envelope';
import { commandTime, rejectionFailure } from './support/failures';
import { HandledUpdates } from './support/handled-updates';
import { Lock } from './support/lock';
import { shouldContinueAsNew } from './support/history-limit';
import { inspectionWorkflow } from './inspection.workflow';

type SystemNotice =
  | { kind: 'status'; command: Extract<CampaignCommand, { type: 'RecordInspectionStatus' }>; occurredAt: string }
  | { kind: 'followUp'; command: Extract<CampaignCommand, { type: 'AdoptFollowUp' }>; occurredAt: string };

/**
 * The patch that lets a campaign take the notices that arrived while an update was in flight at
 * its history limit before it continues as new; without it the campaign waited for no notice to
 * be left, which nothing would ever make true, and stopped taking any.
 */
const NOTICES_BEFORE_CONTINUE = 'notices-before-continue';

/** How long a campaign workflow whose creation was refused waits before it ends. */
const UNCREATED_LIFETIME = '10 minutes';

/**
 * A campaign: creates itself and plans one inspection workflow per target (their first events are
 * appended with the campaign's, in one transaction), adds units while active, and completes when
 * every inspection is closed or cancelled. It lives on after that: a follow-up reopens it.
 * Started with update-with-start, so the HTTP request that creates it returns once it exists.
 */
export const campaignWorkflow: CampaignWorkflow = async function campaignWorkflow(input: CampaignWorkflowInput): Promise<void> {
  let state = input.state;
  let version = input.version ?? 0;
  let backfill = input.backfill;
  const handled = new HandledUpdates(input.handledUpdates);
  const notices: SystemNotice[] = [];
  const lock = new Lock();

  setHandler(campaignStateQuery, () => ({ state, version, backfill }));

  setHandler(campaignCommandUpdate, (envelope) => lock.run(() => execute(envelope)), {
    validator: (envelope) => {
      if (handled.has(currentUpdateInfo()?.id)) return;
      checkAddress(envelope);
      const now = commandTime(envelope.occurredAt, backfill);
      const decided = decideCampaign(state, envelope.command, envelope.actor, { now, newId: () => 'validation-only' });
      if (isRejection(decided)) throw rejectionFailure(decided);
    },
  });

  setHandler(endBackfillUpdate, () =>
    lock.run(async () => {
      backfill = false;
      return { version };
    }),
  );

  setHandler(inspectionStatusSignal, ({ inspectionId, status, occurredAt }) => {
    notices.push({ kind: 'status', command: { type: 'RecordInspectionStatus', inspectionId, status }, occurredAt });
  });
  // The inspections' answers to orders the campaign waits on (a planned target's removal).
  const orderAnswers = new OrderAnswers();
  setHandler(campaignOrderAnsweredSignal, (answer) => orderAnswers.receive(answer));
  setHandler(followUpPlannedSignal, ({ inspectionId, unitId, followUpOf, occurredAt }) => {
    notices.push({ kind: 'followUp', command: { type: 'AdoptFollowUp', inspectionId, unitId, followUpOf }, occurredAt });
  });

  async function execute(envelope: CommandEnvelope<CampaignCommand>): Promise<CommandResult> {
    const updateId = currentUpdateInfo()?.id;
    const earlier = handled.get(updateId);
    if (earlier) return earlier;
    const now = commandTime(envelope.occurredAt, backfill);
    const decided = decideCampaign(state, envelope.command, envelope.actor, { now, newId: uuid4 });
    if (isRejection(decided)) throw rejectionFailure(decided);

    const metadata = { idempotencyKey: envelope.idempotencyKey, correlationId: envelope.correlationId, backfilled: backfill || undefined };
    const command = envelope.command;
    let targets: TargetInput[] = [];
    if (command.type === 'CreateCampaign') targets = command.targets;
    if (command.type === 'AddTarget') targets = [command];
    const planned = targets.map((target) => planTarget(decided, target, envelope.actor, now));
    const before = state;

    if (command.type === 'RemoveTarget' && before && isUser(envelope.actor) && patched(REMOVAL_ASKS_THE_INSPECTION)) {
      // Only the inspection knows whether its visit has started: it decides, the campaign records.
      const [order] = ordersFor(decided, before, envelope.actor);
      const outcome = await orderAnswers.ask(order, now, envelope.correlationId);
      if (!outcome.accepted) throw rejectionFailure(targetNotRemovable(outcome.status));
      await commit(decided, envelope.actor, now, metadata);
    } else {
      await commit(decided, envelope.actor, now, metadata, planned.map((p) => p.append));
      await Promise.all(planned.map((p) => startInspection(p.state)));
      // A new team, a removed target, a cancellation: the inspections concerned follow (by signal).
      if (before && isUser(envelope.actor)) await sendOrders(ordersFor(decided, before, envelope.actor), now, envelope.correlationId);
    }
    const result: CommandResult = { version, events: decided.map((e) => e.type) };
    handled.remember(updateId, result);
    return result;
  }

  /** The target's `InspectionPlanned`, decided by the inspection decider, for the same transaction. */
  function planTarget(decided: CampaignEvent[], target: TargetInput, actor: Actor, now: Date) {
    const created = decided.find((e) => e.type === 'CampaignCreated');
    const campaign = created ? evolveCampaign(undefined, { ...created, actor, occurredAt: now.toISOString() }) : state!;
    const planned = decide(undefined, targetPlan(campaign, target), actor, { now, newId: uuid4 });
    if (isRejection(planned)) throw rejectionFailure(planned);
    const events = stamp(planned, actor, now, { backfilled: backfill || undefined });
    return {
      state: evolve(undefined, { ...planned[0], actor, occurredAt: now.toISOString() }),
      append: { streamId: streamIds.inspection(target.inspectionId), streamType: 'inspection', expectedVersion: 0, events } satisfies StreamAppendRequest,
    };
  }

  async function startInspection(inspection: InspectionState): Promise<void> {
    await startChild(inspectionWorkflow, {
      workflowId: streamIds.inspection(inspection.id),
      args: [{ state: inspection, version: 1, campaignWorkflowId: workflowInfo().workflowId, backfill, historyLimit: input.historyLimit }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  }

  async function commit(events: CampaignEvent[], actor: Actor, at: Date, metadata: Parameters<typeof stamp>[3], alsoAppend: StreamAppendRequest[] = []) {
    if (events.length === 0 && alsoAppend.length === 0) return;
    const stamped = stamp(events, actor, at, metadata);
    const request: StreamAppendRequest = { streamId: streamIds.campaign(input.campaignId), streamType: 'campaign', expectedVersion: version, events: stamped };
    await append([request, ...alsoAppend]);
    for (const event of stamped) {
      state = evolveCampaign(state, event);
      version += 1;
    }
  }

  async function processNotice(notice: SystemNotice): Promise<void> {
    if (!state) return;
    if (notice.kind === 'status') state = withInspectionStatus(state, notice.command.inspectionId, notice.command.status);
    const at = new Date(Math.max(Date.parse(notice.occurredAt), Date.parse(state.completedAt ?? state.createdAt)));
    const decided = decideCampaign(state, notice.command, SYSTEM, { now: at, newId: uuid4 });
    if (isRejection(decided)) return;
    await commit(decided, SYSTEM, at, { backfilled: backfill || undefined });
    if (notice.kind === 'followUp' && state.status === 'cancelled' && patched(LATE_FOLLOW_UP_CANCELLED)) {
      await sendOrders(ordersForFollowUp(state, notice.command.inspectionId), at);
    }
  }

  if (!state) {
    const created = await condition(() => state !== undefined, UNCREATED_LIFETIME);
    if (!created) {
      await condition(allHandlersFinished);
      return;
    }
  }

  for (;;) {
    await condition(() => notices.length > 0 || shouldContinueAsNew(input.historyLimit));
    while (notices.length > 0) {
      const notice = notices.shift()!;
      await lock.run(() => processNotice(notice));
    }
    if (shouldContinueAsNew(input.historyLimit)) {
      if (patched(NOTICES_BEFORE_CONTINUE)) {
        await condition(allHandlersFinished);
        // A notice that arrived while an update was in flight is taken first: the next run would not have it.
        if (notices.length > 0) continue;
      } else {
        // Never true again once a notice arrives during an update: the loop above has already run.
        await condition(() => allHandlersFinished() && notices.length === 0);
      }
      await continueAsNew<typeof campaignWorkflow>({
        campaignId: input.campaignId,
        backfill,
        state,
        version,
        handledUpdates: handled.toJSON(),
        historyLimit: input.historyLimit,
      });
    }
  }
};
