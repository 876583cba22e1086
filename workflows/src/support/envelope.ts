import { currentUpdateInfo, workflowInfo } from '@temporalio/workflow';
import { forbidden } from '@inspectorate/domain';
import type { CommandEnvelope } from '@inspectorate/workflow-contract';
import { rejectionFailure } from './failures';

/**
 * How long an envelope may be used after it was issued. Temporal itself answers a repeated Update
 * id with its first result within a run, and the workflows remember recent ids across
 * continue-as-new; the lifetime closes what is left (an old id forgotten in a later run). It is
 * generous, so a command that waited for a worker through an outage is not refused for it.
 */
export const ENVELOPE_LIFETIME_MS = 15 * 60_000;

/**
 * Refuses an envelope that was not issued for this workflow and this Update, or is too old. Runs
 * in the validators, before `decide` trusts the actor: the envelope is authenticated by its
 * encryption (the codec refuses plain payloads), and this makes the authenticated envelope
 * usable only where and when it was meant.
 */
export function checkAddress(envelope: CommandEnvelope<unknown>): void {
  const address = envelope?.address;
  const refused = (why: string) => rejectionFailure(forbidden(`This command envelope is refused: ${why}.`));
  if (!address || typeof address !== 'object') throw refused('it carries no address');
  if (address.workflowId !== workflowInfo().workflowId) throw refused('it was issued for another workflow');
  if (address.updateId !== currentUpdateInfo()?.id) throw refused('it was issued for another Update');
  const issuedAt = Date.parse(address.issuedAt);
  if (Number.isNaN(issuedAt) || Date.now() - issuedAt > ENVELOPE_LIFETIME_MS) throw refused('it has expired');
}
