import request from 'supertest';
import { TEST_PASSWORD, TestPeople, TestUser } from './people';

export interface ApiResponse<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Record<string, string>;
}

interface AccessToken {
  readonly value: string;
  readonly renewAfter: number;
}

/**
 * A thin HTTP client for the tests: logs people in once and sends their requests with their
 * token, the way a real client of `api.md` would.
 */
export class ApiClient {
  private readonly tokens = new Map<string, Promise<AccessToken>>();

  constructor(
    readonly baseUrl: string,
    private readonly people: TestPeople,
  ) {}

  /**
   * The person's access token, logging in again once three quarters of its life have passed, as a
   * real client refreshes before expiry: a long file on a loaded machine outlives the 15 minutes.
   * Concurrent callers share one login.
   */
  async token(user: TestUser): Promise<string> {
    const cached = this.tokens.get(user.username);
    if (cached) {
      const token = await cached.catch(() => undefined);
      if (token && Date.now() < token.renewAfter) return token.value;
      if (this.tokens.get(user.username) !== cached) return this.token(user);
    }
    const login = this.logIn(user);
    this.tokens.set(user.username, login);
    login.catch(() => this.tokens.get(user.username) === login && this.tokens.delete(user.username));
    return (await login).value;
  }

  private async logIn(user: TestUser): Promise<AccessToken> {
    const sentAt = Date.now();
    const response = await request(this.baseUrl).post('/api/v1/auth/login').send({ username: user.username, password: TEST_PASSWORD });
    if (response.status !== 200) throw new Error(`login of ${user.username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    const lifetime = Date.parse(response.body.expiresAt) - sentAt;
    return { value: response.body.accessToken, renewAfter: sentAt + lifetime * 0.75 };
  }

  async get<T = any>(user: TestUser | undefined, path: string): Promise<ApiResponse<T>> {
    const req = request(this.baseUrl).get(`/api/v1${path}`);
    if (user) req.set('Authorization', `Bearer ${await this.token(user)}`);
    return normalise(await req);
  }

  async post<T = any>(user: TestUser | undefined, path: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const req = request(this.baseUrl).post(`/api/v1${path}`).send(body as object);
    if (user) req.set('Authorization', `Bearer ${await this.token(user)}`);
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    return normalise(await req);
  }

  async patch<T = any>(user: TestUser | undefined, path: string, body: unknown = {}): Promise<ApiResponse<T>> {
    const req = request(this.baseUrl).patch(`/api/v1${path}`).send(body as object);
    if (user) req.set('Authorization', `Bearer ${await this.token(user)}`);
    return normalise(await req);
  }

  /** Fails the test with the response body when the status is not the expected one. */
  async expect<T = any>(expected: number, call: Promise<ApiResponse<T>>): Promise<T> {
    const response = await call;
    if (response.status !== expected) {
      throw new Error(`expected HTTP ${expected}, got ${response.status}: ${JSON.stringify(response.body, null, 2)}`);
    }
    return response.body;
  }

  get peopleOf(): TestPeople {
    return this.people;
  }
}

function normalise(response: request.Response): ApiResponse {
  let body = response.body;
  if ((body === undefined || (typeof body === 'object' && Object.keys(body).length === 0)) && response.text && response.type?.includes('json')) {
    body = JSON.parse(response.text);
  }
  return { status: response.status, body, headers: response.headers as Record<string, string> };
}
