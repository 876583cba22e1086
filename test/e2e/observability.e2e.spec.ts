import request from 'supertest';
import { useStack } from '../harness/use-stack';

/** Structured logs: one JSON object a line, each request logged once with its id and the caller. */
describe('structured JSON logs with request ids', () => {
  const lines: string[] = [];
  const stack = useStack({ worker: false, env: { LOG_LEVEL: 'info' }, logTo: { write: (line) => void lines.push(line) } });

  it('logs each request as JSON with the request id it echoes, the caller, the status and the duration', async () => {
    const token = await stack.api.token(stack.people.chairman);
    const response = await request(stack.api.baseUrl).get('/api/v1/me').set('Authorization', `Bearer ${token}`).set('X-Request-Id', 'trace-me-12345');
    expect(response.status).toBe(200);
    expect(response.headers['x-request-id']).toBe('trace-me-12345');

    const records = lines.flatMap((line) => line.split('\n').filter(Boolean)).map((line) => JSON.parse(line) as Record<string, unknown>);
    const access = records.find((r) => r.msg === 'request' && r.requestId === 'trace-me-12345');
    expect(access).toMatchObject({ level: 'info', service: 'test', method: 'GET', path: '/api/v1/me', status: 200, userId: stack.people.chairman.id });
    expect(typeof access!.durationMs).toBe('number');
    expect(typeof access!.time).toBe('string');
  });

  it('gives a request without an id a fresh one', async () => {
    const response = await request(stack.api.baseUrl).get('/api/v1/health');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
