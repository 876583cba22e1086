import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataConverter, workflowIds } from '@inspectorate/temporal';
import { eventually, Scenario } from '../harness/scenario';
import { inDays } from '../harness/time';
import { useStack } from '../harness/use-stack';

/**
 * Determinism guard. Committed histories of representative runs (test/histories/*.json) must
 * replay against the current workflow code: a change that would break running workflows fails
 * here and needs `patched()` (see the README). The same runs are also recorded afresh and
 * replayed, and with UPDATE_HISTORIES=1 they replace the committed files.
 */
const HISTORIES = path.resolve(__dirname, '..', 'histories');

describe('workflow determinism: replaying recorded histories', () => {
  const stack = useStack();
  const scenario = new Scenario(stack);

  const replayOptions = () => ({
    workflowBundle: { codePath: stack.config.WORKFLOW_BUNDLE_PATH! },
    dataConverter: dataConverter(stack.config.PAYLOAD_ENCRYPTION_KEYS),
  });

  const committed = existsSync(HISTORIES) ? readdirSync(HISTORIES).filter((f) => f.endsWith('.json')).sort() : [];

  it('has committed histories of the representative runs, from before and after each patch', () => {
    const runs = ['campaign-happy-path', 'inspection-happy-path', 'inspection-overdue-escalated', 'inspection-dispute', 'inspection-extension', 'inspection-cancelled'];
    expect(committed).toEqual(expect.arrayContaining(runs.map((run) => `${run}.json`)));
    // Recorded after patch 'calendar-as-data': a correction applied to a running inspection, with
    // commands carrying the calendar's dates, and before that with its names too (no patch: content only).
    expect(committed).toEqual(expect.arrayContaining(['inspection-calendar-correction.json', 'inspection-calendar-correction.before-calendar-days.json']));
    // Recorded before the append became a local activity (patch 'append-as-local-activity'): they
    // must keep replaying for as long as such workflows may still be open.
    expect(committed).toEqual(expect.arrayContaining(runs.map((run) => `${run}.before-local-append.json`)));
    // A follow-up, recorded once its plan became a domain function (its year the window's local
    // one) and with the workflow code from before: both replay, so that change needed no patch.
    expect(committed).toEqual(expect.arrayContaining(['inspection-follow-up.json', 'inspection-follow-up.before-local-year.json']));
    // Recorded with patch 'campaign-changes': a campaign changed and cancelled, an inspection that followed it.
    expect(committed).toEqual(expect.arrayContaining(['campaign-changed.json', 'inspection-followed-campaign.json']));
    // Before and after patch 'removal-asks-the-inspection': the campaign recorded a removal and then
    // told the inspection; now it asks the inspection, which answers, and records it after.
    expect(committed).toEqual(expect.arrayContaining(['campaign-changed.before-removal-asks.json', 'inspection-removed-target.json']));
  });

  it.each(committed)('replays %s with the current workflow code', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES, file), 'utf8')));
    await expect(Worker.runReplayHistory(replayOptions(), history, file.replace(/\.json$/, ''))).resolves.toBeUndefined();
  });

  it('records fresh runs of every representative path and replays them', async () => {
    const { api, people } = stack;
    const runs: Record<string, string> = {};

    const happy = await scenario.awaitingResponse({ units: [people.units.a] });
    const remediating = await scenario.respond(happy.inspectionId, people.headA, [{ findingId: happy.findingId, position: 'accepted' }]);
    await scenario.report(happy.inspectionId, people.headA, remediating.actions[0].id);
    await scenario.verify(happy.inspectionId, remediating.actions[0].id);
    runs['inspection-happy-path'] = workflowIds.inspection(happy.inspectionId);
    runs['campaign-happy-path'] = workflowIds.campaign(happy.campaignId);

    const overdue = await scenario.awaitingResponse({ units: [people.units.b], policy: { responseDeadline: { duration: 'PT2S' }, reminderOffsets: [{ duration: 'PT1S' }] } });
    const escalated = await eventually(async () => {
      const view = await api.expect(200, api.get(people.chairman, `/inspections/${overdue.inspectionId}`));
      return view.accountabilityCaseIds.length === 1 ? view : undefined;
    });
    await api.expect(200, api.post(people.chairman, `/accountability-cases/${escalated.accountabilityCaseIds[0]}/decision`, { outcome: 'reminded', note: 'Nhắc nhở.' }));
    runs['inspection-overdue-escalated'] = workflowIds.inspection(overdue.inspectionId);

    const dispute = await scenario.awaitingResponse({ units: [people.units.c] });
    await scenario.respond(dispute.inspectionId, people.headC, [{ findingId: dispute.findingId, position: 'disputed' }]);
    await api.expect(200, api.post(people.lead, `/inspections/${dispute.inspectionId}/disputes/${dispute.findingId}/resolve`, { decision: 'withdrawn', note: 'Chấp nhận giải trình.' }));
    runs['inspection-dispute'] = workflowIds.inspection(dispute.inspectionId);

    const extension = await scenario.awaitingResponse({ units: [people.units.a] });
    await api.expect(200, api.post(people.headA, `/inspections/${extension.inspectionId}/extension-request`, { reason: 'Thiếu nhân sự.', requestedDeadline: inDays(40) }));
    await api.expect(200, api.post(people.lead, `/inspections/${extension.inspectionId}/extension-request/decide`, { decision: 'granted', note: 'Đồng ý.' }));
    await scenario.respond(extension.inspectionId, people.headA, [{ findingId: extension.findingId, position: 'accepted' }]);
    runs['inspection-extension'] = workflowIds.inspection(extension.inspectionId);

    const cancelled = await scenario.plannedInspection({ units: [people.units.b] });
    await scenario.start(cancelled.inspectionId);
    await api.expect(200, api.post(people.chairman, `/inspections/${cancelled.inspectionId}/cancel`, { reason: 'Đơn vị giải thể.' }));
    runs['inspection-cancelled'] = workflowIds.inspection(cancelled.inspectionId);

    // A follow-up: the parent appends both streams at once, starts the child and tells the campaign.
    const followed = await scenario.awaitingResponse({ units: [people.units.c] });
    await scenario.respond(followed.inspectionId, people.headC, [{ findingId: followed.findingId, position: 'accepted' }]);
    await api.expect(201, api.post(people.lead, `/inspections/${followed.inspectionId}/follow-up`, { windowStart: inDays(30), windowEnd: inDays(40) }));
    runs['inspection-follow-up'] = workflowIds.inspection(followed.inspectionId);
    // Campaign changes (patch 'campaign-changes'): details, team (the running inspection follows),
    // a planned target removed, then the whole campaign cancelled.
    const changed = await scenario.campaign({ units: [people.units.a, people.units.b, people.units.c] });
    const targetOf = (unitId: string) => changed.targets.find((t: { unitId: string }) => t.unitId === unitId).inspectionId as string;
    await scenario.start(targetOf(people.units.a));
    await api.expect(200, api.patch(people.lead, `/campaigns/${changed.id}`, { title: 'Kế hoạch đã điều chỉnh' }));
    await api.expect(200, api.post(people.lead, `/campaigns/${changed.id}/team`, { leadInspectorId: people.lead.id, inspectorIds: [people.inspector1.id] }));
    await api.expect(200, api.post(people.lead, `/campaigns/${changed.id}/targets/${targetOf(people.units.b)}/remove`, { reason: 'Bỏ khỏi kế hoạch.' }));
    await api.expect(200, api.post(people.chairman, `/campaigns/${changed.id}/cancel`, { reason: 'Dừng kế hoạch.' }));
    runs['campaign-changed'] = workflowIds.campaign(changed.id);
    runs['inspection-followed-campaign'] = workflowIds.inspection(targetOf(people.units.a));
    runs['inspection-removed-target'] = workflowIds.inspection(targetOf(people.units.b));

    await replayAndKeep(runs);
  });

  // Patch 'calendar-as-data': commands carry the calendar, and a correction reaches a running
  // inspection as RecomputeDeadlines → DeadlineRecomputed. Its own history, recorded after the patch.
  it('records a run with a calendar correction applied to a running inspection and replays it', async () => {
    const { api, people } = stack;
    const { inspectionId } = await scenario.plannedInspection({ units: [people.units.c] });
    await scenario.start(inspectionId);
    const findingId = await scenario.finding(inspectionId);
    await scenario.endVisit(inspectionId);
    const year = (await api.expect(200, api.get(people.admin, `/calendar/entries?year=${inDays(1).slice(0, 4)}`))).entries as { date: string }[];
    const taken = new Set(year.map((e) => e.date));
    const day = [1, 2, 3, 4, 5, 6, 7].map((n) => inDays(n)).find((d) => !taken.has(d) && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))!;
    const holiday = await api.expect(201, api.post(people.admin, '/calendar/entries', { date: day, kind: 'holiday', nameVi: 'Nghỉ thử', nameEn: 'Test day off', source: 'Thử' }));
    try {
      expect(await api.expect(200, api.post(people.admin, '/calendar/corrections', { reason: 'Thông báo thử' }))).toMatchObject({ appliedInspections: 1 });
    } finally {
      await api.expect(204, api.post(people.admin, `/calendar/entries/${holiday.id}/remove`, {}));
    }
    await scenario.conclude(inspectionId, [{ findingId }]);
    await replayAndKeep({ 'inspection-calendar-correction': workflowIds.inspection(inspectionId) });
  });

  async function replayAndKeep(runs: Record<string, string>): Promise<void> {
    for (const [name, workflowId] of Object.entries(runs)) {
      const history = await stack.temporal.workflow.getHandle(workflowId).fetchHistory();
      await expect(Worker.runReplayHistory(replayOptions(), history, workflowId)).resolves.toBeUndefined();
      if (process.env.UPDATE_HISTORIES === '1') {
        mkdirSync(HISTORIES, { recursive: true });
        writeFileSync(path.join(HISTORIES, `${name}.json`), `${historyToJSON(history)}\n`);
      }
    }
  }
});
