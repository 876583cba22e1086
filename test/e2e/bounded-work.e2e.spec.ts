import { Scenario } from '../harness/scenario';
import { inDays } from '../harness/time';
import { TestStack } from '../harness/stack';
import { useStack } from '../harness/use-stack';
import { SAMPLES } from './security/files';
import { send } from './security/http';

/**
 * Work per request is bounded: a report as of a past day is replayed once per state of the log,
 * a printed conclusion rendered once per content, each user's reports are rate-limited, and each
 * user's uploads have a quota — all with clear answers (429 + Retry-After, 413), never a 500.
 */
describe('bounded work per request', () => {
  const READS_PER_MINUTE = 5;
  const sample = SAMPLES.png;
  const stack = useStack({
    env: { EXPENSIVE_READS_PER_MINUTE: String(READS_PER_MINUTE), ATTACHMENT_QUOTA_BYTES_PER_USER: String(Math.max(1024, sample.length * 3)) },
  });
  let inspectionId: string;

  beforeAll(async () => {
    ({ inspectionId } = await new Scenario(stack).awaitingResponse());
  });

  const get = (user: TestStack['people']['admin'], path: string) => stack.api.get(user, path);
  const loadDescription = (header: string | undefined) => /load;dur=[\d.]+;desc="([^"]*)"/.exec(header ?? '')?.[1];

  it('replays a report as of a past day once, until the log changes', async () => {
    const { admin } = stack.people;
    const path = `/reports/dashboard?year=${inDays(0).slice(0, 4)}&asOf=${inDays(-1)}`;
    const first = await get(admin, path);
    expect(first.status).toBe(200);
    expect(loadDescription(first.headers['server-timing'])).toBe('replay');
    const second = await get(admin, path);
    expect(loadDescription(second.headers['server-timing'])).toBe('replay, cached');
    expect(second.body).toEqual(first.body);

    await new Scenario(stack).plannedInspection(); // an append moves the head: the replay is stale
    const third = await get(admin, path);
    expect(loadDescription(third.headers['server-timing'])).toBe('replay');
  });

  it('renders a printed conclusion once per content', async () => {
    const { lead } = stack.people;
    const first = await send(stack, lead, { method: 'GET', path: `/api/v1/inspections/${inspectionId}/conclusion.pdf` });
    const second = await send(stack, lead, { method: 'GET', path: `/api/v1/inspections/${inspectionId}/conclusion.pdf` });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.headers['server-timing']).toMatch(/desc="rendered"/);
    expect(second.headers['server-timing']).toMatch(/desc="cached"/);
    expect(first.bytes!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.compare(first.bytes!, second.bytes!)).toBe(0);
  });

  it('limits each user’s reports per minute with 429, Retry-After and a problem, and leaves other users alone', async () => {
    const { chairman, inspector2 } = stack.people;
    const path = '/reports/overdue';
    const answers = [];
    for (let i = 0; i < READS_PER_MINUTE; i++) answers.push((await get(chairman, path)).status);
    expect(answers).toEqual(Array(READS_PER_MINUTE).fill(200));
    const refused = await get(chairman, `/inspections/${inspectionId}/conclusion.pdf`);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, title: 'Too many requests', detail: expect.stringMatching(/more than 5 reports or printed conclusions in a minute; try again in \d+ s/) });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await get(inspector2, path)).status).toBe(200);
    expect((await get(chairman, '/me')).status).toBe(200); // only the expensive reads are limited
  });

  it('refuses uploads over the user’s quota with 413, also when they race, and counts per user', async () => {
    const { inspector1, headA } = stack.people;
    const upload = (user: typeof inspector1) => send(stack, user, { method: 'POST', path: '/api/v1/attachments', upload: { content: sample, fileName: 'anh.png', contentType: 'image/png' } });
    const fits = Math.floor(Math.max(1024, sample.length * 3) / sample.length);
    const statuses = (await Promise.all(Array.from({ length: fits + 3 }, () => upload(inspector1)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(fits);
    expect(statuses.filter((s) => s === 413)).toHaveLength(3);
    const refused = await upload(inspector1);
    expect(refused.status).toBe(413);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 413, detail: expect.stringMatching(/exceed your quota of \d+ bytes: \d+ bytes are used, this file has \d+/) });
    expect((await upload(headA)).status).toBe(201);
  });
});
