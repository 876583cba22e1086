/** The unit's response and extensions of its deadline. */
import { findingById, given, When } from '@inspectorate/domain-testing/decider-spec';
import { endOfDay, people, system, T } from '@inspectorate/domain-testing/fixtures';
import { acceptItem, awaitingResponseStory, disputeItem, responseItems, withPendingExtension } from '@inspectorate/domain-testing/inspection-stories';

describe("the unit's response", () => {
  const respond = (items: ReturnType<typeof responseItems>, at: When = T.responded) =>
    given(awaitingResponseStory()).when(people.unitHead, { type: 'SubmitResponse', items }, at);

  it('plans one corrective action per accepted finding, with the required due date kept beside the planned one', () => {
    const outcome = respond(responseItems());
    outcome.thenEvents(
      'ResponseSubmitted',
      'CorrectiveActionPlanned',
      'CorrectiveActionPlanned',
      'CorrectiveActionPlanned',
      'CorrectiveActionPlanned',
    );
    expect(outcome.events[1]).toEqual({
      type: 'CorrectiveActionPlanned',
      data: {
        actionId: 'id-1',
        findingId: 'f-1',
        requirement: 'Remedy f-1 and report with evidence.',
        owner: 'Deputy head Phạm Văn Tâm',
        dueDate: T.plannedDue,
        dueAt: endOfDay(T.plannedDue),
        requiredDueAt: endOfDay(T.requiredDue),
      },
    });
    expect(outcome.after.status).toBe('remediating');
    expect(findingById(outcome.after, 'f-5').dispute).toEqual({ status: 'pending', explanation: disputeItem('f-5').explanation });
  });

  it('must answer every finding with a required action', () => {
    const errors = respond(responseItems().filter((i) => i.findingId !== 'f-5')).thenInvalid('items');
    expect(errors[0].message).toMatch(/missing: f-5/);
  });

  it.each([
    ['a plan due later than the conclusion requires', [acceptItem('f-1', '2026-06-01')], 'items.0.plan.dueDate'],
    ['a plan due in the past', [acceptItem('f-1', '2026-03-19')], 'items.0.plan.dueDate'],
    ['an acceptance without a plan', [{ findingId: 'f-1', position: 'accepted', explanation: '' }], 'items.0.plan'],
    ['a dispute without an explanation', [{ findingId: 'f-1', position: 'disputed', explanation: ' ' }], 'items.0.explanation'],
    ['a withdrawn finding', [{ findingId: 'f-6', position: 'disputed', explanation: 'x' }], 'items.0.findingId'],
    ['the same finding twice', [acceptItem('f-1'), acceptItem('f-1')], 'items.1.findingId'],
  ] as const)('refuses %s', (_what, first, field) => {
    const items = [...first, ...responseItems().filter((i) => !first.some((f) => f.findingId === i.findingId))];
    respond(items as never).thenInvalid(field);
  });

  it('accepts a plan due exactly on the required date', () => {
    respond([acceptItem('f-1', T.requiredDue), ...responseItems().slice(1)]).thenEvent('ResponseSubmitted');
  });

  it('an empty response is refused', () => {
    respond([]).thenInvalid('items');
  });

  it('a response by the deadline is not late', () => {
    expect(respond(responseItems(), '2026-03-30 23:59').thenEvent('ResponseSubmitted').late).toBe(false);
  });

  it('a response after the deadline is still accepted, marked late', () => {
    expect(respond(responseItems(), '2026-03-31 08:00').thenEvent('ResponseSubmitted').late).toBe(true);
  });

  it('a response after the overdue escalation is accepted and marked late', () => {
    const overdue = awaitingResponseStory().run(system, { type: 'MarkResponseOverdue' }, '2026-03-31 00:00');
    const data = given(overdue)
      .when(people.unitHead, { type: 'SubmitResponse', items: responseItems() }, '2026-04-02 10:00')
      .thenEvent('ResponseSubmitted');
    expect(data).toMatchObject({ late: true, dueAt: endOfDay(T.responseDue) });
  });

  it('the overdue escalation opens an accountability case for the head of unit', () => {
    const outcome = given(awaitingResponseStory()).when(system, { type: 'MarkResponseOverdue' }, '2026-03-31 00:00');
    outcome.thenEvents('ResponseOverdue', 'AccountabilityCaseOpened');
    expect(outcome.thenEvent('AccountabilityCaseOpened')).toEqual({ caseId: 'id-1', reason: 'response_overdue', unitId: 'unit-ward-3' });
    expect(outcome.after.status).toBe('awaiting_response');
    given(awaitingResponseStory())
      .when(system, { type: 'MarkResponseOverdue' }, '2026-03-30 23:59')
      .thenRejected('conflict', /not passed/);
    given(outcome.next).when(system, { type: 'MarkResponseOverdue' }).thenRejected('conflict');
  });
});

describe('extensions of the response deadline', () => {
  const request = (requestedDeadline = '2026-04-10') =>
    ({ type: 'RequestExtension', reason: 'Flooding closed the office.', requestedDeadline }) as const;

  it('is requested with a later deadline, resolved to its instant', () => {
    const data = given(awaitingResponseStory()).when(people.unitHead, request(), '2026-03-18 09:00').thenEvent('ExtensionRequested');
    expect(data).toEqual({
      reason: 'Flooding closed the office.',
      requestedDeadline: '2026-04-10',
      requestedDueAt: endOfDay('2026-04-10'),
      currentDueAt: endOfDay(T.responseDue),
    });
  });

  it.each([
    ['the current deadline itself', T.responseDue],
    ['an earlier date', '2026-03-27'],
    ['something that is not a date', 'next week'],
  ])('refuses a requested deadline that is %s', (_what, requestedDeadline) => {
    given(awaitingResponseStory()).when(people.unitHead, request(requestedDeadline)).thenInvalid('requestedDeadline');
  });

  it('may be asked only once, whatever became of the first request', () => {
    const refused = withPendingExtension().run(people.lead, { type: 'DecideExtension', decision: 'refused', note: 'No reason to.' });
    given(withPendingExtension())
      .when(people.unitHead, request('2026-04-15'))
      .thenRejected('conflict', /only once/);
    given(refused)
      .when(people.unitHead, request('2026-04-15'))
      .thenRejected('conflict', /only once/);
  });

  it('a grant moves the response deadline (to the requested date by default)', () => {
    const outcome = given(withPendingExtension()).when(
      people.lead,
      { type: 'DecideExtension', decision: 'granted', note: 'Agreed.' },
      '2026-03-19 09:00',
    );
    expect(outcome.thenEvent('ExtensionDecided')).toEqual({
      decision: 'granted',
      note: 'Agreed.',
      previousDueAt: endOfDay(T.responseDue),
      newDueAt: endOfDay('2026-04-10'),
    });
    expect(outcome.after.responseDeadline).toEqual({ dueAt: endOfDay('2026-04-10'), setAt: outcome.at.toISOString() });
    expect(outcome.after.extension?.status).toBe('granted');
  });

  it('the lead may grant another date than the one asked for', () => {
    const data = given(withPendingExtension())
      .when(people.lead, { type: 'DecideExtension', decision: 'granted', deadline: '2026-04-03', note: '' })
      .thenEvent('ExtensionDecided');
    expect(data.newDueAt).toBe(endOfDay('2026-04-03'));
  });

  it('a grant is an extension: it may not bring the deadline forward', () => {
    given(withPendingExtension())
      .when(people.lead, { type: 'DecideExtension', decision: 'granted', deadline: '2026-03-25', note: '' }, '2026-03-19 09:00')
      .thenInvalid('deadline');
  });

  it('a grant after the deadline passed clears the overdue flag, and a response before the new deadline is on time', () => {
    const overdue = withPendingExtension().run(system, { type: 'MarkResponseOverdue' }, '2026-03-31 00:00');
    expect(overdue.state.responseOverdue).toBe(true);
    given(overdue)
      .when(people.lead, { type: 'DecideExtension', decision: 'granted', deadline: '2026-03-20', note: '' }, '2026-03-31 09:00')
      .thenInvalid('deadline');
    const granted = overdue.run(people.lead, { type: 'DecideExtension', decision: 'granted', note: '' }, '2026-03-31 09:00');
    expect(granted.state.responseOverdue).toBe(false);
    expect(
      given(granted)
        .when(people.unitHead, { type: 'SubmitResponse', items: responseItems() }, '2026-04-08 10:00')
        .thenEvent('ResponseSubmitted').late,
    ).toBe(false);
  });

  it('a refusal keeps the deadline', () => {
    const outcome = given(withPendingExtension()).when(people.lead, {
      type: 'DecideExtension',
      decision: 'refused',
      note: 'The deadline stands.',
    });
    expect(outcome.thenEvent('ExtensionDecided')).toEqual({
      decision: 'refused',
      note: 'The deadline stands.',
      previousDueAt: endOfDay(T.responseDue),
    });
    expect(outcome.after.responseDeadline?.dueAt).toBe(endOfDay(T.responseDue));
  });

  it('there is nothing to decide without a request', () => {
    given(awaitingResponseStory())
      .when(people.lead, { type: 'DecideExtension', decision: 'granted', note: '' })
      .thenRejected('conflict', /no pending extension/);
  });

  it('a request is decided only once', () => {
    const refused = withPendingExtension().run(people.lead, { type: 'DecideExtension', decision: 'refused', note: '' });
    given(refused)
      .when(people.lead, { type: 'DecideExtension', decision: 'granted', note: '' })
      .thenRejected('conflict', /no pending extension/);
  });
});
