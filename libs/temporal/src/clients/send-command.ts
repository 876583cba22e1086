import { Client } from '@temporalio/client';
import { createHash } from 'node:crypto';
import { CalendarDays, UserActor } from '@inspectorate/domain';
import type { CommandEnvelope } from '@inspectorate/workflow-contract';
import { addressCommand } from '../command-envelope';
import { CommandFailure } from './command-failure';

export interface CommandOptions {
  /** The caller's key for this intent: the Update id derives from it, so Temporal itself deduplicates. */
  readonly idempotencyKey?: string;
  readonly correlationId?: string;
  /** Only while back-filling paper records: when the command took effect (live workflows refuse it). */
  readonly occurredAt?: string;
  /** The working-day calendar the workflow counts this command's deadlines with (see `CommandEnvelope`). */
  readonly calendar?: readonly CalendarDays[];
}

export interface WorkflowClientOptions {
  /** How long a command may take to be confirmed before it fails as `undelivered` (it may still take effect). */
  readonly deadlineMs?: number;
}

/**
 * The Update options of one command: the envelope (who, what, when) addressed to the workflow and
 * the Update id. The actor is copied field by field, so nothing else the caller's object carries
 * (a request's user, say) travels into Temporal.
 */
export function commandUpdate<C>(workflowId: string, command: C, actor: UserActor, options: CommandOptions): { args: [CommandEnvelope<C>]; updateId: string } {
  const plainActor: UserActor = { kind: 'user', userId: actor.userId, role: actor.role, ...(actor.unitId ? { unitId: actor.unitId } : {}) };
  const envelope: Omit<CommandEnvelope<C>, 'address'> = {
    command,
    actor: plainActor,
    ...(options.occurredAt !== undefined ? { occurredAt: options.occurredAt } : {}),
    idempotencyKey: options.idempotencyKey,
    correlationId: options.correlationId,
    ...(options.calendar ? { calendarDays: options.calendar } : {}),
  };
  return addressCommand(workflowId, envelope, updateIdOf(actor, options));
}

/** Sends within the deadline, if any, and turns whatever goes wrong into a `CommandFailure`. */
export async function sendCommand<T>(temporal: Client, options: WorkflowClientOptions, call: () => Promise<T>): Promise<T> {
  try {
    return options.deadlineMs === undefined ? await call() : await temporal.withDeadline(Date.now() + options.deadlineMs, call);
  } catch (error) {
    throw CommandFailure.of(error);
  }
}

/** An idempotency key is the Update id (scoped to the caller); without one, a fresh id. */
function updateIdOf(actor: UserActor, options: CommandOptions): string | undefined {
  if (!options.idempotencyKey) return undefined;
  return `idem-${createHash('sha256').update(`${actor.userId}\u0000${options.idempotencyKey}`).digest('hex').slice(0, 40)}`;
}
