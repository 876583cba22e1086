import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import globalSetup from './global-setup';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The browser suites need, besides the shared stack of global-setup: Debian's Chromium (installed
 * here when missing — CI runs as root on a fresh machine; no browser download from elsewhere) and
 * the console built once from the current sources, which every test API serves at /.
 */
export default async function browserGlobalSetup(): Promise<void> {
  const log = (message: string) => process.stderr.write(`[browser setup] ${message}\n`);
  if (!existsSync(CHROMIUM)) {
    log('installing Debian chromium (apt-get)');
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  const started = Date.now();
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'apps/console/vite.config.mts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Jest sets NODE_ENV=test; the console under test is the production build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  log(`console built in ${Date.now() - started} ms`);
  await globalSetup();
}
