import { axeViolations, logIn, openBrowser, useBrowserStack } from '../harness/browser';

describe('the console: signing in', () => {
  const { stack, browser } = useBrowserStack();

  it('serves the console at / with a strict Content-Security-Policy, and the API and Swagger UI beside it', async () => {
    const page = await fetch(`${stack.api.baseUrl}/inspections/123`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await page.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const script = await fetch(`${stack.api.baseUrl}${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const missingAsset = await fetch(`${stack.api.baseUrl}/assets/nothing-here.js`);
    expect(missingAsset.status).toBe(404);
    const apiMiss = await fetch(`${stack.api.baseUrl}/api/v1/nothing-here`);
    expect([apiMiss.status, apiMiss.headers.get('content-type')]).toEqual([404, expect.stringContaining('application/problem+json')]);
    const docs = await fetch(`${stack.api.baseUrl}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('logs a lead inspector in and lands on Việc của tôi, with no CSP violation and no accessibility violation', async () => {
    const person = await openBrowser(browser, stack);
    try {
      await person.page.goto('/');
      await person.page.waitForURL(/\/login\?next=%2F/);
      expect(await axeViolations(person.page)).toEqual([]);
      await logIn(person, stack.people.lead);
      await person.page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
      expect(new URL(person.page.url()).pathname).toBe('/');
      expect(await person.page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch kiểm tra' }).isVisible()).toBe(true);
      expect(await axeViolations(person.page)).toEqual([]);
      expect(person.errors.filter((error) => /Content Security Policy/i.test(error))).toEqual([]);
      const calls = person.requests.filter((request) => request.includes('/api/v1/'));
      expect(calls).toEqual(expect.arrayContaining(['POST /api/v1/auth/login', 'GET /api/v1/me/work']));

      // A reload keeps the session (the access token lived in memory only; the HttpOnly cookie renews it) ...
      await person.page.goto('/campaigns');
      await person.page.getByRole('heading', { level: 1, name: 'Kế hoạch kiểm tra' }).waitFor();
      expect(person.requests).toContain('POST /api/v1/auth/refresh');
      expect(await person.page.evaluate(() => JSON.stringify({ ...(globalThis as any).localStorage, ...(globalThis as any).sessionStorage }))).not.toMatch(/eyJ/);
      // ... and logging out ends it: a reload lands on the login page.
      await person.page.getByRole('button', { name: 'Đăng xuất' }).click();
      await person.page.waitForURL(/\/login/);
      await person.page.goto('/campaigns');
      await person.page.waitForURL(/\/login\?next=%2Fcampaigns/);
    } finally {
      await person.close();
    }
  });
});
