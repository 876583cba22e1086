import { Client as PgClient } from 'pg';
import request from 'supertest';
import { Scenario } from '../harness/scenario';
import { useStack } from '../harness/use-stack';

/** GET /audit/verify: the chairman's and the administrator's check that the event log is as written. */
describe('GET /audit/verify', () => {
  const stack = useStack();

  beforeAll(async () => {
    const scenario = new Scenario(stack);
    const { inspectionId } = await scenario.plannedInspection();
    await scenario.start(inspectionId);
    await scenario.finding(inspectionId);
    await scenario.finding(inspectionId, stack.people.inspector2, { criterionCode: 'KL-02', severity: 'minor' });
    // Let the workflows finish whatever they append after answering, so the head stays put.
    for (let last = -1, now = await head(); now !== last; ) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      [last, now] = [now, await head()];
    }
  });

  const head = async () => Number((await stack.db.query('SELECT max(position) AS p FROM events'))[0].p);

  it('answers 401 without a token and 403 to every role but admin and chairman', async () => {
    const { api, people } = stack;
    const anonymous = await api.get(undefined, '/audit/verify');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/application\/problem\+json/);
    for (const user of [people.lead, people.inspector1, people.headA]) {
      const refused = await api.get(user, '/audit/verify');
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ status: 403, title: 'Not allowed' });
    }
  });

  it('reports an intact log to the admin and the chairman', async () => {
    const { api, people } = stack;
    const last = await head();
    expect(last).toBeGreaterThanOrEqual(4);
    for (const user of [people.admin, people.chairman]) {
      const result = await api.expect(200, api.get(user, '/audit/verify'));
      expect(result).toEqual({ intact: true, checked: last, lastPosition: last, checkpoints: { checked: expect.any(Number), lastSignedPosition: last } });
    }
  });

  it('is in the OpenAPI document, for bearer tokens', async () => {
    const doc = (await request(stack.api.baseUrl).get('/docs-json').expect(200)).body;
    expect(doc.paths['/api/v1/audit/verify'].get.security).toEqual([{ bearer: [] }]);
  });

  it('tells the newest events were removed, though the chain that remains is intact', async () => {
    const { api, people } = stack;
    const last = await head();
    const client = new PgClient({ connectionString: stack.databaseUrl });
    await client.connect();
    try {
      // An owner's copy of the log is the way to put it back afterwards (the log is append-only).
      await client.query(`BEGIN;
        CREATE TABLE removed_events AS SELECT * FROM events WHERE position = ${last};
        ALTER TABLE events DISABLE TRIGGER USER;
        DELETE FROM events WHERE position = ${last};
        COMMIT;`);
      const result = await api.expect(200, api.get(people.chairman, '/audit/verify'));
      expect(result).toEqual({
        intact: false,
        checked: last - 1,
        lastPosition: last - 1,
        checkpoints: {
          checked: expect.any(Number),
          lastSignedPosition: expect.any(Number),
          problem: { position: last, reason: `the log ends at position ${last - 1}, but position ${last} was signed: the newest events were removed` },
        },
      });
    } finally {
      await client.query(`BEGIN;
        INSERT INTO events SELECT * FROM removed_events;
        ALTER TABLE events ENABLE TRIGGER USER;
        DROP TABLE removed_events;
        COMMIT;`);
      await client.end();
    }
    expect((await api.expect(200, api.get(people.chairman, '/audit/verify'))).intact).toBe(true);
  });

  it('names the first broken link after a row was tampered with behind the triggers', async () => {
    const { api, people } = stack;
    const last = await head();
    const target = last - 1;
    const client = new PgClient({ connectionString: stack.databaseUrl });
    await client.connect();
    let eventId: string;
    try {
      eventId = (await client.query('SELECT id FROM events WHERE position = $1', [target])).rows[0].id;
      await client.query(`BEGIN;
        ALTER TABLE events DISABLE TRIGGER events_no_update_delete;
        UPDATE events SET data = jsonb_set(data, '{severity}', '"minor"') WHERE position = ${target};
        ALTER TABLE events ENABLE TRIGGER events_no_update_delete;
        COMMIT;`);
    } finally {
      await client.end();
    }
    const result = await api.expect(200, api.get(people.chairman, '/audit/verify'));
    expect(result).toEqual({
      intact: false,
      checked: target - 1,
      lastPosition: target - 1,
      firstBrokenLink: { position: target, eventId, reason: 'its content does not match its hash' },
      checkpoints: { checked: expect.any(Number), lastSignedPosition: expect.any(Number) },
    });
    // The database still refuses an ordinary attempt to put it back.
    await expect(stack.db.query(`UPDATE events SET data = data WHERE position = ${target}`)).rejects.toThrow(/append-only/);
  });
});
