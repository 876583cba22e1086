import { Browser, BrowserContext } from 'playwright-core';

/**
 * When a screen becomes useful, measured inside the page: an init script (installed through the
 * DevTools protocol, so the page's CSP does not govern it) watches the DOM from the first byte and
 * notes `performance.now()` (milliseconds since the navigation started) at the first animation
 * frame after `ready(document)` holds, i.e. the frame that paints it.
 */
export interface PaintProbe {
  /** Source of a function `(document) => boolean`, evaluated in the page on every DOM change. */
  readonly ready: string;
}

export interface PaintSample {
  /** Navigation start to the frame in which the screen was ready. */
  readonly readyMs: number;
  /** Chromium's first contentful paint, for reference. */
  readonly firstContentfulPaintMs: number | null;
  /** Bytes of every response the page received (document, assets, API), as a check of "same size". */
  readonly bytes: number;
}

const probeScript = (ready: string) => `(() => {
  const ready = ${ready};
  const g = globalThis;
  g.__paint = new Promise((resolve) => {
    let done = false;
    const check = () => {
      if (done || !ready(document)) return;
      done = true;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now()));
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    check();
  });
})();`;

/**
 * One cold visit: a fresh browser context (empty cache, no service state), `prepare` (e.g. a
 * login that sets the refresh cookie, not timed), then the navigation to `path`.
 */
export async function coldVisit(
  browser: Browser,
  baseURL: string,
  path: string,
  probe: PaintProbe,
  prepare?: (context: BrowserContext) => Promise<void>,
  timeoutMs = 30_000,
): Promise<PaintSample> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  try {
    if (prepare) await prepare(context);
    await context.addInitScript({ content: probeScript(probe.ready) });
    const page = await context.newPage();
    let bytes = 0;
    page.on('response', (response) => {
      void response.body().then(
        (body) => (bytes += body.length),
        () => undefined,
      );
    });
    await page.goto(path, { waitUntil: 'commit' });
    const readyMs = (await page.evaluate(
      `Promise.race([globalThis.__paint, new Promise((_, reject) => setTimeout(() => reject(new Error('not ready within ${timeoutMs} ms')), ${timeoutMs}))])`,
    )) as number;
    const firstContentfulPaintMs = (await page.evaluate(
      `(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime ?? null`,
    )) as number | null;
    await page.waitForLoadState('networkidle').catch(() => undefined);
    return { readyMs, firstContentfulPaintMs, bytes };
  } finally {
    await context.close();
  }
}
