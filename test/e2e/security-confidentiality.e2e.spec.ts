import { Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { randomBytes, randomUUID } from 'node:crypto';
import { defaultCalendar } from '@inspectorate/domain';
import { EncryptionCodec, parseEncryptionKeys, workflowIds } from '@inspectorate/temporal';
import { eventually, Scenario } from '../harness/scenario';
import { TestStack } from '../harness/stack';
import { inDays, inSeconds } from '../harness/time';
import { useStack } from '../harness/use-stack';
import { TargetFixture } from './security/fixtures';
import { observe, observeAll, Observed } from './security/head-view';
import { send, textFile, uploadAttachment } from './security/http';
import { PERMISSION_TABLE } from './security/permission-table';

/**
 * Unannounced means secret: a unit head probing for a planned inspection of their own unit, through
 * every endpoint, learns nothing. Not by id (the same 404 as an id that exists nowhere), not in a
 * list, not in a count, not in a report (identical to a world where nothing was planned), not by
 * a notification or an attachment; the visit window stays hidden even once the visit has started;
 * and Temporal's stored history cannot be read without the payload key.
 */
describe('confidentiality of planned inspections', () => {
  const stack = useStack();
  const scenario = new Scenario(stack);
  const today = inDays(0);
  const year = today.slice(0, 4);
  /** Distinctive window days, to search for in everything the unit head can read. */
  const secretWindow = { windowStart: today, windowEnd: inDays(37) };
  const rescheduledFrom = { windowStart: inDays(41), windowEnd: inDays(43) };

  let visible: { campaignId: string; inspectionId: string };
  let secrets: { label: string; inspectionId: string; campaignId: string }[];
  let secretCampaignId: string;
  let secretUploadId: string;
  let missedNoticeId: string;
  let probes: string[];
  let before: Record<string, Observed>;
  let chairmanBefore: Observed;

  beforeAll(async () => {
    const { api, people } = stack;

    // The world before: one visited inspection of unit A, remediating, with an action already overdue.
    const baseline = await scenario.plannedInspection({ units: [people.units.a] });
    const findingId = await scenario.finding((await scenario.start(baseline.inspectionId)).id);
    await scenario.endVisit(baseline.inspectionId);
    await scenario.conclude(baseline.inspectionId, [{ findingId }]);
    await scenario.approve(baseline.inspectionId);
    await scenario.respond(baseline.inspectionId, people.headA, [{ findingId, position: 'accepted', dueDate: inSeconds(2) }]);
    await eventually(async () => ((await api.expect(200, api.get(people.headA, `/inspections/${baseline.inspectionId}`))).actions[0].overdue ? true : undefined));
    visible = baseline;
    const unitB = await scenario.plannedInspection({ units: [people.units.b] });

    const reports = (path: string) => [path, `${path}${path.includes('?') ? '&' : '?'}format=csv`, `${path}${path.includes('?') ? '&' : '?'}format=xlsx`, `${path}${path.includes('?') ? '&' : '?'}asOf=${today}`];
    probes = [
      '/inspections',
      `/inspections?unitId=${people.units.a}`,
      '/inspections?status=planned',
      `/inspections?unitId=${people.units.a}&status=planned`,
      `/inspections?campaignId=${visible.campaignId}`,
      `/inspections?campaignId=${unitB.campaignId}`,
      `/inspections/${visible.inspectionId}`,
      `/inspections/${visible.inspectionId}/events`,
      '/me',
      '/me/notifications',
      '/me/notifications?unread=true',
      '/accountability-cases',
      `/units/${people.units.a}`,
      '/findings',
      `/findings?unitId=${people.units.a}&year=${year}`,
      '/authority',
      '/checklist-templates',
      '/checklist-versions/demo-2023.1',
      ...reports('/reports/dashboard'),
      ...reports(`/reports/dashboard?year=${year}`),
      ...reports(`/reports/units/${people.units.a}`),
      ...reports('/reports/overdue'),
    ];
    before = await observeAll(stack, people.headA, probes);
    chairmanBefore = await observe(await send(stack, people.chairman, { method: 'GET', path: '/api/v1/reports/dashboard' }));

    // Now the team plans, in every way there is, inspections of unit A that have not started.
    const campaign = await scenario.campaign({ units: [people.units.a, people.units.c], windows: rescheduledFrom });
    secretCampaignId = campaign.id;
    const planned = campaign.targets.find((t: { unitId: string }) => t.unitId === people.units.a).inspectionId as string;
    await api.expect(200, api.post(people.lead, `/inspections/${planned}/reschedule`, secretWindow));
    const added = await api.expect(200, api.post(people.lead, `/campaigns/${unitB.campaignId}/targets`, { unitId: people.units.a, ...secretWindow }));
    const addedId = added.targets.find((t: { unitId: string }) => t.unitId === people.units.a).inspectionId as string;
    const followUp = await api.expect(201, api.post(people.lead, `/inspections/${visible.inspectionId}/follow-up`, secretWindow));
    const missed = await scenario.plannedInspection({ units: [people.units.a], windows: { windowStart: today, windowEnd: inSeconds(2) } });
    const dropped = await scenario.plannedInspection({ units: [people.units.a] });
    await api.expect(200, api.post(people.lead, `/inspections/${dropped.inspectionId}/cancel`, { reason: 'Thay đổi kế hoạch.' }));
    // Campaign changes: a planned target removed; a campaign whose team changed, then cancelled.
    const trimmed = await scenario.campaign({ units: [people.units.a, people.units.c] });
    const removedId = trimmed.targets.find((t: { unitId: string }) => t.unitId === people.units.a).inspectionId as string;
    await api.expect(200, api.post(people.lead, `/campaigns/${trimmed.id}/targets/${removedId}/remove`, { reason: 'Đơn vị vừa được thanh tra chuyên ngành.' }));
    const called = await scenario.plannedInspection({ units: [people.units.a] });
    await api.expect(200, api.post(people.lead, `/campaigns/${called.campaignId}/team`, { leadInspectorId: people.lead.id, inspectorIds: [people.inspector1.id] }));
    await api.expect(200, api.post(people.chairman, `/campaigns/${called.campaignId}/cancel`, { reason: 'Dừng kế hoạch.' }));
    await eventually(async () => ((await api.expect(200, api.get(people.lead, `/inspections/${missed.inspectionId}`))).window.missed ? true : undefined));
    const leadNotes = await api.expect(200, api.get(people.lead, '/me/notifications?limit=500'));
    missedNoticeId = leadNotes.items.find((n: { inspectionId: string; topic: string }) => n.inspectionId === missed.inspectionId && n.topic === 'visit.window_missed').id;
    secretUploadId = (await uploadAttachment(stack, people.inspector1, textFile('Kế hoạch kiểm tra đột xuất (mật)\n'))).id;
    secrets = [
      { label: 'planned in a new campaign, then rescheduled', inspectionId: planned, campaignId: campaign.id },
      { label: 'added to an existing campaign', inspectionId: addedId, campaignId: unitB.campaignId },
      { label: 'a follow-up of the visited inspection', inspectionId: followUp.id, campaignId: visible.campaignId },
      { label: 'planned, window missed (the lead was told)', inspectionId: missed.inspectionId, campaignId: missed.campaignId },
      { label: 'planned, cancelled before its visit', inspectionId: dropped.inspectionId, campaignId: dropped.campaignId },
      { label: 'planned, removed from its campaign', inspectionId: removedId, campaignId: trimmed.id },
      { label: 'planned, its team changed, its campaign cancelled', inspectionId: called.inspectionId, campaignId: called.campaignId },
    ];
  });

  it('leaves every list, count, report (JSON, CSV, XLSX, live and as of today), notification and visible inspection of the unit head exactly as before', async () => {
    const after = await observeAll(stack, stack.people.headA, probes);
    for (const path of probes) expect({ path, ...after[path] }).toEqual({ path, ...before[path] });
    // The same reads do change for the chairman, so the comparison above would have seen a leak.
    const chairmanAfter = await observe(await send(stack, stack.people.chairman, { method: 'GET', path: '/api/v1/reports/dashboard' }));
    expect(chairmanAfter).not.toEqual(chairmanBefore);
  });

  it('answers every endpoint about a planned inspection exactly as about an id that exists nowhere', async () => {
    const { people } = stack;
    const probeWith = (inspectionId: string, campaignId: string, attachmentId: string, notificationId: string): TargetFixture => ({
      unitId: people.units.a,
      campaignId,
      completedCampaignId: campaignId,
      inspectionId,
      endedInspectionId: inspectionId,
      findingId: '3f0c8f5e-0000-4000-8000-000000000001',
      actionId: '3f0c8f5e-0000-4000-8000-000000000002',
      caseId: '3f0c8f5e-0000-4000-8000-000000000003',
      notificationId,
      attachmentId,
    });
    const rows = PERMISSION_TABLE.filter((row) => /:id|:findingId|:actionId/.test(row.path) && !row.path.startsWith('/units') && !row.path.startsWith('/reports/units'));
    for (const secret of secrets) {
      const real = probeWith(secret.inspectionId, secret.campaignId, secretUploadId, missedNoticeId);
      const nowhere = probeWith(randomUUID(), randomUUID(), randomUUID(), `${randomUUID()}:0`);
      for (const row of rows) {
        const ask = async (fixture: TargetFixture) => {
          const { path, ...rest } = row.request(fixture, { people, role: 'headA', user: people.headA });
          const response = await send(stack, people.headA, { method: row.method, path: `/api/v1${path}`, ...rest });
          return { status: response.status, body: response.body };
        };
        const [onSecret, onNothing] = [await ask(real), await ask(nowhere)];
        expect({ secret: secret.label, route: `${row.method} ${row.path}`, ...onSecret }).toEqual({ secret: secret.label, route: `${row.method} ${row.path}`, ...onNothing });
        expect([403, 404]).toContain(onSecret.status);
      }
      // Campaign-wide lists filtered by the secret's campaign say no more than for a campaign that does not exist.
      const byCampaign = await send(stack, people.headA, { method: 'GET', path: `/api/v1/inspections?campaignId=${secret.campaignId}` });
      expect((byCampaign.body as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(secret.inspectionId);
    }
    const lonely = await send(stack, people.headA, { method: 'GET', path: `/api/v1/inspections?campaignId=${secretCampaignId}` });
    const nowhere = await send(stack, people.headA, { method: 'GET', path: `/api/v1/inspections?campaignId=${randomUUID()}` });
    expect(lonely.body).toEqual(nowhere.body);
    // The team sees them all, so the ids above are real.
    for (const secret of secrets) expect((await send(stack, people.lead, { method: 'GET', path: `/api/v1/inspections/${secret.inspectionId}` })).status).toBe(200);
  });

  it('a calendar correction never counts, names or touches a planned inspection', async () => {
    const { api, people } = stack;
    const holiday = await api.expect(
      201,
      api.post(people.admin, '/calendar/entries', { date: defaultCalendar.addWorkingDays(today, 1), kind: 'holiday', nameVi: 'Nghỉ thử', nameEn: 'Test day off', source: 'Thử' }),
    );
    try {
      const preview = await api.expect(200, api.get(people.admin, '/calendar/corrections'));
      const named = JSON.stringify(preview);
      for (const secret of secrets) expect({ secret: secret.label, named: named.includes(secret.inspectionId) }).toEqual({ secret: secret.label, named: false });
    } finally {
      await api.expect(204, api.post(people.admin, `/calendar/entries/${holiday.id}/remove`, {}));
    }
  });

  it('never shows the visit window to the unit head, even once the visit has started', async () => {
    const { api, people } = stack;
    const [planned] = secrets;
    const started = await scenario.start(planned.inspectionId);
    await scenario.finding(planned.inspectionId, people.inspector1, { evidence: [{ attachmentId: secretUploadId }] });
    const leadView = await api.expect(200, api.get(people.lead, `/inspections/${planned.inspectionId}`));
    const { windowStart, windowEnd, opensAt, closesAt } = leadView.window;
    expect({ windowStart, windowEnd }).toEqual(secretWindow);
    expect(started.status).toBe('in_progress');

    const seen = await observeAll(stack, people.headA, [
      `/inspections/${planned.inspectionId}`,
      `/inspections/${planned.inspectionId}/events`,
      `/inspections?unitId=${people.units.a}`,
      '/me/notifications',
      `/reports/units/${people.units.a}`,
      `/reports/units/${people.units.a}?format=csv`,
      `/reports/units/${people.units.a}?format=xlsx`,
      `/reports/units/${people.units.a}?asOf=${today}`,
      '/reports/dashboard',
      '/reports/dashboard?format=csv',
      '/reports/overdue?format=csv',
    ]);
    const view = seen[`/inspections/${planned.inspectionId}`];
    expect(view.status).toBe(200);
    expect(view.content).not.toHaveProperty('window');
    const events = (seen[`/inspections/${planned.inspectionId}/events`].content as { items: { type: string }[] }).items;
    expect(events.map((e) => e.type)).toEqual(['VisitStarted', 'FindingRecorded']);
    const everything = JSON.stringify(seen);
    for (const secret of [secretWindow.windowEnd, rescheduledFrom.windowStart, rescheduledFrom.windowEnd, opensAt, closesAt]) {
      expect({ secret, found: everything.includes(secret) }).toEqual({ secret, found: false });
    }
    // Once cited during the visit, the team's upload is evidence the unit may read.
    expect((await send(stack, people.headA, { method: 'GET', path: `/api/v1/attachments/${secretUploadId}` })).status).toBe(200);
  });

  describe("Temporal's stored history", () => {
    const description = `Cán bộ tiếp dân vắng mặt, mã đối chiếu ${randomUUID()}`;
    let inspectionHistory: History;
    let campaignHistory: History;

    beforeAll(async () => {
      const [planned] = secrets;
      await scenario.finding(planned.inspectionId, stack.people.inspector2, { description });
      inspectionHistory = await history(stack, workflowIds.inspection(planned.inspectionId));
      campaignHistory = await history(stack, workflowIds.campaign(secretCampaignId));
    });

    const secretsIn = () => [stack.people.units.a, secretWindow.windowEnd, rescheduledFrom.windowStart, rescheduledFrom.windowEnd, description];

    it('keeps the unit, the window dates and the findings out of the raw bytes, every data payload encrypted', () => {
      for (const h of [inspectionHistory, campaignHistory]) {
        expect(h.payloads.length).toBeGreaterThan(3);
        // Only the SDK's own bookkeeping (patch markers, local-activity markers, the patch search
        // attribute) is written without the codec; every payload of ours is encrypted.
        const plain = h.payloads.filter((p) => Buffer.from(p.metadata?.encoding ?? []).toString() !== 'binary/encrypted');
        expect(plain.filter((p) => !isSdkBookkeeping(p))).toEqual([]);
        for (const secret of secretsIn()) {
          const found = h.raw.includes(Buffer.from(secret, 'utf8')) || h.raw.includes(Buffer.from(JSON.stringify(secret).slice(1, -1), 'utf8'));
          expect({ workflow: h.workflowId, secret, found }).toEqual({ workflow: h.workflowId, secret, found: false });
        }
      }
    });

    it('recovers them with the payload codec and the configured keys', async () => {
      const codec = new EncryptionCodec(parseEncryptionKeys(stack.config.PAYLOAD_ENCRYPTION_KEYS));
      const inspection = await plainText(codec, inspectionHistory.payloads);
      for (const secret of secretsIn()) expect({ secret, found: inspection.includes(secret) }).toEqual({ secret, found: true });
      const campaign = await plainText(codec, campaignHistory.payloads);
      expect(campaign).toContain(stack.people.units.a);
      expect(campaign).toContain(rescheduledFrom.windowEnd);
    });

    it('still decodes old payloads after a key rotation (new key first, old key second); the old key alone cannot read new ones', async () => {
      const old = parseEncryptionKeys(stack.config.PAYLOAD_ENCRYPTION_KEYS);
      const rotated = new EncryptionCodec([{ id: 'rotated-2026', key: randomBytes(32) }, ...old]);
      expect(await plainText(rotated, inspectionHistory.payloads)).toContain(description);

      const fresh = await rotated.encode([{ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(JSON.stringify({ description })) }]);
      expect(Buffer.from(fresh[0].metadata?.['encryption-key-id'] ?? []).toString()).toBe('rotated-2026');
      expect(Buffer.from(fresh[0].data ?? []).includes(Buffer.from(description))).toBe(false);
      expect(await plainText(rotated, fresh)).toContain(description);
      await expect(new EncryptionCodec(old).decode(fresh)).rejects.toThrow(/rotated-2026/);
    });
  });
});

/** What the Temporal SDK records itself, without the data converter's codec: it never holds domain data. */
function isSdkBookkeeping(payload: Payload): boolean {
  const value: unknown = JSON.parse(Buffer.from(payload.data ?? []).toString('utf8'));
  const keysWithin = (allowed: string[]) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).every((k) => allowed.includes(k));
  const patchIds = ['append-as-local-activity', 'fifo-lock', 'calendar-as-data']; // the patches of workflows/src (event-log.ts, lock.ts, inspection.workflow.ts)
  return (
    keysWithin(['id', 'deprecated']) || // a patch marker
    keysWithin(['seq', 'attempt', 'activity_id', 'activity_type', 'complete_time', 'backoff', 'original_schedule_time']) || // a local activity's marker
    (Array.isArray(value) && value.every((v) => patchIds.includes(v))) // the TemporalChangeVersion search attribute
  );
}

interface History {
  readonly workflowId: string;
  readonly raw: Buffer;
  readonly payloads: Payload[];
}

/** The whole stored history of a workflow, as Temporal's frontend serves it: raw gRPC, no codec. */
async function history(stack: TestStack, workflowId: string): Promise<History> {
  const raw: Buffer[] = [];
  const payloads: Payload[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const response = await stack.temporal.workflowService.getWorkflowExecutionHistory({
      namespace: stack.config.TEMPORAL_NAMESPACE,
      execution: { workflowId },
      nextPageToken,
    });
    raw.push(Buffer.from(temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse.encode(response).finish()));
    collectPayloads(response.history?.events ?? [], payloads);
    nextPageToken = response.nextPageToken && response.nextPageToken.length > 0 ? response.nextPageToken : undefined;
  } while (nextPageToken);
  return { workflowId, raw: Buffer.concat(raw), payloads };
}

/** Every Payload anywhere in a history (inputs, update arguments, activity inputs and results, signals). */
function collectPayloads(value: unknown, into: Payload[]): void {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return;
  if (Array.isArray(value)) {
    for (const item of value) collectPayloads(item, into);
    return;
  }
  const record = value as Record<string, unknown>;
  if (record.data instanceof Uint8Array && typeof record.metadata === 'object' && record.metadata !== null) {
    into.push(record as Payload);
    return;
  }
  for (const key of Object.keys(record)) collectPayloads(record[key], into);
}

async function plainText(codec: EncryptionCodec, payloads: Payload[]): Promise<string> {
  const decoded = await codec.decode(payloads);
  return decoded.map((p) => Buffer.from(p.data ?? []).toString('utf8')).join('\n');
}
