import { hash } from '@node-rs/argon2';
import { Client } from '@temporalio/client';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO_CHECKLIST_2023, InspectionCommand, UserActor } from '@inspectorate/domain';
import { AUTHORITY_ROW_ID, AuthorityEntity, checklistStore, UnitEntity, UserEntity } from '@inspectorate/directory';
import { CampaignClient, InspectionClient } from '@inspectorate/temporal';
import { DEMO_AUTHORITY, DEMO_STAFF, DEMO_UNITS, unitHeadUsername } from './district';
import { DEMO_CAMPAIGN, DEMO_STORY, StoryInspection } from './story';

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly role: string;
  readonly unit?: string;
}

export type SeedResult =
  | { readonly seeded: false; readonly reason: string }
  | { readonly seeded: true; readonly campaignId: string; readonly accounts: readonly DemoAccount[]; readonly commands: number; readonly durationMs: number };

/** A local date and time in Asia/Ho_Chi_Minh as an ISO instant. */
const at = (date: string, time = '09:00') => new Date(`${date}T${time}:00+07:00`).toISOString();

/**
 * Seeds the demo district into an EMPTY database by driving the real workflows with the same
 * commands people send, back-filled with their 2023 dates: the campaign and its inspections are
 * started in back-fill mode, each command carries the day it happened on paper, and timers that
 * fell due in between fire at their own dates. At the end every workflow switches to live time,
 * so what fell due after the story (reminders, escalations, missed windows) happens then.
 * Nothing writes projection rows directly: the dashboard is consistent by construction.
 */
export class DemoSeeder {
  private commands = 0;
  private readonly inspections: InspectionClient;
  private readonly campaigns: CampaignClient;

  constructor(
    private readonly db: DataSource,
    temporal: Client,
    taskQueue: string,
  ) {
    this.inspections = new InspectionClient(temporal);
    this.campaigns = new CampaignClient(temporal, { taskQueue });
  }

  async seed(options: { password?: (username: string) => string } = {}): Promise<SeedResult> {
    const started = Date.now();
    const [units, users] = await Promise.all([this.db.getRepository(UnitEntity).count(), this.db.getRepository(UserEntity).count()]);
    if (units > 0 || users > 0) return { seeded: false, reason: `the database already has ${units} unit(s) and ${users} user(s); demo data goes only into an empty one` };

    // The story's findings cite the demo checklist, which the migration stored (ChecklistTemplates).
    const checklist = await checklistStore.version(this.db, DEMO_CHECKLIST_2023.version);
    if (!checklist) return { seeded: false, reason: `the checklist version ${DEMO_CHECKLIST_2023.version} the demo cites is not in the database (migrate first)` };
    const passwordFor = options.password ?? (() => randomBytes(12).toString('base64url'));
    const unitIds = new Map(DEMO_UNITS.map((u) => [u.code, randomUUID()]));
    await this.db.getRepository(UnitEntity).insert(DEMO_UNITS.map((u) => ({ id: unitIds.get(u.code)!, code: u.code, name: u.name, kind: u.kind })));
    // The demo district names itself on its documents; a real authority sets its own (PATCH /authority).
    await this.db
      .getRepository(AuthorityEntity)
      .upsert({ id: AUTHORITY_ROW_ID, ...DEMO_AUTHORITY, updatedAt: new Date(), updatedBy: null }, ['id']);

    const accounts: DemoAccount[] = [];
    const actors = new Map<string, UserActor>();
    const rows: Partial<UserEntity>[] = [];
    const people = [
      ...DEMO_STAFF.map((s) => ({ username: s.username, displayName: s.displayName, role: s.role, unitId: null as string | null, unit: undefined as string | undefined })),
      ...DEMO_UNITS.map((u) => ({ username: unitHeadUsername(u.code), displayName: `Thủ trưởng ${u.name} (demo)`, role: 'unit_head' as const, unitId: unitIds.get(u.code)!, unit: u.code })),
    ];
    for (const person of people) {
      const id = randomUUID();
      const password = passwordFor(person.username);
      rows.push({ id, username: person.username, displayName: person.displayName, role: person.role, unitId: person.unitId, passwordHash: await hash(password), isDemo: true });
      accounts.push({ username: person.username, password, role: person.role, ...(person.unit ? { unit: person.unit } : {}) });
      actors.set(person.username, { kind: 'user', userId: id, role: person.role, ...(person.unitId ? { unitId: person.unitId } : {}) });
    }
    await this.db.getRepository(UserEntity).insert(rows);
    const actor = (username: string) => actors.get(username)!;

    const campaignId = randomUUID();
    const targets = DEMO_STORY.map((story) => ({ story, inspectionId: randomUUID(), unitId: unitIds.get(story.unit)! }));
    const lead = actor('truongdoan');
    await this.campaigns.create(
      {
        type: 'CreateCampaign',
        campaignId,
        title: DEMO_CAMPAIGN.title,
        year: DEMO_CAMPAIGN.year,
        legalBasis: DEMO_CAMPAIGN.legalBasis,
        leadInspectorId: lead.userId,
        inspectorIds: [actor('kiemtra1').userId, actor('kiemtra2').userId],
        targets: targets.map((t) => ({ inspectionId: t.inspectionId, unitId: t.unitId, windowStart: t.story.window[0], windowEnd: t.story.window[1] })),
        checklistVersion: checklist.version,
        criterionCodes: checklist.criteria.map((c) => c.code),
      },
      lead,
      { occurredAt: at(DEMO_CAMPAIGN.createdOn), backfill: true, ifRunning: 'fail' },
    );
    this.commands += 1;

    for (const target of targets) {
      await this.play(target.inspectionId, target.story, actor, actor(unitHeadUsername(target.story.unit)));
    }
    // From here on every workflow keeps live time: what fell due since the story happens now.
    for (const target of targets) await this.inspections.endBackfill(target.inspectionId);
    await this.campaigns.endBackfill(campaignId);
    return { seeded: true, campaignId, accounts, commands: this.commands, durationMs: Date.now() - started };
  }

  private async play(inspectionId: string, story: StoryInspection, actor: (username: string) => UserActor, unitHead: UserActor): Promise<void> {
    const visit = story.visit;
    if (!visit) return;
    const send = (by: UserActor, occurredAt: string, command: InspectionCommand) => this.send(inspectionId, by, occurredAt, command);
    const lead = actor('truongdoan');

    await send(lead, at(visit.on, '08:15'), { type: 'StartVisit' });
    const findingIds = new Map<string, string>();
    for (const [index, finding] of visit.findings.entries()) {
      const findingId = randomUUID();
      findingIds.set(finding.key, findingId);
      await send(actor(finding.by), at(visit.on, `${10 + index}:00`), {
        type: 'RecordFinding',
        findingId,
        criterionCode: finding.criterionCode,
        severity: finding.severity,
        description: finding.description,
        evidence: [{ text: 'Biên bản kiểm tra lập tại đơn vị, có chữ ký của thủ trưởng đơn vị.' }],
      });
    }
    await send(lead, at(visit.on, '16:30'), { type: 'EndVisit' });
    if (visit.dissent) await send(actor(visit.dissent.by), at(visit.concludedOn, '08:30'), { type: 'RecordDissent', text: visit.dissent.text });
    await send(lead, at(visit.concludedOn, '10:00'), {
      type: 'SubmitConclusion',
      summary: visit.summary,
      rating: visit.rating,
      actions: visit.findings.filter((f) => f.action).map((f) => ({ findingId: findingIds.get(f.key)!, requirement: f.action!.requirement, dueDate: f.action!.dueDate })),
    });
    if (!visit.approvedOn) return;
    await send(actor('chutich'), at(visit.approvedOn, '15:00'), { type: 'ApproveConclusion' });

    const response = story.response;
    if (!response) return;
    const disputed = new Map((response.disputed ?? []).map((d) => [d.finding, d.explanation]));
    await send(unitHead, at(response.on, '14:00'), {
      type: 'SubmitResponse',
      items: visit.findings.map((f) =>
        disputed.has(f.key)
          ? { findingId: findingIds.get(f.key)!, position: 'disputed', explanation: disputed.get(f.key)! }
          : {
              findingId: findingIds.get(f.key)!,
              position: 'accepted',
              explanation: 'Đơn vị tiếp thu, tổ chức khắc phục.',
              plan: { owner: 'Phó thủ trưởng đơn vị', dueDate: response.planDue?.[f.key] ?? f.action!.dueDate },
            },
      ),
    });

    const { state } = await this.inspections.state(inspectionId);
    const actionOf = (key: string) => state.actions.find((a) => a.findingId === findingIds.get(key))!.id;
    // Remediation steps of different actions interleave in time; send them in date order.
    const steps: { occurredAt: string; by: UserActor; command: InspectionCommand }[] = [];
    for (const step of story.remediation ?? []) {
      const actionId = actionOf(step.finding);
      steps.push({ occurredAt: at(step.reportedOn, '15:00'), by: unitHead, command: { type: 'ReportAction', actionId, note: 'Đơn vị đã khắc phục, gửi kèm biên bản.', evidence: [{ text: 'Báo cáo kết quả khắc phục' }] } });
      if (step.rejectedFirst) {
        const r = step.rejectedFirst;
        steps.push({ occurredAt: at(r.on, '10:00'), by: lead, command: { type: 'VerifyAction', actionId, decision: 'rejected', note: r.reason, newDueDate: r.newDueDate } });
        steps.push({ occurredAt: at(r.reportedAgainOn, '15:00'), by: unitHead, command: { type: 'ReportAction', actionId, note: 'Đã bổ sung biên bản kiểm điểm.', evidence: [{ text: 'Biên bản kiểm điểm' }] } });
      }
      steps.push({ occurredAt: at(step.verifiedOn, '10:00'), by: lead, command: { type: 'VerifyAction', actionId, decision: 'verified', note: 'Đạt yêu cầu.' } });
    }
    steps.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    for (const step of steps) await send(step.by, step.occurredAt, step.command);
  }

  private async send(inspectionId: string, actor: UserActor, occurredAt: string, command: InspectionCommand): Promise<void> {
    await this.inspections.execute(inspectionId, command, actor, { occurredAt });
    this.commands += 1;
  }
}
