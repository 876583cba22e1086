import { condition, uuid4 } from '@temporalio/workflow';
import { InspectionOrder, InspectionStatus } from '@inspectorate/domain';
import { CampaignOrderAnswer } from '@inspectorate/workflow-contract';
import { signalOrder } from './campaign-orders';

/**
 * The patch that makes the inspection decide first when a planned target is removed: the campaign
 * asks it to cancel itself and records `CampaignTargetRemoved` only once it has. Before, the
 * campaign recorded the removal on what it knew, and an inspection whose visit had just started
 * refused the order afterwards: the campaign's stream held a removal that never happened.
 * Histories recorded before it replay through the old order of things
 * (test/histories/campaign-changed.before-removal-asks.json).
 */
export const REMOVAL_ASKS_THE_INSPECTION = 'removal-asks-the-inspection';

export interface OrderOutcome {
  readonly accepted: boolean;
  readonly status: InspectionStatus;
}

/**
 * How long the campaign waits before it asks again. A running inspection answers in moments; one
 * that stopped without answering (failed, terminated by an operator) is found closed by the next
 * ask, instead of holding the campaign, and every command behind its lock, for ever.
 */
const ASK_AGAIN_AFTER = '1 minute';

/** Orders a campaign sends and waits on: each carries a request id its inspection answers to. */
export class OrderAnswers {
  private readonly pending = new Set<string>();
  private readonly answers = new Map<string, CampaignOrderAnswer>();

  /** The handler of `campaignOrderAnsweredSignal`; an answer nobody waits for any more is dropped. */
  receive(answer: CampaignOrderAnswer): void {
    if (this.pending.has(answer.requestId)) this.answers.set(answer.requestId, answer);
  }

  /**
   * Sends the order and waits for the inspection's decision, asking again (the same request: the
   * inspection answers it once) while no answer has come. An inspection whose workflow has ended
   * cannot be asked: it ends once cancelled, so that is the answer.
   */
  async ask(order: InspectionOrder, occurredAt: Date, correlationId?: string): Promise<OrderOutcome> {
    const requestId = uuid4();
    this.pending.add(requestId);
    try {
      for (;;) {
        if (!(await signalOrder(order, occurredAt, correlationId, requestId))) return { accepted: false, status: 'cancelled' };
        if (await condition(() => this.answers.has(requestId), ASK_AGAIN_AFTER)) break;
      }
      const answer = this.answers.get(requestId)!;
      return { accepted: answer.accepted, status: answer.status };
    } finally {
      this.pending.delete(requestId);
      this.answers.delete(requestId);
    }
  }
}
