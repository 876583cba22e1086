import { getExternalWorkflowHandle, log, patched } from '@temporalio/workflow';
import { InspectionOrder, streamIds } from '@inspectorate/domain';
import { campaignOrderSignal } from '@inspectorate/workflow-contract';

/**
 * The patch that lets a campaign change its team, remove a planned target and be cancelled, its
 * inspections following by signal. Only workflows that receive one of these new commands reach
 * this code, so histories recorded before it replay unchanged; the marker says which ones did.
 */
export const CAMPAIGN_CHANGES = 'campaign-changes';

/**
 * The patch that cancels a follow-up which joins a campaign already cancelled (scheduled in the
 * moment of the cancellation): the campaign orders it cancelled with the campaign's reason.
 */
export const LATE_FOLLOW_UP_CANCELLED = 'late-follow-up-cancelled';

/**
 * Tells each inspection what the campaign decided. A signal is durable once sent, so an
 * inspection that is busy applies it when its turn comes. One that has already ended (cancelled
 * meanwhile, nothing left open) cannot be told and needs nothing: that is logged, not a failure.
 */
export async function sendOrders(orders: readonly InspectionOrder[], occurredAt: Date, correlationId?: string): Promise<void> {
  if (orders.length === 0 || !patched(CAMPAIGN_CHANGES)) return;
  await Promise.all(orders.map((order) => signalOrder(order, occurredAt, correlationId)));
}

/**
 * Signals one order (with `requestId` when the campaign waits for the answer). False when the
 * inspection has ended and cannot be told: logged, not a failure.
 */
export async function signalOrder(order: InspectionOrder, occurredAt: Date, correlationId?: string, requestId?: string): Promise<boolean> {
  try {
    await getExternalWorkflowHandle(streamIds.inspection(order.inspectionId)).signal(campaignOrderSignal, {
      command: order.command,
      occurredAt: occurredAt.toISOString(),
      ...(correlationId ? { correlationId } : {}),
      ...(requestId ? { requestId } : {}),
    });
    return true;
  } catch (error) {
    log.warn('An inspection could not be told of its campaign change; it has ended', { inspectionId: order.inspectionId, order: order.command.type, error: String(error) });
    return false;
  }
}
