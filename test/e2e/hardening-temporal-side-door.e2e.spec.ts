import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { defaultPayloadConverter, toPayloads } from '@temporalio/common';
import { decodeFailure, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { temporal } from '@temporalio/proto';
import { randomUUID } from 'node:crypto';
import { UserActor } from '@inspectorate/domain';
import { addressCommand, dataConverter, workflowIds } from '@inspectorate/temporal';
import { inspectionCommandUpdate } from '@inspectorate/workflow-contract';
import { Scenario } from '../harness/scenario';
import { useStack } from '../harness/use-stack';

/**
 * Temporal is not a side door. Someone who can reach the Temporal frontend but holds no payload
 * key cannot give a workflow a command: a plain-JSON Update is refused before it is accepted
 * (the codec refuses unencrypted payloads), and an authentic envelope cannot be replayed against
 * another workflow or as another Update (its address is checked before `decide` trusts the actor).
 */
describe('commands sent straight to Temporal', () => {
  const stack = useStack();
  const scenario = new Scenario(stack);
  let inspectionId: string;
  let otherInspectionId: string;
  let chairman: UserActor;

  beforeAll(async () => {
    chairman = { kind: 'user', userId: stack.people.chairman.id, role: 'chairman' };
    // Two conclusions awaiting the chairman's approval.
    for (const target of [0, 1]) {
      const { inspectionId: id } = await scenario.plannedInspection();
      await scenario.start(id);
      const findingId = await scenario.finding(id);
      await scenario.endVisit(id);
      await scenario.conclude(id, [{ findingId }]);
      if (target === 0) inspectionId = id;
      else otherInspectionId = id;
    }
  });

  const approve = { type: 'ApproveConclusion' } as const;
  const conclusionStatus = async (id: string) =>
    (await stack.api.expect(200, stack.api.get(stack.people.chairman, `/inspections/${id}`))).conclusion.status;
  const eventTypes = async (id: string) =>
    (
      (await stack.api.expect(200, stack.api.get(stack.people.chairman, `/inspections/${id}/events?limit=500`))).items as { type: string }[]
    ).map((e) => e.type);

  it('refuses a plain-JSON Update approving a conclusion "as the chairman"; nothing is recorded', async () => {
    const plain = new Client({ connection: stack.temporal.connection, namespace: stack.config.TEMPORAL_NAMESPACE });
    const workflowId = workflowIds.inspection(inspectionId);
    const forged = plain.workflow
      .getHandle(workflowId)
      .executeUpdate(inspectionCommandUpdate, addressCommand(workflowId, { command: approve, actor: chairman }));

    // Refused; and since failures travel encrypted too, the forger cannot even read why.
    const refusal: unknown = await forged.then(
      () => 'accepted',
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(Error);
    expect(refusal).not.toBeInstanceOf(WorkflowUpdateFailedError);
    expect(String((refusal as Error).message)).toMatch(/binary\/encrypted/);
    // Read with the key, the refusal says the payload was not encrypted.
    const keyed = new Client({
      connection: stack.temporal.connection,
      namespace: stack.config.TEMPORAL_NAMESPACE,
      dataConverter: dataConverter(stack.config.PAYLOAD_ENCRYPTION_KEYS),
    });
    const { args, updateId } = addressCommand(workflowId, { command: approve, actor: chairman });
    const response = await keyed.workflowService.updateWorkflowExecution({
      namespace: stack.config.TEMPORAL_NAMESPACE,
      workflowExecution: { workflowId },
      waitPolicy: {
        lifecycleStage: temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED,
      },
      request: {
        meta: { updateId, identity: 'forger' },
        input: { name: inspectionCommandUpdate.name, args: { payloads: toPayloads(defaultPayloadConverter, ...args) } },
      },
    });
    const converter = loadDataConverter(dataConverter(stack.config.PAYLOAD_ENCRYPTION_KEYS));
    const reason = converter.failureConverter.failureToError(
      await decodeFailure(converter.payloadCodecs, response.outcome!.failure!),
      converter.payloadConverter,
    );
    expect(reason.message).toMatch(/refused-unencrypted/);
    expect(await conclusionStatus(inspectionId)).toBe('awaiting_approval');
    expect(await eventTypes(inspectionId)).not.toContain('ConclusionApproved');
  });

  it('refuses an encrypted envelope addressed to another workflow, to another Update, or to none', async () => {
    const keyed = new Client({
      connection: stack.temporal.connection,
      namespace: stack.config.TEMPORAL_NAMESPACE,
      dataConverter: dataConverter(stack.config.PAYLOAD_ENCRYPTION_KEYS),
    });
    const workflowId = workflowIds.inspection(inspectionId);
    const handle = keyed.workflow.getHandle(workflowId);

    // A genuine envelope issued for the other inspection, replayed against this one.
    const elsewhere = addressCommand(workflowIds.inspection(otherInspectionId), { command: approve, actor: chairman });
    await expect(handle.executeUpdate(inspectionCommandUpdate, elsewhere)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/issued for another workflow/) },
    });

    // A genuine envelope of this workflow, replayed under another Update id.
    const issued = addressCommand(workflowId, { command: approve, actor: chairman });
    await expect(handle.executeUpdate(inspectionCommandUpdate, { args: issued.args, updateId: randomUUID() })).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/issued for another Update/) },
    });

    // No address at all (the envelope of an older client, or a hand-made one).
    const { address: _address, ...bare } = issued.args[0];
    await expect(handle.executeUpdate(inspectionCommandUpdate, { args: [bare as never] })).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/no address/) },
    });

    // Expired: issued more than the lifetime ago.
    const stale = addressCommand(workflowId, { command: approve, actor: chairman });
    const old = { ...stale.args[0], address: { ...stale.args[0].address, issuedAt: new Date(Date.now() - 60 * 60_000).toISOString() } };
    await expect(handle.executeUpdate(inspectionCommandUpdate, { args: [old], updateId: stale.updateId })).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/expired/) },
    });

    expect(await conclusionStatus(inspectionId)).toBe('awaiting_approval');
    expect(await eventTypes(inspectionId)).not.toContain('ConclusionApproved');

    // The API's own envelope goes through: the chairman approves over HTTP.
    const approved = await scenario.approve(inspectionId);
    expect(approved.conclusion.status).toBe('approved');
  });
});
