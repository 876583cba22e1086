import { readFileSync } from 'node:fs';
import { Download, Locator, Page } from 'playwright-core';

/**
 * Helpers of the report, notification and administration browser suites: the keyboard alone,
 * files the page saves, the language switch in the header, and the page's width.
 */

/** Whether the page is wider than the screen (a phone would have to scroll it sideways). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth > (globalThis as any).innerWidth);
}

/** Presses Tab from where the focus is until `target` has it; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<number> {
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return presses;
  }
  throw new Error(`${String(target)} was not reached with ${max} presses of Tab`);
}

/** Starts from the top of the page, as a person arriving on it does. */
export async function tabFromTop(page: Page, target: Locator, max = 60): Promise<number> {
  await page.evaluate(() => {
    const active = globalThis as unknown as { document: { activeElement: { blur?: () => void } | null; body: { focus: () => void } } };
    active.document.activeElement?.blur?.();
  });
  await page.locator('body').focus();
  return tabTo(page, target, max);
}

/** Runs `act` (a click or a key press) and returns the file the page saved, with its name and bytes. */
export async function savedFile(page: Page, act: () => Promise<void>): Promise<{ name: string; bytes: Buffer; download: Download }> {
  const [download] = await Promise.all([page.waitForEvent('download'), act()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file), download };
}

/**
 * The end of the PATCH /api/v1/me that keeps a language switch on the server: the page changes
 * `<html lang>` first, and its stored language (for later calls and the next load) only when this
 * answers. Start it before the click.
 */
export async function languageSaved(page: Page): Promise<void> {
  const response = await page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === '/api/v1/me');
  await response.finished();
}

/** The header's switch names the other language in that language ("English" / "Tiếng Việt"). */
export async function switchLanguage(page: Page, to: 'en' | 'vi'): Promise<void> {
  await Promise.all([languageSaved(page), page.getByRole('button', { name: to === 'en' ? 'English' : 'Tiếng Việt', exact: true }).click()]);
  await page.locator(`html[lang="${to}"]`).waitFor();
}

/** The text of a headline figure (a group named by its label). */
export async function figure(page: Page, label: string): Promise<string> {
  return (await page.getByRole('group', { name: label, exact: true }).locator('.figure-value').innerText()).trim();
}

/**
 * The page's console errors, less Chromium's line for each answer the test expects with a status
 * in `statuses`: the 401 of the refresh on the login page (no session cookie yet) is one on every
 * login, and a refused form (400) is one when the test sends it on purpose. Everything else —
 * a script error, a CSP refusal, a 500 — stays.
 */
export function unexpectedErrors(person: { errors: readonly string[] }, statuses: readonly number[] = [401]): string[] {
  return person.errors.filter((error) => !statuses.some((status) => error.startsWith(`Failed to load resource: the server responded with a status of ${status} `)));
}
