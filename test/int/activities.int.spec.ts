import { ApplicationFailure } from '@temporalio/common';
import { EventStore } from '@inspectorate/event-store';
import { Projector } from '@inspectorate/read-model';
import { EVENTS_NOT_STORABLE, STREAM_CONFLICT } from '@inspectorate/workflow-contract';
import { createActivities } from '../../apps/worker/src/activities';
import { createTestDatabase, TestDatabase } from '../harness/database';
import { plannedCampaign } from './fixtures';

/**
 * The worker's one activity decides how Temporal retries it: a database outage is retried
 * without end, but a conflict or a value the database refuses would fail on every retry, so those
 * fail the command at once instead of holding the inspection's workflow.
 */
describe('the appendEvents activity', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  const activities = () => createActivities(new EventStore(db.dataSource), new Projector());

  it('fails without retry when the database refuses the events as data (a NUL character)', async () => {
    const { appends } = plannedCampaign();
    const created = appends[0].events[0];
    if (created.type !== 'CampaignCreated') throw new Error('The fixture starts with CampaignCreated.');
    const poisoned = [{ ...appends[0], events: [{ ...created, data: { ...created.data, title: 'a\u0000b' } }] }, ...appends.slice(1)];
    const failure = await activities().appendEvents(poisoned).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: EVENTS_NOT_STORABLE, nonRetryable: true });
    expect(await db.sql('SELECT count(*)::int AS n FROM events')).toEqual([{ n: 0 }]);
  });

  it('fails without retry on a stream conflict, and succeeds as a no-op when retried with the same events', async () => {
    const { appends } = plannedCampaign();
    const first = await activities().appendEvents(appends);
    expect(first.alreadyAppended).toBe(false);
    expect((await activities().appendEvents(appends)).alreadyAppended).toBe(true);
    const stale = appends.map((a) => ({ ...a, events: a.events.map((e) => ({ ...e, id: crypto.randomUUID() })) }));
    await expect(activities().appendEvents(stale)).rejects.toMatchObject({ type: STREAM_CONFLICT, nonRetryable: true });
  });
});
