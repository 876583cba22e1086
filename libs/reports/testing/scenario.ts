/**
 * Test support: a small world of inspections driven through the real domain decider, so report
 * scenarios are made of events the product could really have produced. Test code only.
 *
 *   const w = new ReportWorld();
 *   const a = w.plan({ unitId: U1, ... }, '2023-07-20 09:00');
 *   w.start(a, '2023-08-01 08:30');
 *   const f = w.finding(a, 'KL-01', 'major', '2023-08-01 09:00');
 */
import {
  CampaignEvent,
  DEMO_CHECKLIST_2023,
  decide,
  evolve,
  DomainEvent,
  InspectionCommand,
  InspectionEvent,
  isInspectionEvent,
  InspectionState,
  isRejection,
  Policy,
  Rating,
  RecordedEvent,
  resolvePolicy,
  ResponseItem,
  Severity,
  streamIds,
  SYSTEM,
  Team,
  UserActor,
  Actor,
} from '@inspectorate/domain';
import { ReportReplay, ReplayScope } from '../src/replay';
import { ReportContext, ReportRows, UnitDirectory } from '../src/input';

/** `2023-08-01 09:00` in Ho Chi Minh City (UTC+07:00). */
export function local(at: string): Date {
  const date = new Date(`${at.replace(' ', 'T')}${at.length <= 10 ? 'T23:59:59.999' : ':00'}+07:00`);
  if (Number.isNaN(date.getTime())) throw new Error(`not a local time: ${at}`);
  return date;
}

export const people = {
  chairman: { kind: 'user', userId: 'chairman', role: 'chairman' } as UserActor,
  lead: { kind: 'user', userId: 'lead', role: 'lead_inspector' } as UserActor,
  inspector: { kind: 'user', userId: 'inspector', role: 'inspector' } as UserActor,
  otherLead: { kind: 'user', userId: 'other-lead', role: 'lead_inspector' } as UserActor,
  outsider: { kind: 'user', userId: 'outsider', role: 'inspector' } as UserActor,
  admin: { kind: 'user', userId: 'admin', role: 'admin' } as UserActor,
  head: (unitId: string): UserActor => ({ kind: 'user', userId: `head-${unitId}`, role: 'unit_head', unitId }),
};

export const TEAM: Team = { leadInspectorId: 'lead', inspectorIds: ['inspector'] };
export const OTHER_TEAM: Team = { leadInspectorId: 'other-lead', inspectorIds: [] };

export interface PlanInput {
  readonly campaignId: string;
  readonly unitId: string;
  readonly year: number;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly team?: Team;
  readonly policy?: Policy;
  readonly id?: string;
}

export interface WorldOptions {
  /** Ids of everything new (inspections, findings, actions, cases, events); `<kind>-<n>` by default. */
  readonly newId?: (kind: string) => string;
  /** The team of campaigns and inspections that name none. */
  readonly team?: Team;
}

export class ReportWorld {
  readonly log: RecordedEvent[] = [];
  private readonly states = new Map<string, InspectionState>();
  private counter = 0;
  private readonly team: Team;

  constructor(private readonly options: WorldOptions = {}) {
    this.team = options.team ?? TEAM;
  }

  campaign(input: { id: string; title: string; year: number; legalBasis: string; team?: Team }, at: string): string {
    const event: CampaignEvent = {
      type: 'CampaignCreated',
      data: {
        campaignId: input.id,
        title: input.title,
        year: input.year,
        legalBasis: input.legalBasis,
        team: input.team ?? this.team,
        policy: resolvePolicy(),
        checklistVersion: DEMO_CHECKLIST_2023.version,
        targets: [],
      },
    };
    this.append(streamIds.campaign(input.id), [event], people.lead, local(at));
    return input.id;
  }

  plan(input: PlanInput, at: string): string {
    const id = input.id ?? this.nextId('inspection');
    const team = input.team ?? this.team;
    this.run(
      id,
      { kind: 'user', userId: team.leadInspectorId, role: 'lead_inspector' },
      {
        type: 'PlanInspection',
        inspectionId: id,
        campaignId: input.campaignId,
        unitId: input.unitId,
        year: input.year,
        team,
        policy: input.policy ?? resolvePolicy(),
        checklistVersion: DEMO_CHECKLIST_2023.version,
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
      },
      at,
    );
    return id;
  }

  start(id: string, at: string): void {
    this.run(id, this.leadOf(id), { type: 'StartVisit' }, at);
  }

  finding(id: string, criterionCode: string, severity: Severity, at: string, description = `Tồn tại về ${criterionCode}`): string {
    const findingId = this.nextId('finding');
    this.run(id, this.leadOf(id), { type: 'RecordFinding', findingId, criterionCode, severity, description }, at);
    return findingId;
  }

  withdraw(id: string, findingId: string, at: string): void {
    this.run(id, this.leadOf(id), { type: 'WithdrawFinding', findingId, reason: 'Ghi nhận nhầm' }, at);
  }

  endVisit(id: string, at: string): void {
    this.run(id, this.leadOf(id), { type: 'EndVisit' }, at);
  }

  conclude(id: string, rating: Rating, actions: { findingId: string; dueDate: string }[], at: string): void {
    this.run(
      id,
      this.leadOf(id),
      {
        type: 'SubmitConclusion',
        summary: 'Kết luận',
        rating,
        actions: actions.map((a) => ({ findingId: a.findingId, requirement: `Khắc phục ${a.findingId}`, dueDate: a.dueDate })),
      },
      at,
    );
  }

  approve(id: string, at: string): void {
    this.run(id, people.chairman, { type: 'ApproveConclusion' }, at);
  }

  /** Accepts every listed finding with a plan due on `dueDate`; returns the new actions' ids by finding. */
  respond(
    id: string,
    plans: { findingId: string; dueDate: string; position?: 'accepted' | 'disputed' }[],
    at: string,
  ): Record<string, string> {
    const before = new Set(this.state(id).actions.map((a) => a.id));
    const items: ResponseItem[] = plans.map((p) =>
      p.position === 'disputed'
        ? { findingId: p.findingId, position: 'disputed', explanation: 'Đơn vị giải trình' }
        : { findingId: p.findingId, position: 'accepted', explanation: '', plan: { owner: 'Phó Chủ tịch UBND xã', dueDate: p.dueDate } },
    );
    this.run(id, people.head(this.state(id).unitId), { type: 'SubmitResponse', items }, at);
    return Object.fromEntries(
      this.state(id)
        .actions.filter((a) => !before.has(a.id))
        .map((a) => [a.findingId, a.id]),
    );
  }

  reportAction(id: string, actionId: string, at: string): void {
    this.run(id, people.head(this.state(id).unitId), { type: 'ReportAction', actionId, note: 'Đã khắc phục' }, at);
  }

  verify(id: string, actionId: string, at: string): void {
    this.run(id, this.leadOf(id), { type: 'VerifyAction', actionId, decision: 'verified', note: '' }, at);
  }

  reject(id: string, actionId: string, newDueDate: string, at: string): void {
    this.run(id, this.leadOf(id), { type: 'VerifyAction', actionId, decision: 'rejected', note: 'Chưa đạt', newDueDate }, at);
  }

  requestExtension(id: string, requestedDeadline: string, at: string): void {
    this.run(id, people.head(this.state(id).unitId), { type: 'RequestExtension', reason: 'Cần thêm thời gian', requestedDeadline }, at);
  }

  grantExtension(id: string, at: string): void {
    this.run(id, this.leadOf(id), { type: 'DecideExtension', decision: 'granted', note: '' }, at);
  }

  markResponseOverdue(id: string, at: string): void {
    this.run(id, SYSTEM, { type: 'MarkResponseOverdue' }, at);
  }

  markConclusionOverdue(id: string, at: string): void {
    this.run(id, SYSTEM, { type: 'MarkConclusionOverdue' }, at);
  }

  markActionOverdue(id: string, actionId: string, at: string): void {
    this.run(id, SYSTEM, { type: 'MarkActionOverdue', actionId }, at);
  }

  cancel(id: string, at: string): void {
    this.run(id, people.chairman, { type: 'CancelInspection', reason: 'Huỷ theo chỉ đạo' }, at);
  }

  decideCase(id: string, caseId: string, at: string): void {
    this.run(id, people.chairman, { type: 'DecideAccountability', caseId, outcome: 'reminded', note: 'Nhắc nhở' }, at);
  }

  state(id: string): InspectionState {
    const state = this.states.get(id);
    if (!state) throw new Error(`no inspection ${id}`);
    return state;
  }

  /** The read-model rows as they stood at `until` (everything when omitted), built by replaying the log. */
  rows(until?: Date, scope: ReplayScope = {}): ReportRows {
    const replay = new ReportReplay(scope);
    replay.apply(until ? this.log.filter((e) => Date.parse(e.occurredAt) <= until.getTime()) : this.log);
    return replay.rows();
  }

  replay(until?: Date, scope: ReplayScope = {}): ReportReplay {
    const replay = new ReportReplay(scope);
    replay.apply(until ? this.log.filter((e) => Date.parse(e.occurredAt) <= until.getTime()) : this.log);
    return replay;
  }

  run(id: string, actor: Actor, command: InspectionCommand, at: string): InspectionEvent[] {
    const now = local(at);
    const decided = decide(this.states.get(id), command, actor, { now, newId: () => this.nextId('id') });
    if (isRejection(decided))
      throw new Error(`${command.type} at ${at} was rejected: ${decided.reason} ${JSON.stringify(decided.errors ?? [])}`);
    this.append(streamIds.inspection(id), decided, actor, now);
    return decided;
  }

  private append(streamId: string, events: readonly DomainEvent[], actor: Actor, now: Date): void {
    let version = this.log.filter((e) => e.streamId === streamId).length;
    for (const event of events) {
      version += 1;
      const recorded: RecordedEvent = { id: this.nextId('event'), ...event, streamId, version, actor, occurredAt: now.toISOString(), metadata: {} };
      this.log.push(recorded);
      const stream = streamIds.parse(streamId);
      if (stream?.kind === 'inspection' && isInspectionEvent(recorded)) {
        const id = stream.id;
        this.states.set(id, evolve(this.states.get(id), recorded));
      }
    }
  }

  private leadOf(id: string): UserActor {
    return { kind: 'user', userId: this.state(id).team.leadInspectorId, role: 'lead_inspector' };
  }

  private nextId(prefix: string): string {
    if (this.options.newId) return this.options.newId(prefix);
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }
}

export function context(asOf: Date, viewer: UserActor, units: UnitDirectory): ReportContext {
  return { asOf, units, viewer, source: 'replay', criteria: new Map([[DEMO_CHECKLIST_2023.version, DEMO_CHECKLIST_2023.criteria]]) };
}
