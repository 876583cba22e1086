import { condition, getExternalWorkflowHandle, log, uuid4 } from '@temporalio/workflow';
import { InspectionOrder, InspectionStatus, streamIds } from '@inspectorate/domain';
import { CampaignOrderAnswer, campaignOrderSignal } from '@inspectorate/workflow-contract';

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

/** Orders a campaign sends and waits on: each carries a request id its inspection answers to. */
export class OrderAnswers {
  private readonly answers = new Map<string, CampaignOrderAnswer>();

  /** The handler of `campaignOrderAnsweredSignal`. */
  receive(answer: CampaignOrderAnswer): void {
    this.answers.set(answer.requestId, answer);
  }

  /**
   * Sends the order and waits for the inspection's decision. An inspection whose workflow has
   * ended cannot be told: it ends only once cancelled, so that is the answer.
   */
  async ask(order: InspectionOrder, occurredAt: Date, correlationId?: string): Promise<OrderOutcome> {
    const requestId = uuid4();
    try {
      await getExternalWorkflowHandle(streamIds.inspection(order.inspectionId)).signal(campaignOrderSignal, {
        command: order.command,
        occurredAt: occurredAt.toISOString(),
        requestId,
        ...(correlationId ? { correlationId } : {}),
      });
    } catch (error) {
      log.warn('An inspection could not be asked to follow its campaign; it has ended', { inspectionId: order.inspectionId, order: order.command.type, error: String(error) });
      return { accepted: false, status: 'cancelled' };
    }
    await condition(() => this.answers.has(requestId));
    const answer = this.answers.get(requestId)!;
    this.answers.delete(requestId);
    return { accepted: answer.accepted, status: answer.status };
  }
}
