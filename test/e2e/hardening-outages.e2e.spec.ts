/* eslint-disable @typescript-eslint/no-require-imports */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { TestStack } from '../harness/stack';
import { TestUser } from '../harness/people';
import { inDays } from '../harness/time';
import { useStack } from '../harness/use-stack';

const temporalServer = require('../../scripts/lib/temporal-server.js') as typeof import('../../scripts/lib/temporal-server');
const postgres = require('../../scripts/lib/postgres.js') as typeof import('../../scripts/lib/postgres');

type Handle = { stop: () => Promise<void> };

/**
 * Dependency outages. This file runs on a Temporal server (SQLite in a file, so it survives a
 * restart) and a PostgreSQL cluster of its own, and stops and restarts them while the API is
 * serving. A dependency outage is a 503 with Retry-After, for reads and commands alike; a client
 * that repeats a command with its Idempotency-Key sees it take effect exactly once.
 */
describe('PostgreSQL and Temporal restarting under load', () => {
  const namespace = 'inspectorate-outage';
  const dataDir = path.resolve(__dirname, '..', '..', '.run', 'test', `outage-${process.pid}-${randomUUID().slice(0, 8)}`);
  const log = (message: string) => process.stderr.write(`[outage] ${message}\n`);
  let temporal: Handle & { address: string };
  let pg: Handle & { url: string };
  let temporalPort: number;
  let pgPort: number;

  const startTemporal = async () =>
    (temporal = await temporalServer.startTemporal({ mode: 'file', dataDir: path.join(dataDir, 'temporal'), namespace, frontendPort: temporalPort, log: () => undefined }));
  const startPostgres = async () => (pg = await postgres.startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: pgPort, log: () => undefined }));

  beforeAll(async () => {
    temporalPort = await temporalServer.findFreeTemporalPort();
    pgPort = await temporalServer.findFreePort();
    await Promise.all([startTemporal(), startPostgres()]);
  }, 120_000);
  // Declared after the servers' beforeAll, so it starts on them; their afterAll below runs after it stops.
  const stack: TestStack = useStack(() => ({ servers: { temporal: { address: temporal.address, namespace }, postgresAdminUrl: pg.url } }));
  afterAll(async () => {
    await temporal?.stop();
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const health = () => request(stack.api.baseUrl).get('/api/v1/health');

  it('answers 503 with Retry-After, not 500, to reads and commands while PostgreSQL is down, and recovers', async () => {
    const { api, people } = stack;
    const campaign = await api.expect(201, api.post(people.lead, '/campaigns', campaignBody(people, [people.units.a])));
    const inspectionId = campaign.targets[0].inspectionId;
    await api.expect(200, api.post(people.lead, `/inspections/${inspectionId}/start`));
    await Promise.all([people.lead, people.inspector1, people.chairman].map((u) => api.token(u)));

    await pg.stop();
    try {
      const answers = {
        read: await api.get(people.lead, `/inspections/${inspectionId}`),
        list: await api.get(people.chairman, '/inspections'),
        command: await api.post(people.inspector1, `/inspections/${inspectionId}/findings`, finding('trong lúc mất kết nối'), { 'Idempotency-Key': 'outage-finding-1' }),
      };
      for (const [what, answer] of Object.entries(answers)) {
        expect({ what, status: answer.status }).toEqual({ what, status: 503 });
        expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
        expect(answer.body.detail).toMatch(/unavailable/);
        expect(JSON.stringify(answer.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
      }
      expect((await health()).status).toBe(503);
    } finally {
      await startPostgres();
    }

    const retried = await eventually200(() => api.post(people.inspector1, `/inspections/${inspectionId}/findings`, finding('trong lúc mất kết nối'), { 'Idempotency-Key': 'outage-finding-1' }), 201);
    expect(retried.body.findings).toHaveLength(1);
    expect((await health()).status).toBe(200);
  });

  it('runs a campaign of 12 through a Temporal restart and a PostgreSQL restart: every command succeeds or fails clearly, nothing lost or doubled', async () => {
    const { api, people } = stack;
    const units = await Promise.all(
      Array.from({ length: 12 }, (_, i) => api.expect(201, api.post(people.admin, '/units', { code: `OUT-${i + 1}`, name: `Đơn vị ${i + 1}`, kind: 'department' }))),
    );
    const heads: TestUser[] = await Promise.all(
      units.map(async (unit, i) => {
        const head = await api.expect(201, api.post(people.admin, '/users', { username: `head.out${i + 1}`, displayName: `Thủ trưởng ${i + 1}`, role: 'unit_head', unitId: unit.id, password: 'correct horse battery staple' }));
        return { id: head.id, username: head.username, role: 'unit_head', unitId: unit.id };
      }),
    );
    await Promise.all([people.lead, people.inspector1, people.chairman, people.admin, ...heads].map((u) => api.token(u)));
    const client = new PatientClient(stack);
    const campaign = await client.command(people.lead, '/campaigns', campaignBody(people, units.map((u) => u.id)), 201);
    const headOf = new Map(heads.map((h) => [h.unitId!, h]));

    const lifecycle = async (target: { inspectionId: string; unitId: string }) => {
      const id = target.inspectionId;
      const head = headOf.get(target.unitId)!;
      await client.command(people.lead, `/inspections/${id}/start`, {});
      const withFindings = [];
      for (let n = 1; n <= 2; n += 1) withFindings.push(await client.command(people.inspector1, `/inspections/${id}/findings`, finding(`số ${n}`), 201));
      const findingIds = withFindings.map((view) => view.createdFindingId as string);
      await client.command(people.lead, `/inspections/${id}/end-visit`, {});
      await client.command(people.lead, `/inspections/${id}/conclusion`, {
        summary: 'Còn tồn tại về kỷ luật giờ làm việc.',
        rating: 'fair',
        actions: findingIds.map((findingId) => ({ findingId, requirement: 'Chấn chỉnh', dueDate: inDays(30) })),
      });
      await client.command(people.chairman, `/inspections/${id}/conclusion/approve`, {});
      const remediating = await client.command(head, `/inspections/${id}/response`, {
        items: findingIds.map((findingId) => ({ findingId, position: 'accepted', explanation: 'Tiếp thu.', plan: { owner: 'Phó Chủ tịch', dueDate: inDays(20) } })),
      });
      for (const action of remediating.actions) {
        await client.command(head, `/inspections/${id}/actions/${action.id}/report`, { note: 'Đã chấn chỉnh.', evidence: [{ text: 'Biên bản họp' }] });
        await client.command(people.lead, `/inspections/${id}/actions/${action.id}/verify`, { decision: 'verified', note: 'Đạt.' });
      }
      const closed = await client.read(people.chairman, `/inspections/${id}`);
      expect(closed.status).toBe('closed');
    };
    const campaignRun = Promise.all(campaign.targets.map(lifecycle));

    // Mid-campaign: restart Temporal, then PostgreSQL, each for about three seconds.
    const outage = async (name: string, stop: () => Promise<void>, start: () => Promise<unknown>) => {
      const before = client.succeeded;
      const started = Date.now();
      await stop();
      await until(async () => (await health()).status === 503);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await start();
      await until(async () => (await health()).status === 200, 60_000);
      const recovered = Date.now() - started;
      log(`${name}: down and back in ${recovered} ms; ${client.succeeded - before} commands succeeded meanwhile`);
      return { name, healthRecoveredAfterMs: recovered };
    };
    await until(async () => client.succeeded >= 30, 60_000);
    const temporalOutage = await outage('Temporal restart', () => temporal.stop(), startTemporal);
    await until(async () => client.succeeded >= 90, 120_000);
    const pgOutage = await outage('PostgreSQL restart', () => pg.stop(), startPostgres);
    await campaignRun;

    const figures = { ...client.figures(), outages: [temporalOutage, pgOutage] };
    log(`figures: ${JSON.stringify(figures)}`);
    expect(figures.unclear).toEqual([]);
    expect(figures.commands).toBe(1 + 12 * 11);
    expect(figures.unavailable).toBeGreaterThan(0); // the outages were felt, and answered clearly

    const done = await client.read(people.chairman, `/campaigns/${campaign.id}`);
    expect(done.status).toBe('completed');
    expect(done.progress).toEqual({ planned: 0, inProgress: 0, closed: 12, cancelled: 0, total: 12 });
    const rows = await stack.db.query(
      `SELECT stream_id, count(*)::int AS n, max(version)::int AS max, count(DISTINCT version)::int AS versions, count(DISTINCT id)::int AS ids
         FROM events WHERE stream_id = ANY($1) GROUP BY stream_id`,
      [campaign.targets.map((t: { inspectionId: string }) => `inspection-${t.inspectionId}`)],
    );
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      // planned, started, 2 findings, ended, concluded, approved, notified, responded, 2 planned actions, 2 reported, 2 verified, closed
      expect(row).toEqual({ stream_id: row.stream_id, n: 16, max: 16, versions: 16, ids: 16 });
    }
    const chain = await client.read(people.admin, '/audit/verify');
    expect(chain.intact).toBe(true);
  }, 300_000);
});

function campaignBody(people: TestStack['people'], unitIds: string[]) {
  return {
    title: 'Kiểm tra đột xuất (outage test)',
    year: Number(inDays(0).slice(0, 4)),
    legalBasis: 'Kế hoạch số 02/KH-UBND (test)',
    leadInspectorId: people.lead.id,
    inspectorIds: [people.inspector1.id],
    targets: unitIds.map((unitId) => ({ unitId, windowStart: inDays(0), windowEnd: inDays(10) })),
  };
}

function finding(what: string) {
  return { criterionCode: 'KL-01', severity: 'minor', description: `Phát hiện ${what}`, evidence: [{ text: 'Biên bản' }] };
}

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function eventually200(send: () => Promise<{ status: number; body: any; headers: Record<string, string> }>, expected = 200) {
  let last: { status: number; body: any; headers: Record<string, string> } | undefined;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    last = await send();
    if (last.status === expected) return last;
    if (last.status !== 503) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`expected ${expected}, last answer ${last?.status}: ${JSON.stringify(last?.body)}`);
}

/**
 * A client as api.md asks clients to be: every command carries an Idempotency-Key, and a 503
 * (which must come with Retry-After) is repeated with the same key. Anything else that is not
 * the expected answer is "unclear" and fails the test.
 */
class PatientClient {
  succeeded = 0;
  private commands = 0;
  private attempts = 0;
  private unavailableAnswers = 0;
  private readonly slowest: number[] = [];
  private readonly unclearAnswers: string[] = [];

  constructor(private readonly stack: TestStack) {}

  async command(user: TestUser, path: string, body: unknown, expected = 200): Promise<any> {
    this.commands += 1;
    const key = randomUUID();
    return this.until(expected, `POST ${path}`, () => this.stack.api.post(user, path, body, { 'Idempotency-Key': key }));
  }

  read(user: TestUser, path: string): Promise<any> {
    return this.until(200, `GET ${path}`, () => this.stack.api.get(user, path), false);
  }

  figures() {
    const sorted = [...this.slowest].sort((a, b) => a - b);
    return {
      commands: this.commands,
      attempts: this.attempts,
      unavailable: this.unavailableAnswers,
      slowestCommandMs: sorted.at(-1) ?? 0,
      medianCommandMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
      unclear: this.unclearAnswers,
    };
  }

  private async until(expected: number, what: string, send: () => Promise<{ status: number; body: any; headers: Record<string, string> }>, count = true): Promise<any> {
    const started = Date.now();
    for (;;) {
      if (count) this.attempts += 1;
      const answer = await send().catch((error: Error) => ({ status: 0, body: { detail: error.message }, headers: {} as Record<string, string> }));
      if (answer.status === expected) {
        if (count) {
          this.succeeded += 1;
          this.slowest.push(Date.now() - started);
        }
        return answer.body;
      }
      if (answer.status === 503 && Number(answer.headers['retry-after']) > 0 && /problem\+json/.test(answer.headers['content-type'] ?? '')) {
        this.unavailableAnswers += 1;
        // Retry-After is honoured in spirit (the test waits less, to stay short).
        await new Promise((resolve) => setTimeout(resolve, 250));
        continue;
      }
      this.unclearAnswers.push(`${what} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      throw new Error(`${what}: expected ${expected}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
  }
}
