import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { useStack } from '../harness/use-stack';

/**
 * Commands that answer 204 (no body) with an Idempotency-Key, as the console sends one with every
 * POST: the first answer is a 204, not a 500 after the change was made, and a repeat of the same
 * request is the same 204, replayed, with nothing done twice.
 */
describe('Idempotency-Key on commands without a body in their answer', () => {
  const stack = useStack();

  const login = (username: string, password: string) => request(stack.api.baseUrl).post('/api/v1/auth/login').send({ username, password });

  it('a password reset answers 204 and its repeat is replayed', async () => {
    const username = `u${randomUUID().slice(0, 8)}`;
    const user = await stack.api.expect(
      201,
      stack.api.post(stack.people.admin, '/users', {
        username,
        displayName: 'Người dùng thử',
        role: 'inspector',
        password: 'the first password 2026',
      }),
    );
    const key = randomUUID();
    const send = () =>
      stack.api.post(
        stack.people.admin,
        `/users/${user.id}/password-reset`,
        { temporaryPassword: 'temporary password 2026' },
        { 'Idempotency-Key': key },
      );

    const first = await send();
    expect(first.status).toBe(204);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const signedIn = await login(username, 'temporary password 2026');
    expect([signedIn.status, signedIn.body.user.mustChangePassword]).toEqual([200, true]);

    const again = await send();
    expect([again.status, again.headers['idempotent-replayed']]).toEqual([204, 'true']);
    // Replayed, not done again: the session opened after the reset is still alive.
    const me = await request(stack.api.baseUrl).get('/api/v1/me').set('Authorization', `Bearer ${signedIn.body.accessToken}`);
    expect(me.status).toBe(200);
  });

  it('changing one’s own password answers 204 with a key too', async () => {
    const username = `u${randomUUID().slice(0, 8)}`;
    await stack.api.expect(
      201,
      stack.api.post(stack.people.admin, '/users', {
        username,
        displayName: 'Người dùng thử',
        role: 'inspector',
        password: 'the first password 2026',
      }),
    );
    const token = (await login(username, 'the first password 2026')).body.accessToken as string;
    const change = await request(stack.api.baseUrl)
      .post('/api/v1/me/password')
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', randomUUID())
      .send({ currentPassword: 'the first password 2026', newPassword: 'the second password 2026' });
    expect(change.status).toBe(204);
    expect((await login(username, 'the second password 2026')).status).toBe(200);
  });
});
