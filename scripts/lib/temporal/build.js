// @ts-check
'use strict';
/**
 * Builds the pinned Temporal server and temporal-sql-tool from tools/temporal-server with the Go
 * toolchain, once per machine: the binaries are cached under ~/.cache/inspectorate, named by
 * version, and concurrent callers build only once (see ensureGoBinary).
 */

const fs = require('node:fs');
const fsp = require('node:fs/promises');
const path = require('node:path');
const { cacheDir, ensureDir, run, sleep, which } = require('../process');
const { TEMPORAL_SERVER_VERSION, TOOLS_MODULE_DIR, defaultLog } = require('./version');

/** @typedef {import('./version').LogFn} LogFn */

const LOCK_STALE_MS = 30 * 60_000;
const LOCK_WAIT_MS = 20 * 60_000;

/**
 * Builds `goPackage` from the tools module into `${cacheDir}/${name}-${version}` unless it is
 * already there. Concurrent callers (two test runs, a test run and a local start) serialise on
 * `<target>.lock`: the first builds into a temporary file and renames it into place (atomic);
 * the others wait for the lock to go away and then find the binary.
 *
 * @param {{ goPackage: string, name: string, log: LogFn, slowHint: string }} options
 * @returns {Promise<string>}
 */
async function ensureGoBinary({ goPackage, name, log, slowHint }) {
  const dir = await ensureDir(cacheDir());
  const target = path.join(dir, `${name}-${TEMPORAL_SERVER_VERSION}`);
  const lockFile = `${target}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  let announcedWait = false;

  for (;;) {
    if (isExecutable(target)) return target;
    /** @type {import('node:fs/promises').FileHandle | undefined} */
    let lock;
    try {
      lock = await fsp.open(lockFile, 'wx');
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    if (lock) {
      try {
        await lock.writeFile(`${process.pid}\n${new Date().toISOString()}\n`);
        if (isExecutable(target)) return target; // built while we were taking the lock
        await goBuild({ goPackage, target, log, slowHint });
        return target;
      } finally {
        await lock.close();
        await fsp.rm(lockFile, { force: true });
      }
    }
    if (await removeIfStale(lockFile)) continue;
    if (!announcedWait) {
      log(`waiting for another process to finish building ${path.basename(target)} (${lockFile})`);
      announcedWait = true;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${lockFile}; remove it if no build is running`);
    }
    await sleep(1_000);
  }
}

/**
 * A lock is stale when its owner is gone (same machine: the cache is per user) or it is very old.
 *
 * @param {string} lockFile
 * @returns {Promise<boolean>} true if it was removed
 */
async function removeIfStale(lockFile) {
  try {
    const [content, stat] = await Promise.all([fsp.readFile(lockFile, 'utf8'), fsp.stat(lockFile)]);
    const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
    let ownerAlive = true;
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 0);
      } catch (error) {
        ownerAlive = /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
      }
    } else {
      // Empty: just created by its owner, who has not written its pid yet. Only age counts.
      ownerAlive = Date.now() - stat.mtimeMs < 60_000;
    }
    if (ownerAlive && Date.now() - stat.mtimeMs < LOCK_STALE_MS) return false;
    await fsp.rm(lockFile, { force: true });
    return true;
  } catch {
    return true; // vanished meanwhile: try again
  }
}

/** @param {string} file */
function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * @param {{ goPackage: string, target: string, log: LogFn, slowHint: string }} options
 */
async function goBuild({ goPackage, target, log, slowHint }) {
  const go =
    which('go') ?? ['/usr/local/go/bin/go', path.join(process.env.HOME ?? '', 'go', 'bin', 'go'), '/usr/lib/go/bin/go'].find(isExecutable);
  if (!go) {
    throw new Error(
      [
        `Cannot build the Temporal server ${TEMPORAL_SERVER_VERSION}: the Go toolchain ('go') is not on the PATH.`,
        'Install Go (https://go.dev/dl/; the version in tools/temporal-server/go.mod, or any Go >= 1.21',
        'that may fetch it through the module proxy), or install the `temporal` CLI,',
        'or set TEMPORAL_ADDRESS to a running server.',
      ].join('\n'),
    );
  }
  // We hold the lock: leftovers of a build that was killed can go.
  for (const name of await fsp.readdir(path.dirname(target))) {
    if (name.startsWith(`${path.basename(target)}.tmp-`)) await fsp.rm(path.join(path.dirname(target), name), { force: true });
  }
  const temporary = `${target}.tmp-${process.pid}-${Date.now()}`;
  log(`building ${path.basename(target)} with ${go}: ${slowHint}`);
  const started = Date.now();
  try {
    const { code, output } = await run(go, ['build', '-C', TOOLS_MODULE_DIR, '-o', temporary, goPackage]);
    if (code !== 0) {
      throw new Error(`go build ${goPackage} failed (exit ${code}):\n${output.trim()}`);
    }
    await fsp.chmod(temporary, 0o755);
    await fsp.rename(temporary, target);
  } finally {
    await fsp.rm(temporary, { force: true });
  }
  log(`built ${target} in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * The Temporal server binary of TEMPORAL_SERVER_VERSION, built on first use.
 * TEMPORAL_SERVER_BINARY overrides it with a binary of your own.
 *
 * @param {{ log?: LogFn }} [options]
 * @returns {Promise<string>} absolute path
 */
async function ensureTemporalBinary({ log = defaultLog } = {}) {
  const override = process.env.TEMPORAL_SERVER_BINARY;
  if (override) return path.resolve(override);
  return ensureGoBinary({
    goPackage: 'go.temporal.io/server/cmd/server',
    name: 'temporal-server',
    log,
    slowHint: 'the first build on a machine takes a few minutes (later runs reuse the cached binary)',
  });
}

/**
 * temporal-sql-tool of TEMPORAL_SERVER_VERSION (schema setup for PostgreSQL persistence).
 *
 * @param {{ log?: LogFn }} [options]
 * @returns {Promise<string>} absolute path
 */
async function ensureTemporalSqlTool({ log = defaultLog } = {}) {
  return ensureGoBinary({
    goPackage: 'go.temporal.io/server/cmd/tools/sql',
    name: 'temporal-sql-tool',
    log,
    slowHint: 'this can take a minute or more the first time',
  });
}

module.exports = { ensureTemporalBinary, ensureTemporalSqlTool };
