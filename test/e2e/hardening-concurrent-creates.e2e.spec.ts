import { inDays } from '../harness/time';
import { useStack } from '../harness/use-stack';
import { send, textFile } from './security/http';

/**
 * Concurrency is input too. Simultaneous creates of one username or unit code: one is created,
 * the others are told why not (409), and nothing lands in the error log (least of all the row
 * with its password hash). Simultaneous requests with one Idempotency-Key: one runs, the others
 * wait for its answer and get it. An upload's key is bound to the file's bytes.
 */
describe('concurrent creates and repeated Idempotency-Keys', () => {
  const logLines: string[] = [];
  const stack = useStack({ logTo: { write: (line) => void logLines.push(line) } });

  const records = () => logLines.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line) as { level: string });
  const errorRecords = () => records().filter((r) => r.level === 'error' || r.level === 'fatal');
  const together = <T>(count: number, work: (index: number) => Promise<T>) => Promise.all(Array.from({ length: count }, (_, index) => work(index)));
  const statuses = (responses: { status: number }[]) => responses.map((r) => r.status).sort();

  it('creates one of five simultaneous users with one username and answers the others 409', async () => {
    const { api, people } = stack;
    const responses = await together(5, (i) =>
      api.post(people.admin, '/users', { username: 'can.bo.moi', displayName: `Cán bộ ${i}`, role: 'inspector', password: `mat-khau-rat-dai-${i}` }),
    );
    expect(statuses(responses)).toEqual([201, 409, 409, 409, 409]);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body.detail).toBe('The username can.bo.moi is taken.');
    }
    const listed = await api.expect(200, api.get(people.admin, '/users?limit=500'));
    expect(listed.items.filter((u: { username: string }) => u.username === 'can.bo.moi')).toHaveLength(1);
    expect(errorRecords()).toEqual([]);
    expect(logLines.join('')).not.toContain('$argon2');
  });

  it('creates one of five simultaneous units with one code and answers the others 409', async () => {
    const { api, people } = stack;
    const responses = await together(5, (i) => api.post(people.admin, '/units', { code: 'XA-LONG-HOA', name: `Xã Long Hòa ${i}`, kind: 'commune' }));
    expect(statuses(responses)).toEqual([201, 409, 409, 409, 409]);
    expect(responses.find((r) => r.status === 409)!.body.detail).toBe('A unit with code XA-LONG-HOA already exists.');
    expect(errorRecords()).toEqual([]);
  });

  it('runs five simultaneous requests with one Idempotency-Key once, and gives all five its answer', async () => {
    const { api, people } = stack;
    const user = { username: 'can.bo.mot.lan', displayName: 'Cán bộ', role: 'inspector', password: 'mot-mat-khau-dai' };
    const users = await together(5, () => api.post(people.admin, '/users', user, { 'Idempotency-Key': 'create-user-once' }));
    expect(statuses(users)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(users.map((r) => r.body.id)).size).toBe(1);
    expect(users.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(4);

    const campaign = {
      title: 'Kiểm tra đột xuất (một lần)',
      year: Number(inDays(0).slice(0, 4)),
      legalBasis: 'Kế hoạch số 02/KH-UBND',
      leadInspectorId: people.lead.id,
      inspectorIds: [people.inspector1.id],
      targets: [{ unitId: people.units.a, windowStart: inDays(3), windowEnd: inDays(9) }],
    };
    const campaigns = await together(5, () => api.post(people.lead, '/campaigns', campaign, { 'Idempotency-Key': 'campaign-once-concurrent' }));
    expect(statuses(campaigns)).toEqual([201, 201, 201, 201, 201]);
    for (const response of campaigns) expect(response.body).toEqual(campaigns[0].body);
    const listed = await api.expect(200, api.get(people.lead, '/campaigns?limit=500'));
    expect(listed.items.filter((c: { title: string }) => c.title === campaign.title)).toHaveLength(1);

    // A different request under a key that is still (or already) taken is refused, not waited for.
    const other = await api.post(people.admin, '/users', { ...user, username: 'nguoi.khac' }, { 'Idempotency-Key': 'create-user-once' });
    expect(other.status).toBe(422);
    expect(errorRecords()).toEqual([]);
  });

  it('binds an upload’s Idempotency-Key to the file’s bytes', async () => {
    const { people } = stack;
    const upload = (text: string) =>
      send(stack, people.inspector1, { method: 'POST', path: '/api/v1/attachments', upload: textFile(text), headers: { 'Idempotency-Key': 'upload-once' } });
    const first = await upload('Biên bản kiểm tra số 1');
    expect(first.status).toBe(201);
    const again = await upload('Biên bản kiểm tra số 1');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const otherFile = await upload('Biên bản kiểm tra số 2 — một tệp khác');
    expect(otherFile.status).toBe(422);
    expect(errorRecords()).toEqual([]);
  });
});
