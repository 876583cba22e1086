import {
  CampaignCommand,
  CampaignEvent,
  CampaignState,
  decideCampaign,
  evolveCampaign,
  TargetInput,
  withInspectionStatus,
} from './campaign';
import { InspectionStatus } from '../inspection/model';
import { DEFAULT_POLICY } from '../policy/policy';
import { Actor } from '../shared/actor';
import { Stamped } from '../shared/envelope';
import { isRejection, Rejection } from '../shared/rejection';
import { fixedContext as context } from '@inspectorate/domain-testing/decider-spec';
import { CAMPAIGN_ID, CHECKLIST_VERSION, localTime, OTHER_UNIT_ID, people, system, TEAM, UNIT_ID } from '@inspectorate/domain-testing/fixtures';

type Create = Extract<CampaignCommand, { type: 'CreateCampaign' }>;

const NOW = localTime('2026-03-02 09:00');

const target = (n: number, unitId: string, window: Partial<TargetInput> = {}): TargetInput => ({
  inspectionId: `inspection-${n}`,
  unitId,
  windowStart: '2026-03-09',
  windowEnd: '2026-03-13',
  ...window,
});

function createCommand(change: Partial<Create> = {}): Create {
  return {
    type: 'CreateCampaign',
    campaignId: CAMPAIGN_ID,
    title: 'Kiểm tra công vụ đột xuất năm 2026',
    year: 2026,
    legalBasis: 'Kế hoạch 45/KH-UBND ngày 10/02/2026',
    leadInspectorId: TEAM.leadInspectorId,
    inspectorIds: [...TEAM.inspectorIds],
    targets: [target(1, UNIT_ID), target(2, OTHER_UNIT_ID, { windowStart: '2026-03-16', windowEnd: '2026-03-20' })],
    checklistVersion: CHECKLIST_VERSION,
    ...change,
  };
}

function accepted(result: CampaignEvent[] | Rejection): CampaignEvent[] {
  if (isRejection(result)) throw new Error(`Rejected (${result.code}): ${result.reason} ${JSON.stringify(result.errors ?? [])}`);
  return result;
}

function rejected(result: CampaignEvent[] | Rejection): Rejection {
  if (!isRejection(result)) throw new Error(`Expected a rejection, got ${result.map((e) => e.type).join(', ')}`);
  return result;
}

/** Decides and folds, as the campaign workflow does. */
function apply(state: CampaignState | undefined, command: CampaignCommand, actor: Actor, at: Date = NOW): CampaignState {
  const events = accepted(decideCampaign(state, command, actor, context(at)));
  return events.reduce<CampaignState | undefined>(
    (s, e) => evolveCampaign(s, { ...e, actor, occurredAt: at.toISOString() } as Stamped<CampaignEvent>),
    state,
  )!;
}

/** An inspection tells its campaign how it stands; the workflow records it, then asks the decider. */
function report(
  state: CampaignState,
  inspectionId: string,
  status: InspectionStatus,
  at: Date = NOW,
): { state: CampaignState; events: CampaignEvent[] } {
  const noted = withInspectionStatus(state, inspectionId, status);
  const command: CampaignCommand = { type: 'RecordInspectionStatus', inspectionId, status };
  const events = accepted(decideCampaign(noted, command, system, context(at)));
  return { state: events.length > 0 ? apply(noted, command, system, at) : noted, events };
}

const created = () => apply(undefined, createCommand(), people.lead);

describe('creating a campaign', () => {
  it('records the campaign with its team, targets (without their secret windows) and the default policy', () => {
    const [event] = accepted(
      decideCampaign(
        undefined,
        createCommand({ title: '  Kiểm tra 2026  ', inspectorIds: ['inspector-an', 'inspector-an', 'inspector-binh'] }),
        people.lead,
        context(NOW),
      ),
    );
    expect(event).toEqual({
      type: 'CampaignCreated',
      data: {
        campaignId: CAMPAIGN_ID,
        title: 'Kiểm tra 2026',
        year: 2026,
        legalBasis: 'Kế hoạch 45/KH-UBND ngày 10/02/2026',
        team: TEAM,
        policy: DEFAULT_POLICY,
        checklistVersion: CHECKLIST_VERSION,
        targets: [
          { inspectionId: 'inspection-1', unitId: UNIT_ID },
          { inspectionId: 'inspection-2', unitId: OTHER_UNIT_ID },
        ],
      },
    });
    expect(JSON.stringify(event)).not.toMatch(/2026-03-(09|13|16|20)/);
  });

  it('is active from creation, each target planned', () => {
    expect(created()).toMatchObject({
      status: 'active',
      createdAt: NOW.toISOString(),
      inspectionStatus: { 'inspection-1': 'planned', 'inspection-2': 'planned' },
    });
  });

  it('fills in the defaults of a partial policy', () => {
    const [event] = accepted(
      decideCampaign(undefined, createCommand({ policy: { responseDeadline: { duration: 'PT2H' } } }), people.lead, context(NOW)),
    );
    expect(event.type === 'CampaignCreated' && event.data.policy).toEqual({ ...DEFAULT_POLICY, responseDeadline: { duration: 'PT2H' } });
  });

  it.each([
    ['an inspector', people.inspectorAn],
    ['the chairman', people.chairman],
    ['an admin', people.admin],
    ['a unit head', people.unitHead],
    ['the system', system],
  ])('only a lead inspector may create one, not %s', (_who, actor) => {
    expect(rejected(decideCampaign(undefined, createCommand(), actor, context(NOW)))).toMatchObject({
      code: 'forbidden',
      reason: expect.stringMatching(/lead inspector/),
    });
  });

  it('carries the codes of a stored checklist version in its event and state, whatever their format', () => {
    const codes = ['1.1', 'Điều 5 khoản 2', 'a'];
    const [created] = accepted(decideCampaign(undefined, createCommand({ checklistVersion: 'cong-vu-2025.3', criterionCodes: codes }), people.lead, context(NOW)));
    expect(created).toMatchObject({ type: 'CampaignCreated', data: { checklistVersion: 'cong-vu-2025.3', criterionCodes: codes } });
    expect(apply(undefined, createCommand({ checklistVersion: 'cong-vu-2025.3', criterionCodes: codes }), people.lead).criterionCodes).toEqual(codes);
  });

  it('a command from before the codes travelled (only the compiled demo version) is still accepted, without codes', () => {
    const [created] = accepted(decideCampaign(undefined, createCommand(), people.lead, context(NOW)));
    expect(created.type === 'CampaignCreated' && 'criterionCodes' in created.data).toBe(false);
  });

  it('cannot be created twice', () => {
    expect(rejected(decideCampaign(created(), createCommand(), people.lead, context(NOW))).code).toBe('conflict');
  });

  it.each<[string, Partial<Create>, string[]]>([
    ['an empty title', { title: '   ' }, ['title']],
    ['a title of 301 characters', { title: 'x'.repeat(301) }, ['title']],
    ['an empty legal basis', { legalBasis: '' }, ['legalBasis']],
    ['a year written as text', { year: '2026' as never }, ['year']],
    ['a year out of range', { year: 1999 }, ['year']],
    ['a fractional year', { year: 2026.5 }, ['year']],
    ['the lead among the inspectors', { inspectorIds: ['inspector-an', TEAM.leadInspectorId] }, ['inspectorIds']],
    ['51 inspectors', { inspectorIds: Array.from({ length: 51 }, (_, i) => `i-${i}`) }, ['inspectorIds']],
    ['an unknown checklist', { checklistVersion: 'demo-1999' }, ['checklistVersion']],
    ['an empty list of criterion codes', { checklistVersion: 'cong-vu.2', criterionCodes: [] }, ['criterionCodes']],
    ['a criterion code twice', { checklistVersion: 'cong-vu.2', criterionCodes: ['A', 'A'] }, ['criterionCodes']],
    ['a criterion code with a control character', { checklistVersion: 'cong-vu.2', criterionCodes: ['A\u0007'] }, ['criterionCodes.0']],
    ['no targets', { targets: [] }, ['targets']],
    ['the same unit twice', { targets: [target(1, UNIT_ID), target(2, OTHER_UNIT_ID), target(3, UNIT_ID)] }, ['targets.2.unitId']],
    [
      'a window that already ended',
      { targets: [target(1, UNIT_ID), target(2, OTHER_UNIT_ID, { windowStart: '2026-02-23', windowEnd: '2026-02-27' })] },
      ['targets.1.windowEnd'],
    ],
    [
      'a window ending before it starts',
      { targets: [target(1, UNIT_ID, { windowStart: '2026-03-20', windowEnd: '2026-03-13' })] },
      ['targets.0.windowEnd'],
    ],
    ['a window start that is not a date', { targets: [target(1, UNIT_ID, { windowStart: 'next Monday' })] }, ['targets.0.windowStart']],
    ['a policy that is not an object', { policy: 'fast' }, ['policy']],
    ['an unknown policy setting', { policy: { graceDays: 3 } }, ['policy.graceDays']],
    ['a deadline of zero working days', { policy: { responseDeadline: { workingDays: 0 } } }, ['policy.responseDeadline']],
    [
      'a reminder offset in months',
      { policy: { reminderOffsets: [{ workingDays: 3 }, { duration: 'P1M' }] } },
      ['policy.reminderOffsets.1'],
    ],
  ])('refuses %s, naming the field', (_what, change, fields) => {
    const rejection = rejected(decideCampaign(undefined, createCommand(change), people.lead, context(NOW)));
    expect(rejection.code).toBe('invalid');
    expect(rejection.errors?.map((e) => e.field)).toEqual(fields);
  });

  it('reports every problem at once', () => {
    const rejection = rejected(
      decideCampaign(
        undefined,
        createCommand({ title: '', year: 3000, targets: [target(1, UNIT_ID, { windowStart: '2026-01-26', windowEnd: '2026-02-01' })] }),
        people.lead,
        context(NOW),
      ),
    );
    expect(rejection.errors?.map((e) => e.field)).toEqual(['title', 'year', 'targets.0.windowEnd']);
  });
});

describe('adding a unit to a campaign', () => {
  const add = (unitId: string, n = 3): CampaignCommand => ({
    type: 'AddTarget',
    ...target(n, unitId, { windowStart: '2026-04-06', windowEnd: '2026-04-10' }),
  });

  it("the campaign's lead adds a unit", () => {
    expect(accepted(decideCampaign(created(), add('unit-commune-9'), people.lead, context(NOW)))).toEqual([
      { type: 'UnitAddedToCampaign', data: { inspectionId: 'inspection-3', unitId: 'unit-commune-9' } },
    ]);
    expect(apply(created(), add('unit-commune-9'), people.lead).inspectionStatus['inspection-3']).toBe('planned');
  });

  it.each([
    ['another lead inspector', people.otherLead],
    ['an inspector of the team', people.inspectorAn],
    ['the chairman', people.chairman],
    ['the system', system],
  ])('%s may not', (_who, actor) => {
    expect(rejected(decideCampaign(created(), add('unit-commune-9'), actor, context(NOW)))).toMatchObject({
      code: 'forbidden',
      reason: expect.stringMatching(/campaign's lead inspector/),
    });
  });

  it('a campaign that does not exist is not found', () => {
    expect(rejected(decideCampaign(undefined, add('unit-commune-9'), people.lead, context(NOW))).code).toBe('not_found');
  });

  it('not a unit whose inspection in this campaign is still open', () => {
    const started = withInspectionStatus(created(), 'inspection-1', 'remediating');
    expect(rejected(decideCampaign(created(), add(UNIT_ID), people.lead, context(NOW)))).toMatchObject({
      code: 'conflict',
      reason: expect.stringMatching(/open inspection/),
    });
    expect(rejected(decideCampaign(started, add(UNIT_ID), people.lead, context(NOW))).code).toBe('conflict');
  });

  it.each(['closed', 'cancelled'] as const)('a unit whose inspection was %s may be inspected again', (status) => {
    const state = withInspectionStatus(created(), 'inspection-1', status);
    expect(accepted(decideCampaign(state, add(UNIT_ID), people.lead, context(NOW))).map((e) => e.type)).toEqual(['UnitAddedToCampaign']);
  });

  it('the window is checked like at creation', () => {
    const command = { ...add('unit-commune-9'), windowStart: '2026-02-23', windowEnd: '2026-03-01' } as CampaignCommand;
    expect(rejected(decideCampaign(created(), command, people.lead, context(NOW))).errors?.map((e) => e.field)).toEqual(['windowEnd']);
  });

  it('only while the campaign is active', () => {
    let state = created();
    state = report(state, 'inspection-1', 'closed').state;
    state = report(state, 'inspection-2', 'cancelled').state;
    expect(state.status).toBe('completed');
    expect(rejected(decideCampaign(state, add('unit-commune-9'), people.lead, context(NOW)))).toMatchObject({
      code: 'conflict',
      reason: expect.stringMatching(/completed/),
    });
  });
});

describe('completion', () => {
  it('completes when every inspection is closed or cancelled, counting both', () => {
    let state = created();
    const first = report(state, 'inspection-1', 'closed');
    expect(first.events).toEqual([]);
    state = first.state;
    const second = report(state, 'inspection-2', 'cancelled', localTime('2026-05-04 10:00'));
    expect(second.events).toEqual([{ type: 'CampaignCompleted', data: { closed: 1, cancelled: 1 } }]);
    expect(second.state).toMatchObject({ status: 'completed', completedAt: localTime('2026-05-04 10:00').toISOString() });
  });

  it.each<InspectionStatus>(['planned', 'in_progress', 'drafting', 'awaiting_approval', 'awaiting_response', 'remediating'])(
    'not while one inspection is %s',
    (status) => {
      let state = report(created(), 'inspection-1', 'closed').state;
      const last = report(state, 'inspection-2', status);
      expect(last.events).toEqual([]);
      state = last.state;
      expect(state.status).toBe('active');
    },
  );

  it('completes only once', () => {
    let state = report(created(), 'inspection-1', 'closed').state;
    state = report(state, 'inspection-2', 'closed').state;
    expect(report(state, 'inspection-2', 'closed').events).toEqual([]);
  });

  it('status reports come from inspections, never from a person', () => {
    const command: CampaignCommand = { type: 'RecordInspectionStatus', inspectionId: 'inspection-1', status: 'closed' };
    expect(rejected(decideCampaign(created(), command, people.lead, context(NOW))).code).toBe('forbidden');
    expect(rejected(decideCampaign(undefined, command, system, context(NOW))).code).toBe('not_found');
  });
});

describe('follow-ups join the campaign of their parent', () => {
  const adopt: CampaignCommand = { type: 'AdoptFollowUp', inspectionId: 'follow-up-1', unitId: UNIT_ID, followUpOf: 'inspection-1' };

  it('in an active campaign, the follow-up is added as a planned target', () => {
    expect(accepted(decideCampaign(created(), adopt, system, context(NOW)))).toEqual([
      { type: 'UnitAddedToCampaign', data: { inspectionId: 'follow-up-1', unitId: UNIT_ID, followUpOf: 'inspection-1' } },
    ]);
  });

  it('a completed campaign reopens, and completes again only when the follow-up is done', () => {
    let state = report(created(), 'inspection-1', 'closed').state;
    state = report(state, 'inspection-2', 'closed').state;
    expect(state.status).toBe('completed');

    expect(accepted(decideCampaign(state, adopt, system, context(NOW))).map((e) => e.type)).toEqual(['CampaignReopened', 'UnitAddedToCampaign']);
    state = apply(state, adopt, system);
    expect(state).toMatchObject({ status: 'active', completedAt: undefined, inspectionStatus: { 'follow-up-1': 'planned' } });
    expect(state.targets.map((t) => t.inspectionId)).toEqual(['inspection-1', 'inspection-2', 'follow-up-1']);

    const stillOpen = report(state, 'follow-up-1', 'in_progress');
    expect(stillOpen.events).toEqual([]);
    expect(report(stillOpen.state, 'follow-up-1', 'closed').events).toEqual([
      { type: 'CampaignCompleted', data: { closed: 3, cancelled: 0 } },
    ]);
  });

  it('a person cannot adopt a follow-up directly', () => {
    expect(rejected(decideCampaign(created(), adopt, people.lead, context(NOW))).code).toBe('forbidden');
  });
});
