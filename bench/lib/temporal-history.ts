import { Client } from '@temporalio/client';
import { median } from './stats';

type HistoryEvent = NonNullable<Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>['events']>[number];

const kind = (e: HistoryEvent) =>
  Object.keys(e)
    .find((k) => k.endsWith('EventAttributes'))
    ?.replace(/EventAttributes$/, '') ?? 'unknown';
const ms = (e: HistoryEvent) => Number(e.eventTime?.seconds ?? 0) * 1000 + (e.eventTime?.nanos ?? 0) / 1e6;

/** The steps of one command as Temporal's history records them (server clock, millisecond resolution). */
export interface UpdateSteps {
  /** Update arrives (its workflow task is scheduled) → the worker picks the task up. */
  workflowTask1Wait: number;
  /** The worker runs the validator (decide), the handler up to scheduling the activity, and encodes payloads. */
  workflowTask1Run: number;
  /** Activity scheduled → picked up by the worker. */
  activityWait: number;
  /** The activity: append + project in one transaction, and reporting its result. */
  activityRun: number;
  /** Activity done → the worker picks up the next workflow task. */
  workflowTask2Wait: number;
  /** The worker resumes the handler (evolve) and completes the update. */
  workflowTask2Run: number;
  /** From the update's arrival to its completion, on the server. */
  serverTotal: number;
}

/**
 * Splits each command of a workflow's history into its steps: workflow task (accept), activity,
 * workflow task (complete). Commands that look different (timers, signals in between) are skipped.
 */
export async function updateSteps(client: Client, workflowId: string): Promise<UpdateSteps[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  const steps: UpdateSteps[] = [];
  const expected = [
    'workflowTaskScheduled',
    'workflowTaskStarted',
    'workflowTaskCompleted',
    'workflowExecutionUpdateAccepted',
    'activityTaskScheduled',
    'activityTaskStarted',
    'activityTaskCompleted',
    'workflowTaskScheduled',
    'workflowTaskStarted',
    'workflowTaskCompleted',
    'workflowExecutionUpdateCompleted',
  ];
  for (let i = 0; i + expected.length <= events.length; i += 1) {
    if (!expected.every((type, k) => kind(events[i + k]) === type)) continue;
    const t = events.slice(i, i + expected.length).map(ms);
    steps.push({
      workflowTask1Wait: t[1] - t[0],
      workflowTask1Run: t[2] - t[1],
      activityWait: t[5] - t[4],
      activityRun: t[6] - t[5],
      workflowTask2Wait: t[8] - t[7],
      workflowTask2Run: t[9] - t[8],
      serverTotal: t[10] - t[0],
    });
    i += expected.length - 1;
  }
  return steps;
}

/** Median of each step over many commands. */
export function medianSteps(all: readonly UpdateSteps[]): Record<keyof UpdateSteps, number> & { commands: number } {
  const keys = [
    'workflowTask1Wait',
    'workflowTask1Run',
    'activityWait',
    'activityRun',
    'workflowTask2Wait',
    'workflowTask2Run',
    'serverTotal',
  ] as const;
  return {
    commands: all.length,
    ...(Object.fromEntries(keys.map((k) => [k, median(all.map((s) => s[k]))])) as Record<keyof UpdateSteps, number>),
  };
}
