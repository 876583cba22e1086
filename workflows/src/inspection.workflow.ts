import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  currentUpdateInfo,
  getExternalWorkflowHandle,
  log,
  ParentClosePolicy,
  patched,
  setHandler,
  sleep,
  startChild,
  uuid4,
} from '@temporalio/workflow';
import {
  Actor,
  calendarDaysOf,
  decide,
  defaultCalendar,
  dueTimers,
  evolve,
  followUpPlan,
  InspectionCommand,
  InspectionEvent,
  InspectionEventOf,
  InspectionState,
  InspectionStatus,
  isRejection,
  streamIds,
  SYSTEM,
  timersDueBy,
  WorkingCalendar,
} from '@inspectorate/domain';
import {
  campaignOrderAnsweredSignal,
  campaignOrderSignal,
  CampaignOrderMessage,
  CommandEnvelope,
  CommandResult,
  endBackfillUpdate,
  followUpPlannedSignal,
  inspectionCommandUpdate,
  inspectionStateQuery,
  inspectionStatusSignal,
  InspectionWorkflow,
  InspectionWorkflowInput,
  StreamAppendRequest,
} from '@inspectorate/workflow-contract';
import { append, stamp } from './support/event-log';
import { checkAddress } from './support/envelope';
import { commandTime, rejectionFailure } from './support/failures';
import { Lock } from './support/lock';
import { HandledUpdates } from './support/handled-updates';
import { shouldContinueAsNew } from './support/history-limit';

/**
 * The patch that made the calendar an input: commands carry the calendar as it was when they
 * were sent, and the workflow counts with it instead of the table compiled into the bundle.
 * Histories recorded before it replay with the compiled table (their envelopes carry none).
 */
export const CALENDAR_AS_DATA_PATCH = 'calendar-as-data';

/**
 * One inspection, from its secret planning to closure. A thin durable shell around the pure
 * decider: commands arrive as Updates (validated by `decide` before they touch history), their
 * events are appended by an activity, and the deadlines the state implies are timers that send
 * `system` commands. The workflow stays open after closure, because a follow-up may be scheduled
 * and accountability cases decided later; a cancelled one ends once no case is open.
 */
export const inspectionWorkflow: InspectionWorkflow = async function inspectionWorkflow(input: InspectionWorkflowInput): Promise<{ status: InspectionStatus }> {
  let state = input.state;
  let version = input.version;
  let backfill = input.backfill;
  let statusKnownToCampaign = input.statusKnownToCampaign ?? state.status;
  const handled = new HandledUpdates(input.handledUpdates);
  const lock = new Lock();
  // The calendar the timers count with: the latest a command brought. Deadlines already set are
  // instants in the state and do not move with it; only RecomputeDeadlines moves them, explicitly.
  // Commands and inputs recorded before only the dates travelled carry the table with its names.
  let calendarDays = input.calendarDays ?? (input.calendar && calendarDaysOf(input.calendar));
  let calendar: WorkingCalendar = calendarDays ? new WorkingCalendar(calendarDays) : defaultCalendar;
  const daysIn = (envelope: CommandEnvelope<InspectionCommand>) => envelope.calendarDays ?? (envelope.calendar && calendarDaysOf(envelope.calendar));
  /** The calendar an envelope brings, or the one the workflow has. Pure: the validator uses it too. */
  const calendarFor = (envelope: CommandEnvelope<InspectionCommand>): WorkingCalendar => {
    const days = daysIn(envelope);
    return days ? new WorkingCalendar(days) : calendar;
  };

  setHandler(inspectionStateQuery, () => ({ state, version, backfill }));

  // Changes of the campaign (a new team, a cancellation) queue here and are applied in turn.
  const campaignOrders: CampaignOrderMessage[] = [];
  setHandler(campaignOrderSignal, (order) => {
    campaignOrders.push(order);
  });

  setHandler(
    inspectionCommandUpdate,
    (envelope) => lock.run(() => execute(envelope)),
    {
      validator: (envelope) => {
        if (handled.has(currentUpdateInfo()?.id)) return;
        checkAddress(envelope);
        const now = commandTime(envelope.occurredAt, backfill);
        const decided = decide(state, envelope.command, envelope.actor, { now, newId: () => 'validation-only', calendar: calendarFor(envelope) });
        if (isRejection(decided)) throw rejectionFailure(decided);
      },
    },
  );

  // Leaving back-fill catches up at once: whatever fell due since the last record (reminders,
  // escalations, missed windows) is recorded before the update returns, each at its own date.
  setHandler(endBackfillUpdate, () =>
    lock.run(async () => {
      backfill = false;
      await fireTimersDueBy(new Date());
      return { version };
    }),
  );

  async function execute(envelope: CommandEnvelope<InspectionCommand>): Promise<CommandResult> {
    const updateId = currentUpdateInfo()?.id;
    const earlier = handled.get(updateId);
    if (earlier) return earlier;
    const now = commandTime(envelope.occurredAt, backfill);
    if (backfill) await fireTimersDueBy(now);
    const days = daysIn(envelope);
    if (days && patched(CALENDAR_AS_DATA_PATCH)) {
      calendarDays = days;
      calendar = new WorkingCalendar(days);
    }
    const decided = decide(state, envelope.command, envelope.actor, { now, newId: uuid4, calendar });
    if (isRejection(decided)) throw rejectionFailure(decided);

    const followUp = decided.find((e): e is InspectionEventOf<'FollowUpScheduled'> => e.type === 'FollowUpScheduled');
    const plannedFollowUp = followUp && planFollowUp(followUp, envelope.actor, now);
    await commit(decided, envelope.actor, now, { idempotencyKey: envelope.idempotencyKey, correlationId: envelope.correlationId, backfilled: backfill || undefined }, plannedFollowUp?.append);
    if (plannedFollowUp) await startFollowUp(plannedFollowUp.state);
    await tellCampaign(now);

    const result: CommandResult = { version, events: decided.map((e) => e.type) };
    handled.remember(updateId, result);
    return result;
  }

  /** Applies every timer due by `now`, in order; each event is dated at its deadline. */
  async function fireTimersDueBy(now: Date): Promise<void> {
    for (;;) {
      const [due] = timersDueBy(state, now, calendar);
      if (!due) break;
      const at = new Date(Math.max(Date.parse(due.at), Date.parse(state.lastEventAt)));
      const decided = decide(state, due.command, SYSTEM, { now: at, newId: uuid4, calendar });
      if (isRejection(decided)) {
        // A timer derived from the state that the state then refuses is a bug: fail this attempt
        // (the main loop backs off) rather than spin on a timer that is due again at once.
        throw ApplicationFailure.nonRetryable(`Due timer ${due.command.type} was refused: ${decided.reason}`, 'TimerRefused');
      }
      await commit(decided, SYSTEM, at, { backfilled: backfill || undefined });
    }
    await tellCampaign(now);
  }

  async function commit(
    events: InspectionEvent[],
    actor: Actor,
    at: Date,
    metadata: Parameters<typeof stamp>[3],
    alsoAppend?: StreamAppendRequest,
  ): Promise<void> {
    const stamped = stamp(events, actor, at, metadata);
    const request: StreamAppendRequest = { streamId: streamIds.inspection(state.id), streamType: 'inspection', expectedVersion: version, events: stamped };
    await append(alsoAppend ? [request, alsoAppend] : [request]);
    for (const event of stamped) {
      state = evolve(state, event);
      version += 1;
    }
  }

  /**
   * The follow-up's `InspectionPlanned` (the plan is the domain's), appended with the event that
   * scheduled it. Its year was once the UTC year of the window; the local one changes only what
   * the events say, not which commands the workflow issues, so it needs no patch (a history
   * recorded before it replays: test/histories/inspection-follow-up.before-local-year.json).
   */
  function planFollowUp(scheduled: InspectionEventOf<'FollowUpScheduled'>, actor: Actor, now: Date) {
    const planned = decide(undefined, followUpPlan(state, scheduled.data), actor, { now, newId: uuid4 });
    if (isRejection(planned)) throw rejectionFailure(planned);
    const events = stamp(planned, actor, now, { backfilled: backfill || undefined });
    const followUpState = evolve(undefined, { ...planned[0], actor, occurredAt: now.toISOString() });
    return {
      state: followUpState,
      append: { streamId: streamIds.inspection(scheduled.data.followUpInspectionId), streamType: 'inspection', expectedVersion: 0, events } satisfies StreamAppendRequest,
    };
  }

  async function startFollowUp(followUpState: InspectionState): Promise<void> {
    await startChild(inspectionWorkflow, {
      workflowId: streamIds.inspection(followUpState.id),
      args: [{ state: followUpState, version: 1, campaignWorkflowId: input.campaignWorkflowId, backfill, historyLimit: input.historyLimit, ...(calendarDays ? { calendarDays } : {}) }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    await getExternalWorkflowHandle(input.campaignWorkflowId).signal(followUpPlannedSignal, {
      inspectionId: followUpState.id,
      unitId: followUpState.unitId,
      followUpOf: state.id,
      occurredAt: followUpState.plannedAt,
    });
  }

  /** The campaign completes when all its inspections are closed or cancelled, so it hears of each change. */
  async function tellCampaign(now: Date): Promise<void> {
    if (state.status === statusKnownToCampaign) return;
    statusKnownToCampaign = state.status;
    await getExternalWorkflowHandle(input.campaignWorkflowId).signal(inspectionStatusSignal, {
      inspectionId: state.id,
      status: state.status,
      occurredAt: new Date(Math.max(now.getTime(), Date.parse(state.lastEventAt))).toISOString(),
    });
  }

  /** Requests answered in this run: a campaign that asks again while the answer is on its way gets it once. */
  const answeredRequests = new Set<string>();

  /** Applies the campaign's orders as `system`, each dated no earlier than the inspection's last event. */
  async function applyCampaignOrders(): Promise<void> {
    while (campaignOrders.length > 0) {
      const order = campaignOrders.shift()!;
      if (order.requestId && answeredRequests.has(order.requestId)) continue;
      const at = new Date(Math.max(Date.parse(order.occurredAt), Date.parse(state.lastEventAt)));
      const decided = decide(state, order.command, SYSTEM, { now: at, newId: uuid4 });
      if (isRejection(decided)) {
        // The campaign knew this inspection a moment late (it ended, or its visit just started).
        if (order.requestId) await answerCampaign(order.requestId, false);
        else log.warn('A campaign order no longer fits the inspection', { order: order.command.type, status: state.status });
        continue;
      }
      if (decided.length > 0) await commit(decided, SYSTEM, at, { correlationId: order.correlationId, backfilled: backfill || undefined });
      await tellCampaign(at);
      if (order.requestId) await answerCampaign(order.requestId, true);
    }
  }

  /** The campaign waits for this answer before it records the change it asked for. */
  async function answerCampaign(requestId: string, accepted: boolean): Promise<void> {
    answeredRequests.add(requestId);
    await getExternalWorkflowHandle(input.campaignWorkflowId).signal(campaignOrderAnsweredSignal, { requestId, inspectionId: state.id, accepted, status: state.status });
  }

  const finished = () => state.status === 'cancelled' && !state.cases.some((c) => c.status === 'open');

  while (!finished()) {
    const next = backfill ? undefined : dueTimers(state, calendar)[0];
    const seenVersion = version;
    const seenBackfill = backfill;
    const wake = () => version !== seenVersion || backfill !== seenBackfill || campaignOrders.length > 0 || shouldContinueAsNew(input.historyLimit);
    if (next) {
      const changed = await condition(wake, Math.max(1, Date.parse(next.at) - Date.now()));
      if (!changed) {
        try {
          await lock.run(() => fireTimersDueBy(new Date()));
        } catch (error) {
          // A timer's events could not be recorded. The inspection must not fail for it: log,
          // wait, and try again (the timer is still due), so an operator can fix the cause.
          log.error('Recording a due timer failed; retrying in a minute', { error: String(error) });
          await sleep('1 minute');
        }
      }
    } else {
      await condition(wake);
    }
    if (campaignOrders.length > 0) await lock.run(applyCampaignOrders);
    if (shouldContinueAsNew(input.historyLimit)) {
      await condition(allHandlersFinished);
      // A campaign order that arrived meanwhile is applied first: the next run would not have it.
      if (campaignOrders.length > 0) continue;
      await continueAsNew<typeof inspectionWorkflow>({
        state,
        version,
        campaignWorkflowId: input.campaignWorkflowId,
        backfill,
        statusKnownToCampaign,
        handledUpdates: handled.toJSON(),
        historyLimit: input.historyLimit,
        ...(calendarDays ? { calendarDays } : {}),
      });
    }
  }
  await condition(allHandlersFinished);
  // An order that came after the loop's last turn is still decided (refused: the inspection is
  // cancelled) and answered if asked: its campaign may be waiting. Older orders asked for nothing.
  while (campaignOrders.length > 0) {
    await lock.run(applyCampaignOrders);
    await condition(allHandlersFinished);
  }
  return { status: state.status };
};
