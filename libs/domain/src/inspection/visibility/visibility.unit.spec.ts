import fc from 'fast-check';
import { UserActor } from '../../shared/actor';
import { INSPECTION_EVENT_TYPES } from '../events';
import { INSPECTION_STATUSES } from '../model';
import { visibleOf } from './counts';
import { canSeeEvent, visibleEventData } from './events';
import { canSeeInspection, canSeeVisitWindow, scopeAdmits, VisibilityFacts, visibilityScope } from './existence';
import { inspectionSight } from './fields';

const team = { leadInspectorId: 'lead', inspectorIds: ['an', 'binh'] };
const planned: VisibilityFacts = { unitId: 'unit-a', status: 'planned', team };
const started: VisibilityFacts = { unitId: 'unit-a', status: 'in_progress', team, startedAt: '2026-03-10T02:00:00.000Z' };

const user = (userId: string, role: UserActor['role'], unitId?: string): UserActor => ({
  kind: 'user',
  userId,
  role,
  ...(unitId ? { unitId } : {}),
});
const chairman = user('chu-tich', 'chairman');
const lead = user('lead', 'lead_inspector');
const teamInspector = user('an', 'inspector');
const otherLead = user('other-lead', 'lead_inspector');
const otherInspector = user('other-inspector', 'inspector');
const admin = user('admin', 'admin');
const headOfA = user('head-a', 'unit_head', 'unit-a');
const headOfB = user('head-b', 'unit_head', 'unit-b');
const headWithoutUnit = user('head-none', 'unit_head');

describe('existence: who may know an inspection exists', () => {
  it.each([
    ['the chairman', chairman],
    ['its lead inspector', lead],
    ['an inspector of its team', teamInspector],
  ])('a planned inspection exists for %s', (_, actor) => {
    expect(canSeeInspection(actor, planned)).toBe(true);
  });

  it.each([
    ['the head of its unit', headOfA],
    ['the head of another unit', headOfB],
    ['a lead inspector of another team', otherLead],
    ['an inspector of another team', otherInspector],
    ['the admin', admin],
  ])('a planned inspection does not exist for %s', (_, actor) => {
    expect(canSeeInspection(actor, planned)).toBe(false);
  });

  it('once the visit started it exists for all staff and for the head of its unit, not for other units', () => {
    for (const actor of [chairman, lead, teamInspector, otherLead, otherInspector, admin, headOfA])
      expect(canSeeInspection(actor, started)).toBe(true);
    expect(canSeeInspection(headOfB, started)).toBe(false);
  });

  it('a unit head without a unit sees no inspection at all', () => {
    expect(canSeeInspection(headWithoutUnit, started)).toBe(false);
    expect(visibilityScope(headWithoutUnit)).toEqual({ kind: 'own-unit-started', unitId: null });
  });

  it('the scope (what the SQL form is rendered from) admits exactly what canSeeInspection admits, for any caller and inspection', () => {
    const people = ['lead', 'an', 'binh', 'other', 'head-a'];
    const actorArb = fc.record({
      kind: fc.constant('user' as const),
      userId: fc.constantFrom(...people),
      role: fc.constantFrom('chairman' as const, 'lead_inspector' as const, 'inspector' as const, 'admin' as const, 'unit_head' as const),
      unitId: fc.option(fc.constantFrom('unit-a', 'unit-b'), { nil: undefined }),
    });
    const factsArb = fc.record({
      unitId: fc.constantFrom('unit-a', 'unit-b'),
      status: fc.constantFrom(...INSPECTION_STATUSES),
      team: fc.record({ leadInspectorId: fc.constantFrom(...people), inspectorIds: fc.subarray(people) }),
      startedAt: fc.option(fc.constant('2026-03-10T02:00:00.000Z'), { nil: undefined }),
    });
    fc.assert(
      fc.property(actorArb, factsArb, (actor, facts) => {
        const expected =
          actor.role === 'chairman'
            ? true
            : actor.role === 'unit_head'
              ? facts.startedAt !== undefined && actor.unitId === facts.unitId
              : facts.startedAt !== undefined ||
                facts.team.leadInspectorId === actor.userId ||
                facts.team.inspectorIds.includes(actor.userId);
        expect(scopeAdmits(visibilityScope(actor), facts)).toBe(expected);
        expect(canSeeInspection(actor, facts)).toBe(expected);
      }),
    );
  });
});

describe('fields: which parts of a visible inspection a caller sees', () => {
  it('the head of the unit sees neither the visit window, nor versions, nor the draft conclusion, nor the conclusion deadline, nor follow-ups', () => {
    expect(inspectionSight(headOfA, started)).toEqual({
      insider: false,
      visitWindow: false,
      versions: false,
      followUps: false,
      draftConclusion: false,
      conclusionDeadline: false,
      wholeHistory: false,
    });
    expect(canSeeVisitWindow(headOfA, started)).toBe(false);
  });

  it('staff outside the team see a started inspection whole but for its follow-ups', () => {
    const sight = inspectionSight(otherInspector, started);
    expect(sight).toMatchObject({ insider: false, visitWindow: true, versions: true, draftConclusion: true, wholeHistory: true });
    expect(sight.followUps).toBe(false);
  });

  it('its team and the chairman are insiders and see its follow-ups', () => {
    for (const actor of [chairman, lead, teamInspector])
      expect(inspectionSight(actor, planned)).toMatchObject({ insider: true, followUps: true, visitWindow: true });
  });
});

describe('events: which events of a visible inspection a caller sees', () => {
  const event = (type: string, data: unknown = {}) => ({ type, data });
  const head = inspectionSight(headOfA, started);

  it('the head of the unit never sees the planning, the draft conclusion, its returns or a follow-up', () => {
    for (const type of [
      'InspectionPlanned',
      'VisitRescheduled',
      'ConclusionSubmitted',
      'ConclusionReturned',
      'FollowUpScheduled',
      'DissentRecorded',
    ]) {
      expect(canSeeEvent(head, event(type))).toBe(false);
    }
  });

  it('the head of the unit sees the visit, the approved conclusion and what is asked of the unit', () => {
    for (const type of [
      'VisitStarted',
      'FindingRecorded',
      'ConclusionApproved',
      'UnitNotified',
      'ResponseSubmitted',
      'CorrectiveActionVerified',
      'InspectionClosed',
    ]) {
      expect(canSeeEvent(head, event(type))).toBe(true);
    }
  });

  it('of the reminders, the head of the unit sees only those about their own response', () => {
    expect(canSeeEvent(head, event('ReminderSent', { subject: 'response' }))).toBe(true);
    expect(canSeeEvent(head, event('ReminderSent', { subject: 'conclusion' }))).toBe(false);
    expect(canSeeEvent(head, event('ReminderSent', { subject: 'verification' }))).toBe(false);
  });

  it('the head of the unit learns when the visit ended, not when the conclusion is due', () => {
    const ended = event('VisitEnded', { endedAt: '2026-03-10T09:00:00.000Z', conclusionDueAt: '2026-03-24T16:59:59.999Z' });
    expect(visibleEventData(head, ended)).toEqual({ endedAt: '2026-03-10T09:00:00.000Z' });
    expect(visibleEventData(inspectionSight(otherInspector, started), ended)).toEqual(ended.data);
  });

  it('staff see every event, a scheduled follow-up only if they are its team or the chairman', () => {
    const outsider = inspectionSight(otherInspector, started);
    for (const type of INSPECTION_EVENT_TYPES.filter((t) => t !== 'FollowUpScheduled'))
      expect(canSeeEvent(outsider, event(type))).toBe(true);
    expect(canSeeEvent(outsider, event('FollowUpScheduled'))).toBe(false);
    expect(canSeeEvent(inspectionSight(lead, started), event('FollowUpScheduled'))).toBe(true);
    expect(canSeeEvent(inspectionSight(chairman, started), event('FollowUpScheduled'))).toBe(true);
  });
});

describe('counts: a caller counts only what they may know exists', () => {
  const rows = [planned, started, { ...started, unitId: 'unit-b' }];

  it('the head of a unit counts their unit’s started inspection only, and is told the count is partial', () => {
    expect(visibleOf(headOfA, rows, (r) => r)).toEqual({ visible: [started], all: false });
  });

  it('an inspector outside the team does not count the planned one', () => {
    expect(visibleOf(otherInspector, rows, (r) => r).visible).toHaveLength(2);
  });

  it('the chairman counts every one, and sees all of them', () => {
    expect(visibleOf(chairman, rows, (r) => r)).toEqual({ visible: rows, all: true });
  });
});
