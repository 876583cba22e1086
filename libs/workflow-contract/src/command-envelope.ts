import type { Actor, CalendarDays, CalendarYear } from '@inspectorate/domain';

/**
 * One command as it travels to a workflow's Update: what is asked, by whom, and where to.
 * Clients address it with `addressCommand` (libs/temporal); the workflows check the address.
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
  /**
   * The working-day calendar as it was when the command was sent (the API reads it for every
   * inspection command). The workflow counts the deadlines this command sets with it and keeps
   * it for its timers; without it (the seeder, older clients) the workflow keeps the one it has.
   */
  readonly calendarDays?: readonly CalendarDays[];
  /**
   * The same calendar with its days' names and sources, as commands carried it until they carried
   * only the dates (≈8 KB per command in history, against ≈1 KB): read for histories recorded then.
   */
  readonly calendar?: readonly CalendarYear[];
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
