/** The decider's front door: secrecy (404), people and timers apart, and commands in time order. */
import { InspectionCommand } from './commands';
import { InspectionState } from './state';
import { MATRIX } from '@inspectorate/domain-testing/command-matrix';
import { given, InspectionStory, later, When } from '@inspectorate/domain-testing/decider-spec';
import { endOfDay, minutesAfter, people, system, T } from '@inspectorate/domain-testing/fixtures';
import { awaitingApprovalStory, cancelledBeforeVisitStory, inProgressStory, plannedStory, remediatingStory } from '@inspectorate/domain-testing/inspection-stories';
import { Actor } from '../shared/actor';

describe('secrecy: before the visit an inspection does not exist for the unit or for staff outside the team', () => {
  const userCommands = (s: InspectionState) =>
    MATRIX.filter((row) => row.actor.kind === 'user' && row.name !== 'PlanInspection').map((row) => row.command(s));
  const outsiders: [string, Actor][] = [
    ['the head of the inspected unit', people.unitHead],
    ['the head of another unit', people.otherUnitHead],
    ['an inspector outside the team', people.outsideInspector],
    ['another lead inspector', people.otherLead],
    ['an admin', people.admin],
  ];

  describe.each([
    ['a planned inspection', plannedStory],
    ['an inspection cancelled before its visit', cancelledBeforeVisitStory],
    [
      'a planned inspection whose window was missed',
      () => plannedStory().run(system, { type: 'MarkVisitWindowMissed' }, '2026-03-14 00:00'),
    ],
  ] as const)('%s', (_what, build) => {
    const story = build();
    const s = story.state;
    it.each(outsiders)('%s gets 404 for every command, with no hint of the status', (_who, actor) => {
      const answers = userCommands(s).map((command) => {
        const decision = story.decide(actor, command, later(s, undefined));
        return 'code' in decision ? `${command.type}: ${decision.code} ${decision.reason}` : `${command.type}: accepted`;
      });
      expect(answers).toEqual(userCommands(s).map((command) => `${command.type}: not_found Inspection not found.`));
    });
  });

  it('once the visit started, the head of the inspected unit may see it but the head of another unit still may not', () => {
    const story = inProgressStory();
    given(story)
      .when(people.unitHead, { type: 'EndVisit' })
      .thenForbidden(/lead inspector/);
    given(story).when(people.otherUnitHead, { type: 'EndVisit' }).thenNotFound();
  });
});

describe('people and timers keep to their own commands', () => {
  const timerCommands: InspectionCommand[] = [
    { type: 'MarkVisitWindowMissed' },
    { type: 'SendReminder', subject: 'response', dueAt: endOfDay(T.responseDue), reminderKey: 'response:x' },
    { type: 'MarkConclusionOverdue' },
    { type: 'MarkResponseOverdue' },
    { type: 'MarkActionOverdue', actionId: 'id-1' },
  ];
  it.each(timerCommands.map((c) => [c.type, c] as const))(
    '%s sent by a person (even the lead or the chairman) is refused',
    (_type, command) => {
      for (const actor of [people.lead, people.chairman, people.admin]) {
        given(remediatingStory())
          .when(actor, command)
          .thenForbidden(/done by the system's timers/);
      }
    },
  );

  it.each([
    ['start the visit', plannedStory, { type: 'StartVisit' }, T.visitStarted],
    ['cancel', remediatingStory, { type: 'CancelInspection', reason: 'x' }, undefined],
    ['approve', awaitingApprovalStory, { type: 'ApproveConclusion' }, undefined],
    ['decide a case', remediatingStory, { type: 'DecideAccountability', caseId: 'id-5', outcome: 'reminded', note: 'x' }, undefined],
  ] as [string, () => InspectionStory, InspectionCommand, When | undefined][])(
    'the system may not %s on its own',
    (_what, build, command, at) => {
      given(build())
        .when(system, command, at)
        .thenForbidden(/must be sent by a person/);
    },
  );
});

describe('commands are dated', () => {
  it('a command dated before the last event is refused', () => {
    const story = inProgressStory();
    given(story)
      .when(people.lead, { type: 'EndVisit' }, minutesAfter(story.state.lastEventAt, -1))
      .thenRejected('invalid', /before the inspection's last event/);
  });

  it('a command dated at the very instant of the last event is accepted', () => {
    const story = inProgressStory();
    given(story).when(people.lead, { type: 'EndVisit' }, story.state.lastEventAt).thenEvents('VisitEnded');
  });

  it('a timer dated before the last event is refused too', () => {
    const story = plannedStory().run(
      people.lead,
      { type: 'RescheduleVisit', windowStart: '2026-03-02', windowEnd: '2026-03-02' },
      '2026-03-02 10:00',
    );
    given(story).when(system, { type: 'MarkVisitWindowMissed' }, '2026-03-02 09:59').thenRejected('invalid');
  });
});
