import { randomUUID } from 'node:crypto';
import type { CommandEnvelope, EnvelopeAddress } from '@inspectorate/workflow-contract';

/**
 * The Update options that carry one command: its envelope (a type of the workflow contract),
 * addressed to one workflow and one Update id, and the same Update id. The workflow refuses an
 * envelope addressed elsewhere, so an encrypted envelope copied out of one history cannot be
 * replayed against another workflow, or as another Update of the same one (see `checkAddress`
 * in workflows/src/support/envelope.ts).
 */
export function addressCommand<C>(
  workflowId: string,
  envelope: Omit<CommandEnvelope<C>, 'address'>,
  updateId: string = randomUUID(),
): { args: [CommandEnvelope<C>]; updateId: string } {
  const address: EnvelopeAddress = { workflowId, updateId, issuedAt: new Date().toISOString() };
  return { args: [{ ...envelope, address }], updateId };
}
