import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { useStack } from '../harness/use-stack';

/**
 * Accounts after their creation, through the real API: an admin changes, deactivates, reactivates
 * and resets them; a user changes their own password. Whatever ends someone's access ends it at
 * once: their access tokens answer 401 on the very next request.
 */
describe('accounts: admin changes and own password', () => {
  const stack = useStack();

  const PASSWORD = 'a long enough password';
  const http = () => request(stack.api.baseUrl);
  const admin = () => stack.people.admin;
  const newUser = async (role = 'inspector', unitId?: string) => {
    const username = `u${randomUUID().slice(0, 8)}`;
    const user = await stack.api.expect(201, stack.api.post(admin(), '/users', { username, displayName: 'Người dùng thử', role, password: PASSWORD, ...(unitId ? { unitId } : {}) }));
    return { id: user.id as string, username };
  };
  const login = async (username: string, password = PASSWORD) => {
    const response = await http().post('/api/v1/auth/login').send({ username, password });
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('inspectorate_session='))?.split(';')[0];
    return { status: response.status, body: response.body, token: response.body.accessToken as string, cookie: cookie ?? '' };
  };
  const me = (token: string) => http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
  const refresh = (cookie: string) => http().post('/api/v1/auth/refresh').set('Cookie', cookie).send({});

  it('deactivation stops the account at once (tokens, refresh, login); reactivation lets it log in again', async () => {
    const { id, username } = await newUser();
    const session = await login(username);
    expect((await me(session.token)).status).toBe(200);

    const deactivated = await stack.api.expect(200, stack.api.post(admin(), `/users/${id}/deactivate`, {}));
    expect(deactivated).toMatchObject({ id, active: false });
    expect((await me(session.token)).status).toBe(401);
    expect((await refresh(session.cookie)).status).toBe(401);
    const refused = await login(username);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ detail: 'This account is deactivated; ask an administrator.' });
    // A wrong password still gets the one answer for everything: the state is told only to whoever knows the password.
    expect((await login(username, 'not the password at all')).body).toMatchObject({ detail: 'The username or password is wrong.' });
    const inactive = await stack.api.expect(200, stack.api.get(admin(), '/users?active=false'));
    expect(inactive.items.map((u: { id: string }) => u.id)).toEqual([id]);

    expect(await stack.api.expect(200, stack.api.post(admin(), `/users/${id}/reactivate`, {}))).toMatchObject({ id, active: true });
    const again = await login(username);
    expect(again.status).toBe(200);
    expect((await me(again.token)).status).toBe(200);
    // The sessions ended by the deactivation stay ended.
    expect((await me(session.token)).status).toBe(401);
  });

  it('a deactivated inspector cannot be put on a new campaign’s team', async () => {
    const { id } = await newUser('inspector');
    await stack.api.expect(200, stack.api.post(admin(), `/users/${id}/deactivate`, {}));
    const { people } = stack;
    const refused = await stack.api.post(people.lead, '/campaigns', {
      title: 'Kiểm tra thử',
      year: 2026,
      legalBasis: 'KH thử',
      leadInspectorId: people.lead.id,
      inspectorIds: [people.inspector1.id, id],
      targets: [{ unitId: people.units.a, windowStart: '2026-12-20', windowEnd: '2026-12-30' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'inspectorIds.1', message: 'must be the id of an active inspector user' }]);
  });

  it('a password reset ends every session and makes the user choose a new password, which ends their other sessions', async () => {
    const { id, username } = await newUser();
    const before = await login(username);
    const TEMPORARY = 'temporary password 2026';
    const reset = await stack.api.post(admin(), `/users/${id}/password-reset`, { temporaryPassword: TEMPORARY });
    expect(reset.status).toBe(204);
    expect((await me(before.token)).status).toBe(401);
    expect((await refresh(before.cookie)).status).toBe(401);
    expect((await login(username)).status).toBe(401);

    const laptop = await login(username, TEMPORARY);
    expect(laptop.status).toBe(200);
    expect(laptop.body.user).toMatchObject({ mustChangePassword: true });
    const phone = await login(username, TEMPORARY);
    expect((await me(phone.token)).body).toMatchObject({ mustChangePassword: true });

    const wrong = await http().post('/api/v1/me/password').set('Authorization', `Bearer ${laptop.token}`).send({ currentPassword: 'not it', newPassword: 'my own new password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ detail: 'The current password is wrong.', errors: [{ field: 'currentPassword', message: 'is wrong' }] });
    const same = await http().post('/api/v1/me/password').set('Authorization', `Bearer ${laptop.token}`).send({ currentPassword: TEMPORARY, newPassword: TEMPORARY });
    expect(same.status).toBe(400);
    const short = await http().post('/api/v1/me/password').set('Authorization', `Bearer ${laptop.token}`).send({ currentPassword: TEMPORARY, newPassword: 'short' });
    expect(short.body).toMatchObject({ status: 400, errors: [{ field: 'newPassword' }] });

    const changed = await http().post('/api/v1/me/password').set('Authorization', `Bearer ${laptop.token}`).send({ currentPassword: TEMPORARY, newPassword: 'my own new password' });
    expect(changed.status).toBe(204);
    // This session lives on, the other one ended.
    expect((await me(laptop.token)).body).toMatchObject({ mustChangePassword: false });
    expect((await refresh(laptop.cookie)).status).toBe(200);
    expect((await me(phone.token)).status).toBe(401);
    expect((await refresh(phone.cookie)).status).toBe(401);
    expect((await login(username, TEMPORARY)).status).toBe(401);
    expect((await login(username, 'my own new password')).body.user).toMatchObject({ mustChangePassword: false });
  });

  it('PATCH /users/:id changes name, role and unit; the new role applies to the user’s next request', async () => {
    const { units } = stack.people;
    const { id, username } = await newUser();
    const session = await login(username);
    expect((await http().get('/api/v1/audit/verify').set('Authorization', `Bearer ${session.token}`)).status).toBe(403);

    const chairman = await stack.api.expect(200, stack.api.patch(admin(), `/users/${id}`, { role: 'chairman', displayName: 'Phó Chủ tịch' }));
    expect(chairman).toMatchObject({ id, role: 'chairman', displayName: 'Phó Chủ tịch' });
    expect((await me(session.token)).body).toMatchObject({ role: 'chairman' });
    expect((await http().get('/api/v1/audit/verify').set('Authorization', `Bearer ${session.token}`)).status).toBe(200);

    // A unit head needs a unit; other roles may not have one; the unit must exist.
    expect((await stack.api.patch(admin(), `/users/${id}`, { role: 'unit_head' })).body).toMatchObject({ status: 400, errors: [{ field: 'unitId' }] });
    expect((await stack.api.patch(admin(), `/users/${id}`, { unitId: units.a })).body).toMatchObject({ status: 400, errors: [{ field: 'unitId' }] });
    expect((await stack.api.patch(admin(), `/users/${id}`, { role: 'unit_head', unitId: randomUUID() })).body).toMatchObject({ status: 400, errors: [{ field: 'unitId' }] });
    expect(await stack.api.expect(200, stack.api.patch(admin(), `/users/${id}`, { role: 'unit_head', unitId: units.b }))).toMatchObject({ role: 'unit_head', unitId: units.b });
    expect((await me(session.token)).body).toMatchObject({ role: 'unit_head', unitId: units.b });
    // Moving away from unit_head unbinds the unit.
    const inspector = await stack.api.expect(200, stack.api.patch(admin(), `/users/${id}`, { role: 'inspector' }));
    expect(inspector.role).toBe('inspector');
    expect(inspector.unitId).toBeUndefined();
    // Refused: unknown fields, unknown users, an admin demoting or deactivating themself.
    expect((await stack.api.patch(admin(), `/users/${id}`, { username: 'renamed' })).status).toBe(400);
    expect((await stack.api.patch(admin(), `/users/${randomUUID()}`, { displayName: 'Ai đó' })).status).toBe(404);
    expect((await stack.api.post(admin(), `/users/${randomUUID()}/deactivate`, {})).status).toBe(404);
    expect((await stack.api.post(admin(), `/users/${randomUUID()}/password-reset`, { temporaryPassword: 'temporary password 2026' })).status).toBe(404);
    expect((await stack.api.patch(admin(), `/users/${admin().id}`, { role: 'inspector' })).status).toBe(409);
    expect((await stack.api.post(admin(), `/users/${admin().id}/deactivate`, {})).status).toBe(409);
    expect((await stack.api.get(admin(), '/me')).body).toMatchObject({ role: 'admin', active: true });
  });
});
