import { decodeFailure, encodeToPayloads, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { temporal } from '@temporalio/proto';
import { randomUUID } from 'node:crypto';
import { addressCommand, dataConverter, workflowIds } from '@inspectorate/temporal';
import { inspectionCommandUpdate } from '@inspectorate/workflow-contract';
import { Scenario } from '../harness/scenario';
import { inDays } from '../harness/time';
import { useStack } from '../harness/use-stack';

/**
 * A refused command's reason can name what is secret (a visit window, a unit). A refusal travels
 * through Temporal's frontend, and when an Update fails after its validator accepted it, its
 * failure is stored in the workflow's history. There its message must be as unreadable as the
 * payloads, while the API still reads it (with the payload key) and answers with it.
 */
describe("refusals in Temporal's store are encrypted", () => {
  const stack = useStack();

  it('gives Temporal a validator’s refusal that names the window only as an encoded failure', async () => {
    const { api, people } = stack;
    const window = { windowStart: inDays(33), windowEnd: inDays(36) };
    const { inspectionId } = await new Scenario(stack).plannedInspection({ units: [people.units.b], windows: window });

    // Through the API, the lead is told why (the window is theirs to know).
    const early = await api.post(people.lead, `/inspections/${inspectionId}/start`);
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain(window.windowStart);

    // What Temporal's frontend holds and answers for the same refusal, read without the codec.
    const converter = loadDataConverter(dataConverter(stack.config.PAYLOAD_ENCRYPTION_KEYS));
    // Addressed to this workflow and Update, as the API sends it, so the refusal is the domain's.
    const { args, updateId } = addressCommand(
      workflowIds.inspection(inspectionId),
      {
        command: { type: 'StartVisit' },
        actor: { kind: 'user', userId: people.lead.id, role: people.lead.role },
      },
      `raw-${randomUUID()}`,
    );
    const [envelope] = args;
    const response = await stack.temporal.workflowService.updateWorkflowExecution({
      namespace: stack.config.TEMPORAL_NAMESPACE,
      workflowExecution: { workflowId: workflowIds.inspection(inspectionId) },
      waitPolicy: {
        lifecycleStage: temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED,
      },
      request: {
        meta: { updateId, identity: 'hardening-test' },
        input: { name: inspectionCommandUpdate.name, args: { payloads: await encodeToPayloads(converter, envelope) } },
      },
    });
    const failure = response.outcome?.failure;
    expect(failure?.message).toBe('Encoded failure');
    expect(Buffer.from(failure?.encodedAttributes?.metadata?.encoding ?? []).toString()).toBe('binary/encrypted');
    const raw = Buffer.from(temporal.api.workflowservice.v1.UpdateWorkflowExecutionResponse.encode(response).finish());
    for (const secret of [window.windowStart, window.windowEnd])
      expect({ secret, found: raw.includes(Buffer.from(secret)) }).toEqual({ secret, found: false });

    // With the key, the message is all there.
    const decoded = converter.failureConverter.failureToError(
      await decodeFailure(converter.payloadCodecs, failure!),
      converter.payloadConverter,
    );
    expect(decoded.message).toBe(early.body.detail);
  });

  it('stores the failure of an Update accepted and then refused as an encoded failure, naming no secret', async () => {
    const { api, people } = stack;
    const campaign = await new Scenario(stack).campaign({ units: [people.units.a] });
    const secretUnit = people.units.c;
    const target = { unitId: secretUnit, windowStart: inDays(20), windowEnd: inDays(30) };

    // With the worker stopped, both commands wait for it, and its first workflow task validates
    // both against the same state: both are accepted, and the second fails when it runs.
    await stack.stopWorker();
    const first = api.post(people.lead, `/campaigns/${campaign.id}/targets`, target, { 'Idempotency-Key': 'add-c-first' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = api.post(people.lead, `/campaigns/${campaign.id}/targets`, target, { 'Idempotency-Key': 'add-c-second' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await stack.startWorker();
    const answers = await Promise.all([first, second]);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);

    const { raw, events } = await rawHistory(workflowIds.campaign(campaign.id));
    const failures = events
      .map((e) => e.workflowExecutionUpdateCompletedEventAttributes?.outcome?.failure)
      .filter((f): f is temporal.api.failure.v1.IFailure => Boolean(f));
    expect(failures).toHaveLength(1);
    for (let failure: temporal.api.failure.v1.IFailure | null | undefined = failures[0]; failure; failure = failure.cause) {
      expect(failure.message).toBe('Encoded failure');
      expect(failure.stackTrace ?? '').toBe('');
    }
    for (const secret of [secretUnit, target.windowStart, target.windowEnd]) {
      expect({ secret, found: raw.includes(Buffer.from(secret)) }).toEqual({ secret, found: false });
    }
  });

  /** The stored history as Temporal's frontend serves it: raw gRPC, no codec, no converter. */
  async function rawHistory(workflowId: string): Promise<{ raw: Buffer; events: temporal.api.history.v1.IHistoryEvent[] }> {
    const chunks: Buffer[] = [];
    const events: temporal.api.history.v1.IHistoryEvent[] = [];
    let nextPageToken: Uint8Array | undefined;
    do {
      const response = await stack.temporal.workflowService.getWorkflowExecutionHistory({
        namespace: stack.config.TEMPORAL_NAMESPACE,
        execution: { workflowId },
        nextPageToken,
      });
      chunks.push(Buffer.from(temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse.encode(response).finish()));
      events.push(...(response.history?.events ?? []));
      nextPageToken = response.nextPageToken && response.nextPageToken.length > 0 ? response.nextPageToken : undefined;
    } while (nextPageToken);
    return { raw: Buffer.concat(chunks), events };
  }
});
