/**
 * Screenshots of the console for the README: `node -r ./scripts/ts-register.js scripts/screenshots.ts`
 * (run by hand, not part of the test suite; about two minutes).
 *
 * Builds the console, starts what the browser tests start (a real Temporal server, PostgreSQL,
 * the API serving the console, the worker), seeds the demo district through the workflows, then
 * logs in as each role in Debian's Chromium and writes PNGs of that role's main screens in both
 * languages to docs/screenshots/<language>/<role>-<screen>.png. Everything is stopped at the end.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';
import { DemoSeeder, unitHeadUsername } from '../apps/cli/src/demo';
import globalSetup from '../test/harness/global-setup';
import globalTeardown from '../test/harness/global-teardown';
import { DESKTOP, launchChromium, openBrowser, Person } from '../test/harness/browser';
import { startStack, TestStack } from '../test/harness/stack';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'docs', 'screenshots');
const PASSWORD = 'demo password for screenshots';
const LANGUAGES = ['vi', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
const log = (message: string) => process.stderr.write(`[screenshots] ${message}\n`);

/** A screen to photograph: its address, and what shows that it has finished loading. */
interface Shot {
  readonly name: string;
  readonly path: string | ((ids: DemoIds) => string);
  /** A CSS selector that appears once the screen's data is on it. */
  readonly ready?: string;
}

interface DemoIds {
  readonly campaignId: string;
  readonly unitId: string;
}

/** The demo's day of record: the 2023 dashboard as the paper records stood on 8 September 2023. */
const STORY_DAY = '?year=2023&asOf=2023-09-08';

const ROLES: readonly { role: string; username: string; shots: readonly Shot[] }[] = [
  {
    role: 'chairman',
    username: 'chutich',
    shots: [
      { name: 'my-work', path: '/' },
      { name: 'dashboard', path: `/reports${STORY_DAY}`, ready: '.figures' },
      { name: 'dashboard-today', path: '/reports?year=2023', ready: '.figures' },
      { name: 'campaign-report', path: (ids) => `/reports/campaigns/${ids.campaignId}?asOf=2023-09-08`, ready: '.narrative' },
      { name: 'unit-report', path: (ids) => `/reports/units/${ids.unitId}?year=2023`, ready: '.figures' },
      { name: 'overdue', path: '/reports/overdue?year=2023', ready: '.figures' },
      { name: 'approvals', path: '/approvals' },
      { name: 'notifications', path: '/notifications', ready: '.notifications, .muted' },
    ],
  },
  {
    role: 'lead-inspector',
    username: 'truongdoan',
    shots: [
      { name: 'my-work', path: '/' },
      { name: 'campaigns', path: '/campaigns' },
      { name: 'inspections', path: '/inspections' },
      { name: 'notifications', path: '/notifications', ready: '.notifications, .muted' },
    ],
  },
  { role: 'inspector', username: 'kiemtra1', shots: [{ name: 'my-work', path: '/' }] },
  {
    role: 'unit-head',
    username: unitHeadUsername('P-Y-TE'),
    shots: [
      { name: 'my-work', path: '/' },
      { name: 'notifications', path: '/notifications', ready: '.notifications, .muted' },
      { name: 'reports', path: '/reports?year=2023', ready: '.figures' },
    ],
  },
  {
    role: 'admin',
    username: 'admin',
    shots: [
      { name: 'units', path: '/admin/units', ready: 'tbody tr' },
      { name: 'users', path: '/admin/users', ready: 'tbody tr' },
      { name: 'event-log', path: '/admin/audit', ready: '.panel h2' },
    ],
  },
];

async function logIn(person: Person, username: string): Promise<void> {
  const { page } = person;
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.getByRole('navigation').first().waitFor();
}

/** The header's switch, until the page speaks `language` (the choice is kept on the server). */
async function useLanguage(page: Page, language: Language): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === language) return;
  await page.getByRole('button', { name: language === 'en' ? 'English' : 'Tiếng Việt', exact: true }).click();
  await page.locator(`html[lang="${language}"]`).waitFor();
}

async function photograph(page: Page, shot: Shot, ids: DemoIds, file: string): Promise<void> {
  const address = typeof shot.path === 'function' ? shot.path(ids) : shot.path;
  await page.goto(address);
  await page.locator('main h1').first().waitFor();
  if (shot.ready) await page.locator(shot.ready).first().waitFor();
  // Nothing still loading: no "Đang tải…" / "Loading…" left on the screen.
  await page
    .waitForFunction(
      () =>
        !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(
          'main [role="status"].muted',
        ),
      undefined,
      { timeout: 15_000 },
    )
    .catch(() => undefined);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
}

async function main(): Promise<void> {
  log('building the console');
  // The package's own build of the console (whatever its Vite config is called).
  execFileSync('npm', ['run', '--silent', 'build:console', '--', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  await globalSetup();
  let stack: TestStack | undefined;
  let browser: Browser | undefined;
  try {
    [stack, browser] = await Promise.all([startStack({ people: false }), launchChromium()]);
    log('seeding the demo district through the workflows');
    const seed = await new DemoSeeder(stack.db, stack.temporal, stack.config.TEMPORAL_TASK_QUEUE).seed({ password: () => PASSWORD });
    if (!seed.seeded) throw new Error(`the demo was not seeded: ${seed.reason}`);
    const [unit] = await stack.db.query(`SELECT id FROM units WHERE code = 'XA-BINH-KHANH'`);
    const ids: DemoIds = { campaignId: seed.campaignId, unitId: unit?.id ?? '' };
    for (const { role, username, shots } of ROLES) {
      const person = await openBrowser(browser, stack, { viewport: DESKTOP });
      try {
        await logIn(person, username);
        for (const language of LANGUAGES) {
          await useLanguage(person.page, language);
          const dir = path.join(OUT, language);
          mkdirSync(dir, { recursive: true });
          for (const shot of shots) {
            const file = path.join(dir, `${role}-${shot.name}.png`);
            await photograph(person.page, shot, ids, file);
            log(path.relative(ROOT, file));
          }
        }
        // Leave the account as the seed made it (Vietnamese).
        await useLanguage(person.page, 'vi');
      } finally {
        await person.close();
      }
    }
  } finally {
    await browser?.close();
    await stack?.stop();
    await globalTeardown();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
