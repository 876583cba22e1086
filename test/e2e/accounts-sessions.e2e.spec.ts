import request from 'supertest';
import { SessionEntity } from '@inspectorate/directory';
import { TEST_PASSWORD, TestUser } from '../harness/people';
import { useStack } from '../harness/use-stack';

/**
 * Sessions behind the refresh cookie, through the real API and database: login sets the cookie,
 * refresh rotates it (an old cookie presented again ends the session), logout and idleness end
 * it, and access tokens of an ended session stop working at once.
 */
const IDLE_SECONDS = 3;

describe('sessions: refresh cookie, rotation, revocation', () => {
  const stack = useStack({ env: { SESSION_IDLE_TIMEOUT_SECONDS: String(IDLE_SECONDS) } });

  const http = () => request(stack.api.baseUrl);
  const cookieOf = (response: request.Response): string | undefined => {
    const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('inspectorate_session='));
    return header;
  };
  const valueOf = (setCookie: string) => setCookie.split(';')[0];
  const login = async (user: TestUser) => {
    const response = await http().post('/api/v1/auth/login').send({ username: user.username, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    const cookie = cookieOf(response);
    expect(cookie).toBeDefined();
    return { accessToken: response.body.accessToken as string, cookie: valueOf(cookie!), setCookie: cookie!, body: response.body };
  };
  const refresh = (cookie?: string) => {
    const req = http().post('/api/v1/auth/refresh').send({});
    return cookie ? req.set('Cookie', cookie) : req;
  };
  const me = (token: string) => http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);

  it('login keeps its answer and sets an HttpOnly, SameSite=Strict cookie for /api/v1/auth only', async () => {
    const { setCookie, body } = await login(stack.people.inspector1);
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresAt', 'user']);
    expect(body.user).toMatchObject({ username: 'inspector1', language: 'vi', active: true, mustChangePassword: false });
    expect(setCookie).toMatch(/; Path=\/api\/v1\/auth/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).not.toMatch(/; Secure/); // only with APP_ENV=production
    // Only a hash of the token is stored.
    const token = decodeURIComponent(valueOf(setCookie).split('=')[1]);
    const rows = await stack.db.getRepository(SessionEntity).find({ where: { userId: stack.people.inspector1.id } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.refreshTokenHash).not.toContain(token.split('.')[1]);
  });

  it('refresh answers a new access token and rotates the cookie; the new token works', async () => {
    const first = await login(stack.people.lead);
    const answer = await refresh(first.cookie);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ user: { id: stack.people.lead.id } });
    expect(typeof answer.body.accessToken).toBe('string');
    const rotated = cookieOf(answer);
    expect(rotated && valueOf(rotated)).not.toEqual(first.cookie);
    expect((await me(answer.body.accessToken)).status).toBe(200);
    // The rotated cookie refreshes again.
    expect((await refresh(valueOf(rotated!))).status).toBe(200);
  });

  it('an old, rotated cookie presented again is a reuse: the whole session ends, its access tokens with it', async () => {
    const first = await login(stack.people.chairman);
    const second = await refresh(first.cookie);
    expect(second.status).toBe(200);
    const current = valueOf(cookieOf(second)!);

    const reuse = await refresh(first.cookie);
    expect(reuse.status).toBe(401);
    expect(reuse.type).toBe('application/problem+json');
    expect(reuse.body).toMatchObject({ status: 401, detail: 'The session has ended; log in again.' });
    // The thief's copy and the owner's current cookie are both dead now, and so are the access tokens.
    expect((await refresh(current)).status).toBe(401);
    expect((await me(second.body.accessToken)).status).toBe(401);
    expect((await me(first.accessToken)).status).toBe(401);
    const row = await stack.db.getRepository(SessionEntity).findOneByOrFail({ userId: stack.people.chairman.id, revokedReason: 'reuse' });
    expect(row.revokedAt).not.toBeNull();
  });

  it('two refreshes racing with one cookie never yield two live sessions', async () => {
    const first = await login(stack.people.inspector2);
    const answers = await Promise.all([refresh(first.cookie), refresh(first.cookie)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
    // The race looks like a reuse, so the session ends; the winner's token stops working too.
    const winner = answers.find((a) => a.status === 200)!;
    expect((await me(winner.body.accessToken)).status).toBe(401);
  });

  it('refresh without a cookie, or with a forged one, is 401 and changes nothing', async () => {
    const own = await login(stack.people.headA);
    expect((await refresh()).status).toBe(401);
    const sessionId = decodeURIComponent(own.cookie.split('=')[1]).split('.')[0];
    for (const forged of ['inspectorate_session=garbage', 'inspectorate_session=', `inspectorate_session=${'0'.repeat(8)}-0000-0000-0000-000000000000.${'a'.repeat(43)}`]) {
      const answer = await refresh(forged);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ status: 401 });
    }
    // Refused bodies: refresh takes `{}` only.
    expect((await http().post('/api/v1/auth/refresh').set('Cookie', own.cookie).send({ token: 'x' })).status).toBe(400);
    expect(await stack.db.getRepository(SessionEntity).findOneByOrFail({ id: sessionId })).toMatchObject({ revokedAt: null });
    expect((await refresh(own.cookie)).status).toBe(200);
  });

  it('logout revokes the session at once: its access token is 401, its cookie refreshes no more, other sessions live on', async () => {
    const a = await login(stack.people.headB);
    const b = await login(stack.people.headB);
    const out = await http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${a.accessToken}`).send({});
    expect(out.status).toBe(204);
    expect(cookieOf(out)).toMatch(/^inspectorate_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await me(a.accessToken)).status).toBe(401);
    expect((await refresh(a.cookie)).status).toBe(401);
    expect((await me(b.accessToken)).status).toBe(200);
    expect((await refresh(b.cookie)).status).toBe(200);
    expect((await http().post('/api/v1/auth/logout').send({})).status).toBe(401);
  });

  it('a session past its absolute lifetime ends however active it is: no refresh, and its access tokens stop', async () => {
    const session = await login(stack.people.admin);
    const sessionId = decodeURIComponent(session.cookie.split('=')[1]).split('.')[0];
    const row = await stack.db.getRepository(SessionEntity).findOneByOrFail({ id: sessionId });
    // Seven days (the default lifetime) from the login, within the idle timeout of the last use.
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 86_400_000);
    // Time passes: the lifetime ends a moment ago.
    await stack.db.getRepository(SessionEntity).update({ id: sessionId }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await me(session.accessToken)).status).toBe(401);
    expect((await refresh(session.cookie)).status).toBe(401);
    expect(await stack.db.getRepository(SessionEntity).findOneByOrFail({ id: sessionId })).toMatchObject({ revokedReason: 'expired' });
  });

  it(`a session not refreshed within the idle timeout (${IDLE_SECONDS} s here) ends; refreshing in time slides it`, async () => {
    const kept = await login(stack.people.otherLead);
    const idle = await login(stack.people.otherLead);
    let cookie = kept.cookie;
    // Refresh the kept session every second for longer than the idle timeout: it stays alive.
    for (let i = 0; i < IDLE_SECONDS + 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const answer = await refresh(cookie);
      expect(answer.status).toBe(200);
      cookie = valueOf(cookieOf(answer)!);
    }
    const late = await refresh(idle.cookie);
    expect(late.status).toBe(401);
    expect(late.body).toMatchObject({ detail: 'The session has ended; log in again.' });
  });
});
