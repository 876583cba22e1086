import { readFileSync } from 'node:fs';
import { Browser, BrowserContext, chromium, Locator, Page, Request } from 'playwright-core';
import { TEST_PASSWORD, TestUser } from './people';
import { late } from './late';
import { StackOptions, startStack, TestStack } from './stack';

/** Chromium as CI has it, with what it needs to start quickly on these machines (no network chatter). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/**
 * `useStack` for the console's suites: the stack and Chromium, started together before the file's
 * tests and closed after them. Call it at the top of a `describe`.
 */
export function useBrowserStack(options: StackOptions = {}): { readonly stack: TestStack; readonly browser: Browser } {
  const stack = late<TestStack>('the test stack');
  const browser = late<Browser>('Chromium');
  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([startStack(options), launchChromium()]);
    if (started.status === 'fulfilled') stack.set(started.value);
    if (launched.status === 'fulfilled') browser.set(launched.value);
    for (const outcome of [started, launched]) if (outcome.status === 'rejected') throw outcome.reason;
  });
  afterAll(async () => {
    await browser.get()?.close();
    await stack.get()?.stop();
  });
  return { stack: stack.value, browser: browser.value };
}

export interface Person {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request the page made (method and path with query), in order. */
  readonly requests: string[];
  /** Console errors and page errors (a CSP violation shows up here). */
  readonly errors: string[];
  close(): Promise<void>;
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

/** A person at their own browser (own cookies), optionally already logged in. */
export async function openBrowser(browser: Browser, stack: TestStack, options: { viewport?: { width: number; height: number } } = {}): Promise<Person> {
  const context = await browser.newContext({ baseURL: stack.api.baseUrl, viewport: options.viewport ?? DESKTOP, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    requests.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, requests, errors, close: () => context.close() };
}

export async function logIn(person: Person, user: TestUser, language: 'vi' | 'en' = 'vi'): Promise<void> {
  const { page } = person;
  await page.goto('/login');
  const words = language === 'vi' ? { username: 'Tên đăng nhập', password: 'Mật khẩu', submit: 'Đăng nhập' } : { username: 'Username', password: 'Password', submit: 'Log in' };
  await page.getByLabel(words.username).fill(user.username);
  await page.getByLabel(words.password).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: words.submit }).click();
  await page.getByRole('navigation').waitFor();
}

const axeSource = () => readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core in the page for WCAG 2.1 A and AA; returns the violations, compactly. */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as any).axe !== 'undefined');
  // Injected through the DevTools protocol (page.evaluate), which the page's CSP does not govern.
  if (!loaded) await page.evaluate(axeSource());
  const violations = (await page.evaluate(async () => {
    // Runs in the page, where axe and document exist (this file is compiled without the DOM library).
    const page = globalThis as any;
    const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  })) as AxeViolation[];
  return violations.map((violation) => ({ id: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
}

/** A real 1×1 PNG, as a phone camera would hand over (the attachment API checks the bytes). */
export const PHOTO_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Today and n days later in Asia/Ho_Chi_Minh, as YYYY-MM-DD (what date inputs take). */
export function vietnamDate(daysFromToday = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + daysFromToday * 86_400_000));
}

/** Waits until the inspection's stepper shows `status` (its visible label) as the current step. */
export async function waitForStep(page: Page, label: string): Promise<void> {
  await page.locator('.stepper [aria-current="step"]', { hasText: label }).waitFor();
}

/** Screenshots for looking at the console as its users do (and for a failing test's record). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `.run/test/screenshots/${name}.png`, fullPage: true });
}

/** Moves the keyboard focus with Tab (only) until `target` has it; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 400): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < max; presses += 1) {
    if (await target.evaluate((element) => element === (element.ownerDocument as any).activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`focus never reached ${target.toString()} with Tab`);
}

/** Keyboard only: Tab to the control, then Enter (buttons, links) or Space (checkboxes, radios). */
export async function activate(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** Keyboard only: Tab to a text field and type. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/**
 * Keyboard only: Tab to a date input and type its segments in the order this Chromium shows them
 * (mm/dd/yyyy: its UI locale here is en-US); checks the value the page got.
 */
export async function typeDate(page: Page, target: Locator, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-');
  await tabTo(page, target);
  await page.keyboard.type(`${month}${day}${year}`);
  const value = await target.inputValue();
  if (value !== isoDate) throw new Error(`typed ${isoDate} into a date input, which holds ${value}`);
}

/** Keyboard only: Tab to a select and pick an option by typing the start of its label. */
export async function choose(page: Page, target: Locator, typed: string, expectedValue?: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(typed);
  if (expectedValue !== undefined && (await target.inputValue()) !== expectedValue) throw new Error(`typing "${typed}" in a select chose ${await target.inputValue()}`);
}
