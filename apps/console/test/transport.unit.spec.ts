import { installTransport, transportFetch } from '../src/api/transport';

/** What the console's one HTTP path does with the answers a flaky network and an expiring session give. */
describe("the console's transport", () => {
  const sent: Request[] = [];
  let answers: number[];
  let token: string;
  let refreshes: number;
  let expired: number;

  beforeEach(() => {
    sent.length = 0;
    token = 'first';
    refreshes = 0;
    expired = 0;
    global.fetch = (async (request: Request) => {
      sent.push(request);
      return new Response('{}', { status: answers.shift() ?? 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    installTransport({
      accessToken: () => token,
      language: () => 'en',
      refresh: async () => {
        refreshes += 1;
        if (refreshes > 1) return undefined;
        token = 'renewed';
        return token;
      },
      sessionExpired: () => {
        expired += 1;
      },
    });
  });

  const command = (key?: string) =>
    new Request('http://console.test/api/v1/inspections/1/start', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) } });

  it('sends the language and the access token with every call', async () => {
    answers = [200];
    await transportFetch(new Request('http://console.test/api/v1/me'));
    expect(sent[0].headers.get('Accept-Language')).toBe('en');
    expect(sent[0].headers.get('Authorization')).toBe('Bearer first');
  });

  it('retries a command on 503 with the same Idempotency-Key and body, so the intent is applied once', async () => {
    answers = [503, 503, 200];
    const response = await transportFetch(command('intent-1'));
    expect(response.status).toBe(200);
    expect(sent.map((request) => request.headers.get('Idempotency-Key'))).toEqual(['intent-1', 'intent-1', 'intent-1']);
    expect(await Promise.all(sent.map((request) => request.text()))).toEqual(['{}', '{}', '{}']);
  }, 20_000);

  it('does not repeat a command that has no Idempotency-Key', async () => {
    answers = [503];
    expect((await transportFetch(command())).status).toBe(503);
    expect(sent).toHaveLength(1);
  });

  it('renews an expired access token once through the refresh cookie and repeats the call with it', async () => {
    answers = [401, 200];
    expect((await transportFetch(command('intent-2'))).status).toBe(200);
    expect(sent.map((request) => request.headers.get('Authorization'))).toEqual(['Bearer first', 'Bearer renewed']);
    expect([refreshes, expired]).toEqual([1, 0]);
  });

  it('reports the session as over when the refresh fails, so the page can send the person to log in', async () => {
    await transportFetch(new Request('http://console.test/api/v1/me')).catch(() => undefined);
    answers = [401];
    refreshes = 1; // the next refresh fails
    expect((await transportFetch(new Request('http://console.test/api/v1/me'))).status).toBe(401);
    expect(expired).toBe(1);
  });

  it('turns a network failure into an ApiError marked as such (the screen keeps the typed work and says so)', async () => {
    global.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(transportFetch(command('intent-3'))).rejects.toMatchObject({ network: true, status: 0 });
  });
});
