import request from 'supertest';
import { useStack } from '../harness/use-stack';
import { send } from './security/http';

/**
 * What every answer tells a browser: helmet's headers on JSON, problems and documents alike (a
 * Content-Security-Policy on the Swagger UI), no X-Powered-By; and CORS from CORS_ORIGINS only:
 * a listed origin is let in, any other gets no Access-Control-Allow-Origin at all.
 */
describe('security headers and CORS', () => {
  const ALLOWED = 'https://console.example';
  const stack = useStack({ worker: false, env: { CORS_ORIGINS: ALLOWED } });
  const closed = useStack({ worker: false });

  const get = (path: string, headers: Record<string, string> = {}) => send(stack, undefined, { method: 'GET', path, headers });

  it.each([
    ['a public JSON answer', '/api/v1/health', 200],
    ['a problem (no token)', '/api/v1/me', 401],
    ['a problem (no such route)', '/api/v1/nothing-here', 404],
    ['the OpenAPI document', '/docs-json', 200],
    ['the Swagger UI', '/docs', 200],
  ])('sends the usual headers on %s', async (_what, path, status) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("object-src 'none'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });

  it('serves the Swagger UI under a policy that lets its own scripts run and nothing from elsewhere', async () => {
    const csp = (await get('/docs')).headers['content-security-policy'];
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['script-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['base-uri']).toEqual(["'self'"]);
  });

  it('answers problems as problem+json, never HTML', async () => {
    for (const path of ['/api/v1/me', '/api/v1/nothing-here', '/api/v1/inspections/not-a-uuid']) {
      const response = await get(path);
      expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
    }
  });

  it('lets a listed origin in: the simple request and the preflight', async () => {
    const simple = await get('/api/v1/health', { Origin: ALLOWED });
    expect(simple.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(simple.headers['access-control-expose-headers']).toContain('X-Request-Id');
    const preflight = await request(stack.api.baseUrl)
      .options('/api/v1/inspections/00000000-0000-4000-8000-000000000000/start')
      .set('Origin', ALLOWED)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,idempotency-key');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
  });

  it.each(['https://evil.example', 'https://console.example.evil.example', 'http://console.example', 'null'])('gives %s no Access-Control-Allow-Origin', async (origin) => {
    const simple = await get('/api/v1/health', { Origin: origin });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(stack.api.baseUrl).options('/api/v1/me').set('Origin', origin).set('Access-Control-Request-Method', 'GET').set('Access-Control-Request-Headers', 'authorization');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('lets no origin in at all when CORS_ORIGINS is empty (the default)', async () => {
    const simple = await send(closed, undefined, { method: 'GET', path: '/api/v1/health', headers: { Origin: ALLOWED } });
    expect(simple.status).toBe(200);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(closed.api.baseUrl).options('/api/v1/me').set('Origin', ALLOWED).set('Access-Control-Request-Method', 'GET');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});
