/**
 * The console benchmark, run on its own (it needs Chromium and the built console; `npm run bench`
 * stays as it is): `node -r ./scripts/ts-register.js bench/console.ts` (BENCH_QUICK=1 for a smoke run).
 *
 * In headless Chromium (Debian's), cold (a fresh browser context per visit: empty cache, then a
 * login that only sets the refresh cookie), it times two screens from navigation start to the
 * frame that paints them useful:
 *   - the chairman's dashboard (/reports) with its figures on it,
 *   - an inspection in progress (/inspections/:id) for its lead, with the stepper and the enabled
 *     "Kết thúc kiểm tra" button (the page is interactive),
 * each against a static HTML page of the same size (the bytes that screen downloads: HTML, CSS,
 * JavaScript and API answers) served by the same server from the console's assets, with the same
 * heading and element the probe waits for. Visits are interleaved in rounds, like bench/run.ts.
 * Writes bench/results/console-<timestamp>.json and prints the table.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser, BrowserContext } from 'playwright-core';
import { consoleDirectory } from '../apps/api/src/console/console-files';
import globalSetup from '../test/harness/global-setup';
import globalTeardown from '../test/harness/global-teardown';
import { launchChromium } from '../test/harness/browser';
import { TEST_PASSWORD, TestUser } from '../test/harness/people';
import { Scenario } from '../test/harness/scenario';
import { startStack } from '../test/harness/stack';
import { coldVisit, PaintProbe, PaintSample } from './console/paint';
import { writeStaticPage } from './console/static-page';
import { baselineRow, comparedRow, renderTable, round, Section } from './lib/report';
import { Series, summarise } from './lib/stats';

const ROOT = path.resolve(__dirname, '..');
const QUICK = Boolean(process.env.BENCH_QUICK);
const ROUNDS = QUICK ? 2 : 5;
const VISITS_PER_ROUND = QUICK ? 2 : 4;
const started = Date.now();
const log = (message: string) =>
  process.stderr.write(`[bench console ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);

const DASHBOARD: PaintProbe = { ready: `(d) => d.querySelectorAll('main .figure-value').length >= 8` };
const INSPECTION: PaintProbe = {
  ready: `(d) => !!d.querySelector('main .stepper') && [...d.querySelectorAll('main button')].some((b) => b.textContent.trim() === 'Kết thúc kiểm tra' && !b.disabled)`,
};
/** The static pages carry the same landmarks, so the same probes apply to them. */
const STATIC_DASHBOARD_BODY = `<h1>Báo cáo tổng hợp</h1><div class="figures">${'<div class="figure"><span class="figure-value">1/2 (50,0%)</span></div>'.repeat(8)}</div>`;
const STATIC_INSPECTION_BODY = `<h1>Cuộc kiểm tra</h1><ol class="stepper"><li>Đang kiểm tra</li></ol><button type="button">Kết thúc kiểm tra</button>`;

const logInTo = (user: TestUser) => async (context: BrowserContext) => {
  const answer = await context.request.post('/api/v1/auth/login', { data: { username: user.username, password: TEST_PASSWORD } });
  if (answer.status() !== 200) throw new Error(`login of ${user.username} failed: ${answer.status()}`);
};

async function main(): Promise<void> {
  log('building the console');
  // The package's own build of the console (whatever its Vite config is called).
  execFileSync('npm', ['run', '--silent', 'build:console', '--', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanUp = async () => {
    while (cleanups.length > 0)
      await Promise.resolve(cleanups.pop()!()).catch((error: unknown) => log(`clean-up step failed: ${String(error)}`));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void cleanUp().finally(() => process.exit(130)));
  try {
    await globalSetup();
    cleanups.push(() => globalTeardown());
    const stack = await startStack();
    cleanups.push(() => stack.stop());
    // The API installs Nest's shutdown hooks; the benchmark keeps the signals to itself.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => void cleanUp().finally(() => process.exit(130)));
    }
    const browser: Browser = await launchChromium();
    cleanups.push(() => browser.close());
    const base = stack.api.baseUrl;
    const { people } = stack;

    // Something to show: a closed inspection and one awaiting its response (the dashboard), and a
    // visit in progress with a finding (the inspection page).
    const s = new Scenario(stack);
    const closing = await s.awaitingResponse({ units: [people.units.a] });
    const remediating = await s.respond(closing.inspectionId, people.headA, [{ findingId: closing.findingId, position: 'accepted' }]);
    await s.report(closing.inspectionId, people.headA, remediating.actions[0].id);
    await s.verify(closing.inspectionId, remediating.actions[0].id);
    await s.awaitingResponse({ units: [people.units.b] });
    const visit = await s.plannedInspection({ units: [people.units.c] });
    await s.start(visit.inspectionId);
    await s.finding(visit.inspectionId);
    const inspectionPath = `/inspections/${visit.inspectionId}`;

    // Warm-up (not counted): the server's and Chromium's first time, and the bytes of each screen.
    const sizeOf = async (target: string, probe: PaintProbe, user: TestUser) => {
      const samples: PaintSample[] = [];
      for (let i = 0; i < 2; i += 1) samples.push(await coldVisit(browser, base, target, probe, logInTo(user)));
      return Math.max(...samples.map((sample) => sample.bytes));
    };
    const dashboardBytes = await sizeOf('/reports', DASHBOARD, people.chairman);
    const inspectionBytes = await sizeOf(inspectionPath, INSPECTION, people.lead);
    const dashboardStatic = writeStaticPage(consoleDirectory(ROOT), { bytes: dashboardBytes, body: STATIC_DASHBOARD_BODY });
    cleanups.push(() => dashboardStatic.remove());
    const inspectionStatic = writeStaticPage(consoleDirectory(ROOT), { bytes: inspectionBytes, body: STATIC_INSPECTION_BODY });
    cleanups.push(() => inspectionStatic.remove());
    log(`bytes per cold visit: dashboard ${dashboardBytes}, inspection ${inspectionBytes}`);

    const series = {
      staticDashboard: new Series(`static page of ${Math.round(dashboardBytes / 1024)} KB, same server`, 'ms'),
      dashboard: new Series('dashboard /reports, figures painted (chairman)', 'ms'),
      staticInspection: new Series(`static page of ${Math.round(inspectionBytes / 1024)} KB, same server`, 'ms'),
      inspection: new Series('inspection in progress, interactive (lead)', 'ms'),
    };
    const fcp = {
      dashboard: [] as number[],
      inspection: [] as number[],
      staticDashboard: [] as number[],
      staticInspection: [] as number[],
    };
    const bytes = {
      dashboard: [] as number[],
      inspection: [] as number[],
      staticDashboard: [] as number[],
      staticInspection: [] as number[],
    };
    const visits: [keyof typeof series, () => Promise<PaintSample>][] = [
      ['staticDashboard', () => coldVisit(browser, base, dashboardStatic.path, DASHBOARD, logInTo(people.chairman))],
      ['dashboard', () => coldVisit(browser, base, '/reports', DASHBOARD, logInTo(people.chairman))],
      ['staticInspection', () => coldVisit(browser, base, inspectionStatic.path, INSPECTION, logInTo(people.lead))],
      ['inspection', () => coldVisit(browser, base, inspectionPath, INSPECTION, logInTo(people.lead))],
    ];
    for (let r = 0; r < ROUNDS; r += 1) {
      Object.values(series).forEach((s) => s.newRound());
      for (let i = 0; i < VISITS_PER_ROUND; i += 1) {
        // Rotate the order, so no visit always follows the same one.
        for (let k = 0; k < visits.length; k += 1) {
          const [name, visitOnce] = visits[(k + i + r) % visits.length];
          const sample = await visitOnce();
          series[name].add(sample.readyMs);
          if (sample.firstContentfulPaintMs !== null) fcp[name].push(sample.firstContentfulPaintMs);
          bytes[name].push(sample.bytes);
        }
      }
      log(`round ${r + 1}/${ROUNDS} done`);
    }

    const section: Section = {
      id: 'console',
      title: '(6) The web console in headless Chromium, cold (fresh context per visit), navigation start → useful frame',
      baseline:
        'A static HTML page of the same byte size as everything the screen downloads, with the same heading and the element the probe waits for, served by the same server (the console middleware, same headers and CSP), visited the same way in the same rounds. The ratio is what booting the console, refreshing the session, the API calls and rendering add.',
      rows: [
        baselineRow(series.staticDashboard),
        comparedRow(series.dashboard, series.staticDashboard),
        baselineRow(series.staticInspection),
        comparedRow(series.inspection, series.staticInspection),
      ],
      details: {
        bytesPerVisit: Object.fromEntries(Object.entries(bytes).map(([k, v]) => [k, summarise(v).median])),
        firstContentfulPaintMedianMs: Object.fromEntries(Object.entries(fcp).map(([k, v]) => [k, round(summarise(v).median, 1)])),
        rounds: ROUNDS,
        visitsPerRound: VISITS_PER_ROUND,
      },
    };
    await cleanUp();

    const finished = new Date();
    const result = {
      startedAt: new Date(started).toISOString(),
      durationS: round((finished.getTime() - started) / 1000, 1),
      environment: {
        node: process.version,
        cpus: os.cpus().length,
        loadAverage: os.loadavg().map((v) => round(v, 2)),
        chromium: browser.version(),
      },
      sections: [section],
    };
    const dir = path.join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(
      dir,
      `console-${finished
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z')}.json`,
    );
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    console.log(renderTable([section]));
    console.log(`  bytes per visit (median): ${JSON.stringify(section.details.bytesPerVisit)}`);
    console.log(`  first contentful paint (median ms): ${JSON.stringify(section.details.firstContentfulPaintMedianMs)}`);
    console.log(`results: ${path.relative(ROOT, file)} (${result.durationS} s in all)`);
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
