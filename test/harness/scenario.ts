import { TestStack } from './stack';
import { TestUser } from './people';
import { inDays } from './time';

export interface PolicyInput {
  conclusionDeadline?: { workingDays: number } | { duration: string };
  responseDeadline?: { workingDays: number } | { duration: string };
  reminderOffsets?: ({ workingDays: number } | { duration: string })[];
  remediationMaxDeadline?: { workingDays: number } | { duration: string };
  verificationDeadline?: { workingDays: number } | { duration: string };
}

/**
 * Steps of the inspection lifecycle as the people of test/harness/people.ts would take them over
 * HTTP. Each step asserts its expected status code and returns the response body.
 */
export class Scenario {
  constructor(private readonly stack: TestStack) {}

  private get api() {
    return this.stack.api;
  }
  private get people() {
    return this.stack.people;
  }

  async campaign(options: { units?: string[]; policy?: PolicyInput; windows?: { windowStart: string; windowEnd: string }; year?: number; checklistVersion?: string } = {}) {
    const units = options.units ?? [this.people.units.a];
    const window = options.windows ?? { windowStart: inDays(0), windowEnd: inDays(10) };
    return this.api.expect(
      201,
      this.api.post(this.people.lead, '/campaigns', {
        title: 'Kiểm tra công vụ đột xuất (test)',
        year: options.year ?? Number(inDays(0).slice(0, 4)),
        legalBasis: 'Kế hoạch số 01/KH-UBND (test)',
        leadInspectorId: this.people.lead.id,
        inspectorIds: [this.people.inspector1.id, this.people.inspector2.id],
        targets: units.map((unitId) => ({ unitId, ...window })),
        ...(options.policy ? { policy: options.policy } : {}),
        ...(options.checklistVersion ? { checklistVersion: options.checklistVersion } : {}),
      }),
    );
  }

  /** A campaign of one unit; returns the inspection id. */
  async plannedInspection(options: Parameters<Scenario['campaign']>[0] = {}): Promise<{ campaignId: string; inspectionId: string }> {
    const campaign = await this.campaign(options);
    return { campaignId: campaign.id, inspectionId: campaign.targets[0].inspectionId };
  }

  start(id: string) {
    return this.api.expect(200, this.api.post(this.people.lead, `/inspections/${id}/start`));
  }

  async finding(id: string, by: TestUser = this.people.inspector1, body: Record<string, unknown> = {}): Promise<string> {
    const view = await this.api.expect(
      201,
      this.api.post(by, `/inspections/${id}/findings`, {
        criterionCode: 'KL-01',
        severity: 'major',
        description: 'Hai công chức vắng mặt không lý do lúc 8 giờ 30.',
        evidence: [{ text: 'Biên bản ghi nhận tại chỗ' }],
        ...body,
      }),
    );
    return view.createdFindingId;
  }

  endVisit(id: string) {
    return this.api.expect(200, this.api.post(this.people.lead, `/inspections/${id}/end-visit`));
  }

  conclude(id: string, actions: { findingId: string; dueDate?: string; requirement?: string }[], rating = 'fair') {
    return this.api.expect(
      200,
      this.api.post(this.people.lead, `/inspections/${id}/conclusion`, {
        summary: 'Đơn vị cơ bản chấp hành; còn tồn tại về kỷ luật giờ làm việc.',
        rating,
        actions: actions.map((a) => ({ findingId: a.findingId, requirement: a.requirement ?? 'Chấn chỉnh kỷ luật giờ làm việc', dueDate: a.dueDate ?? inDays(30) })),
      }),
    );
  }

  approve(id: string) {
    return this.api.expect(200, this.api.post(this.people.chairman, `/inspections/${id}/conclusion/approve`));
  }

  respond(id: string, head: TestUser, items: { findingId: string; position: 'accepted' | 'disputed'; dueDate?: string; explanation?: string }[]) {
    return this.api.expect(
      200,
      this.api.post(head, `/inspections/${id}/response`, {
        items: items.map((item) => ({
          findingId: item.findingId,
          position: item.position,
          explanation: item.explanation ?? (item.position === 'disputed' ? 'Hai công chức đi công tác có giấy đi đường.' : 'Đơn vị tiếp thu.'),
          ...(item.position === 'accepted' ? { plan: { owner: 'Phó Chủ tịch UBND xã', dueDate: item.dueDate ?? inDays(20) } } : {}),
        })),
      }),
    );
  }

  report(id: string, head: TestUser, actionId: string) {
    return this.api.expect(200, this.api.post(head, `/inspections/${id}/actions/${actionId}/report`, { note: 'Đã tổ chức kiểm điểm, chấn chỉnh.', evidence: [{ text: 'Biên bản họp' }] }));
  }

  verify(id: string, actionId: string, decision: 'verified' | 'rejected' = 'verified', newDueDate?: string) {
    return this.api.expect(
      200,
      this.api.post(this.people.lead, `/inspections/${id}/actions/${actionId}/verify`, {
        decision,
        note: decision === 'verified' ? 'Đạt yêu cầu.' : 'Chưa đạt: thiếu biên bản.',
        ...(newDueDate ? { newDueDate } : {}),
      }),
    );
  }

  /** Runs one inspection from planning to awaiting its unit's response, with one finding that needs an action. */
  async awaitingResponse(options: Parameters<Scenario['campaign']>[0] = {}) {
    const { campaignId, inspectionId } = await this.plannedInspection(options);
    await this.start(inspectionId);
    const findingId = await this.finding(inspectionId);
    await this.endVisit(inspectionId);
    await this.conclude(inspectionId, [{ findingId }]);
    const approved = await this.approve(inspectionId);
    return { campaignId, inspectionId, findingId, approved };
  }
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. For timers only. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
