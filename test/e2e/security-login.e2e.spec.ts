import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hash } from '@node-rs/argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { loadConfig } from '@inspectorate/config';
import { UserEntity } from '@inspectorate/directory';
import { createHttpApp } from '../../apps/api/src/http-app';
import { refuseDemoAccountsInProduction } from '../../apps/api/src/production-guard';
import { TEST_PASSWORD } from '../harness/people';
import { startStack, TestStack } from '../harness/stack';
import { useStack } from '../harness/use-stack';
import { send } from './security/http';

/**
 * Logging in and the tokens it gives: one answer for a wrong password and an unknown user (in
 * content and in time), tokens that cannot be forged, replayed after expiry or downgraded to
 * `alg: none`, a per-address rate limit with Retry-After, a per-username slow-down, and a
 * production start that refuses demo accounts.
 */
describe('login and tokens', () => {
  const stack = useStack();

  const login = async (username: string, password: string) => {
    const started = performance.now();
    const response = await send(stack, undefined, { method: 'POST', path: '/api/v1/auth/login', body: { username, password } });
    return { ...response, ms: performance.now() - started };
  };
  const me = (token: string) => send(stack, undefined, { method: 'GET', path: '/api/v1/me', headers: { Authorization: `Bearer ${token}` } });
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

  it('answers a wrong password and an unknown user the same way, in about the same time', async () => {
    const { people } = stack;
    const known = [people.admin, people.inspector2, people.outsideInspector, people.chairman, people.headC, people.otherLead, people.headB];
    const wrongPassword: { status: number; body: unknown; ms: number }[] = [];
    const unknownUser: typeof wrongPassword = [];
    // Interleaved, each username once, so neither side is slowed by repeated failures or warm-up.
    for (const user of known) {
      wrongPassword.push(await login(user.username, 'not the password at all'));
      unknownUser.push(await login(`nobody-${randomUUID().slice(0, 8)}`, 'not the password at all'));
    }
    for (const answer of [...wrongPassword, ...unknownUser]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(wrongPassword[0].body);
    }
    expect(wrongPassword[0].body).toMatchObject({ status: 401, detail: 'The username or password is wrong.' });
    const [a, b] = [median(wrongPassword.map((r) => r.ms)), median(unknownUser.map((r) => r.ms))];
    // Both verify an argon2 hash (a decoy for unknown users): no tell-tale short answer.
    expect(Math.abs(a - b)).toBeLessThan(Math.max(40, 0.5 * Math.max(a, b)));
    expect(Math.min(a, b)).toBeGreaterThan(5);
  });

  describe('tokens', () => {
    const jwt = () => new JwtService({ secret: stack.config.JWT_SECRET });
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const parts = (token: string) => token.split('.');
    // A token names its session (`sid`), which must be open: the recipe starts from a real login's session.
    let sessionId: string;
    beforeAll(async () => {
      const real = (await login(stack.people.inspector1.username, TEST_PASSWORD)).body as { accessToken: string };
      sessionId = JSON.parse(Buffer.from(parts(real.accessToken)[1], 'base64url').toString()).sid;
    });
    const claims = () => ({ sub: stack.people.inspector1.id, sid: sessionId, role: 'inspector', username: stack.people.inspector1.username });

    it('accepts a token signed the way the API signs them (the recipe the forgeries below start from)', async () => {
      const token = await jwt().signAsync(claims(), { algorithm: 'HS256', issuer: 'inspectorate', audience: 'inspectorate-api', expiresIn: 60 });
      expect((await me(token)).status).toBe(200);
    });

    it('refuses an expired token', async () => {
      const past = Math.floor(Date.now() / 1000) - 120;
      const token = await jwt().signAsync({ ...claims(), iat: past - 900, exp: past }, { algorithm: 'HS256', issuer: 'inspectorate', audience: 'inspectorate-api' });
      const response = await me(token);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ status: 401, detail: 'The access token is invalid or expired; log in again.' });
      expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
    });

    it('refuses a token whose signature, claims or algorithm were tampered with', async () => {
      const real = (await login(stack.people.inspector1.username, TEST_PASSWORD)).body as { accessToken: string };
      const [header, payload, signature] = parts(real.accessToken);
      const flipped = Buffer.from(signature, 'base64url');
      flipped[0] ^= 0x01;
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const now = Math.floor(Date.now() / 1000);
      const forgeries: Record<string, string> = {
        'a flipped signature byte': `${header}.${payload}.${flipped.toString('base64url')}`,
        'the role raised to chairman, not re-signed': `${header}.${b64({ ...decoded, role: 'chairman' })}.${signature}`,
        'another user, not re-signed': `${header}.${b64({ ...decoded, sub: stack.people.chairman.id })}.${signature}`,
        'the expiry pushed back, not re-signed': `${header}.${b64({ ...decoded, exp: now + 86_400 })}.${signature}`,
        'alg none, no signature': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...decoded, role: 'chairman' })}.`,
        'alg none, the old signature': `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`,
        'signed with another secret': await new JwtService({ secret: randomBytes(32).toString('hex') }).signAsync(claims(), {
          algorithm: 'HS256',
          issuer: 'inspectorate',
          audience: 'inspectorate-api',
          expiresIn: 60,
        }),
        'HS512 with the right secret': await jwt().signAsync(claims(), { algorithm: 'HS512', issuer: 'inspectorate', audience: 'inspectorate-api', expiresIn: 60 }),
        'another issuer': await jwt().signAsync(claims(), { algorithm: 'HS256', issuer: 'someone-else', audience: 'inspectorate-api', expiresIn: 60 }),
        'another audience': await jwt().signAsync(claims(), { algorithm: 'HS256', issuer: 'inspectorate', audience: 'another-api', expiresIn: 60 }),
        'a role that does not exist': await jwt().signAsync({ ...claims(), role: 'superuser' }, { algorithm: 'HS256', issuer: 'inspectorate', audience: 'inspectorate-api', expiresIn: 60 }),
        'no subject': await jwt().signAsync({ role: 'chairman', username: 'x' }, { algorithm: 'HS256', issuer: 'inspectorate', audience: 'inspectorate-api', expiresIn: 60 }),
        'no session': await jwt().signAsync({ ...claims(), sid: undefined }, { algorithm: 'HS256', issuer: 'inspectorate', audience: 'inspectorate-api', expiresIn: 60 }),
        'a session that does not exist': await jwt().signAsync({ ...claims(), sid: randomUUID() }, { algorithm: 'HS256', issuer: 'inspectorate', audience: 'inspectorate-api', expiresIn: 60 }),
        'another user on this session': await jwt().signAsync({ ...claims(), sub: stack.people.chairman.id, role: 'chairman' }, { algorithm: 'HS256', issuer: 'inspectorate', audience: 'inspectorate-api', expiresIn: 60 }),
        'just the payload': payload,
        'garbage': 'a.b.c',
      };
      expect((await me(real.accessToken)).status).toBe(200);
      const answers = await Promise.all(Object.entries(forgeries).map(async ([name, token]) => ({ name, status: (await me(token)).status })));
      expect(answers.filter((a) => a.status !== 401)).toEqual([]);
      // A forged chairman token does not open the chairman's endpoints either.
      const audit = await send(stack, undefined, { method: 'GET', path: '/api/v1/audit/verify', headers: { Authorization: `Bearer ${forgeries['alg none, no signature']}` } });
      expect(audit.status).toBe(401);
    });

    it('refuses malformed Authorization headers', async () => {
      const token = ((await login(stack.people.lead.username, TEST_PASSWORD)).body as { accessToken: string }).accessToken;
      for (const header of [`bearer ${token}`, `Bearer  ${token}`, `Basic ${Buffer.from('lead:x').toString('base64')}`, `Bearer ${token} extra`, 'Bearer', `Bearer ${'a'.repeat(5000)}`, `Token ${token}`]) {
        const response = await send(stack, undefined, { method: 'GET', path: '/api/v1/me', headers: { Authorization: header } });
        expect({ header: header.slice(0, 20), status: response.status }).toEqual({ header: header.slice(0, 20), status: 401 });
      }
    });
  });

  it('slows down repeated failures for one username (measurably), without locking its owner out', async () => {
    const { people } = stack;
    const failures: number[] = [];
    for (let i = 0; i < 7; i++) failures.push((await login(people.headA.username, `wrong ${i}`)).ms);
    const [first, last] = [Math.max(...failures.slice(0, 4)), Math.min(...failures.slice(5))];
    // Four answers at full speed, then 250 ms, 500 ms, 1 s … added before answering.
    expect(last - first).toBeGreaterThan(300);
    expect(failures[6]).toBeGreaterThan(failures[5] + 300);
    // Another username is not slowed by these: it answers well before the 1 s the seventh failure waited.
    // (Compared with that slowed answer, not with the fastest one, so a busy machine's jitter of a few
    // hundred milliseconds cannot fail it while a carried-over delay still would.)
    const unslowed = failures[6] - 500;
    expect((await login(people.outsideInspector.username, 'wrong')).ms).toBeLessThan(unslowed);
    // The owner still gets in (after the same delay), and that clears the count.
    const success = await login(people.headA.username, TEST_PASSWORD);
    expect(success.status).toBe(200);
    expect(success.ms).toBeGreaterThan(900);
    expect((await login(people.headA.username, 'wrong again')).ms).toBeLessThan(unslowed);
  });

  describe('rate limits per username and per address', () => {
    let limited: TestStack;
    beforeAll(async () => {
      limited = await startStack({ worker: false, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3', LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '8' } });
    });
    afterAll(async () => {
      await limited?.stop();
    });

    it('stops one username at LOGIN_RATE_LIMIT_PER_MINUTE without locking out the others behind the address, up to the higher per-address ceiling', async () => {
      const attempt = (username: string, password = 'wrong password') => send(limited, undefined, { method: 'POST', path: '/api/v1/auth/login', body: { username, password } });
      const statuses = async (usernames: string[]) => {
        const answers = [];
        for (const username of usernames) answers.push((await attempt(username)).status);
        return answers;
      };
      // One person mistyping (or guessing) one account: the fourth try in the minute is refused,
      // whatever the case or blanks of the name.
      expect(await statuses(['office-1', 'Office-1', ' office-1 '])).toEqual([401, 401, 401]);
      const refused = await attempt('office-1', TEST_PASSWORD);
      expect(refused.status).toBe(429);
      expect(String(refused.headers['content-type'])).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 429, title: 'Too many requests' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      // The colleagues behind the same address still log in...
      expect(await statuses(['office-2', 'office-3', 'office-4'])).toEqual([401, 401, 401]);
      expect((await attempt(limited.people.lead.username, TEST_PASSWORD)).status).toBe(200);
      // ...until the address as a whole reaches its ceiling (8 attempts, whatever the usernames).
      expect((await attempt('office-5')).status).toBe(429);
      expect((await attempt(limited.people.chairman.username, TEST_PASSWORD)).status).toBe(429);
    });

    it('limits logging in only: other endpoints keep answering', async () => {
      const health = await Promise.all(Array.from({ length: 20 }, () => send(limited, undefined, { method: 'GET', path: '/api/v1/health' })));
      expect(health.map((r) => r.status).filter((s) => s === 429)).toEqual([]);
    });
  });

  describe('production start', () => {
    const productionConfig = () =>
      loadConfig({
        APP_ENV: 'production',
        DATABASE_URL: stack.databaseUrl,
        DATABASE_POOL_SIZE: '2',
        TEMPORAL_ADDRESS: stack.config.TEMPORAL_ADDRESS,
        TEMPORAL_NAMESPACE: stack.config.TEMPORAL_NAMESPACE,
        TEMPORAL_TASK_QUEUE: stack.config.TEMPORAL_TASK_QUEUE,
        TEMPORAL_PLAINTEXT_ALLOWED: 'true', // the test run's shared Temporal server is plaintext
        JWT_SECRET: randomBytes(32).toString('hex'),
        PAYLOAD_ENCRYPTION_KEYS: `prod-1:${randomBytes(32).toString('base64')}`,
        CHAIN_CHECKPOINT_KEY: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'silent',
      });

    it('is refused while a demo account exists, and allowed once it is gone', async () => {
      const demoId = randomUUID();
      await stack.db.getRepository(UserEntity).insert({
        id: demoId,
        username: 'chutich-demo',
        displayName: 'Chủ tịch (demo)',
        role: 'chairman',
        unitId: null,
        passwordHash: await hash('demo password, published', { memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
        isDemo: true,
      });
      const config = productionConfig();
      const refusing: INestApplication = await createHttpApp(config);
      await expect(refuseDemoAccountsInProduction(refusing, config)).rejects.toThrow(/Refusing to start in production: 1 demo account/);

      await stack.db.getRepository(UserEntity).delete({ id: demoId });
      const starting: INestApplication = await createHttpApp(config);
      try {
        await expect(refuseDemoAccountsInProduction(starting, config)).resolves.toBeUndefined();
      } finally {
        await starting.close();
      }
    });
  });
});
