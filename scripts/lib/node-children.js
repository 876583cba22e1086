// @ts-check
'use strict';
/**
 * Our own Node programs (the API, the worker, the CLI) as children of the local start (scripts/up.js).
 *
 * Each one runs in a process group of its own (`detached`), so a Ctrl-C at the terminal reaches
 * up.js alone, and up.js stops them in its order, just as it does on a SIGTERM sent to it alone.
 * In the terminal's group they would all get the SIGINT at once: the seeder would die mid-command
 * while the API and the worker drained side by side.
 *
 * up.js stops them (SIGTERM, SIGKILL after a grace period). Should up.js die without doing so
 * (SIGKILL, a crash), each stops itself all the same, just as on that SIGTERM: they are started
 * with ./exit-with-parent.js preloaded and a pipe from up.js on fd 3, whose end-of-file tells them
 * up.js is gone. The servers have their watchdogs (./watchdog.js) for that.
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

const EXIT_WITH_PARENT = path.join(__dirname, 'exit-with-parent.js');
/** The first descriptor after stdin, stdout and stderr. */
const PARENT_PIPE_FD = 3;

/**
 * @typedef {object} NodeChild
 * @property {string} name
 * @property {number} pid      also its process group id
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} exited
 *   settles once it has exited and its output has been read to the end
 * @property {(graceMs: number) => Promise<void>} stop  SIGTERM (our services drain), SIGKILL after graceMs
 * @property {() => void} kill  SIGKILL to its process group, now
 */

/**
 * The command line of one of our programs: the build under dist/ (what `make up` runs), or the
 * TypeScript source through scripts/ts-register.js (no build needed, a slower start).
 *
 * @param {string} root         the repository
 * @param {'api' | 'worker' | 'cli'} app
 * @param {boolean} fromSources
 * @returns {string[]} arguments for `node`
 */
function programArgs(root, app, fromSources) {
  return fromSources
    ? ['-r', path.join(root, 'scripts', 'ts-register.js'), path.join(root, 'apps', app, 'src', 'main.ts')]
    : [path.join(root, 'dist', 'apps', app, 'src', 'main.js')];
}

/**
 * A program that runs until it is stopped: its output is appended to `logFile` and shown line by
 * line with a `[name]` prefix. `onUnexpectedExit` is called if it ends without being asked to.
 *
 * @param {{ name: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, logFile: string,
 *   print: (line: string) => void, onUnexpectedExit: (code: number | null, signal: NodeJS.Signals | null) => void }} options
 * @returns {NodeChild}
 */
function spawnService(options) {
  const log = fs.createWriteStream(options.logFile, { flags: 'a' });
  const child = spawnProgram(options, ['ignore', 'pipe', 'pipe']);
  // Both piped just above, so neither is null.
  for (const stream of /** @type {import('node:stream').Readable[]} */ ([child.stdout, child.stderr])) {
    stream.on('data', (/** @type {Buffer} */ chunk) => log.write(chunk));
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => line && options.print(`[${options.name}] ${line}`));
  }
  const handle = supervise(options.name, child);
  handle.exited.then(({ code, signal }) => {
    log.end();
    if (!handle.stopRequested) options.onUnexpectedExit(code, signal);
  });
  return handle;
}

/**
 * A program that runs to its end (migrate, seed-demo), its output straight on our terminal. It is
 * stopped when `signal` aborts (SIGTERM, SIGKILL after graceMs). `done` rejects unless it ends
 * with exit code 0, so also when it was stopped.
 *
 * @param {{ name: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, signal: AbortSignal, graceMs: number }} options
 * @returns {{ child: NodeChild, done: Promise<void> }}
 */
function spawnToEnd(options) {
  const child = spawnProgram(options, ['ignore', 'inherit', 'inherit']);
  const handle = supervise(options.name, child);
  const stop = () => void handle.stop(options.graceMs);
  // A stop asked for before it started (the signal already aborted) would never fire the event.
  if (options.signal.aborted) stop();
  else options.signal.addEventListener('abort', stop, { once: true });
  handle.exited.then(() => options.signal.removeEventListener('abort', stop));
  const done = handle.exited.then(({ code, signal }) => {
    if (code !== 0) throw new Error(`${options.name} failed with ${signal ? `signal ${signal}` : `exit code ${code}`}`);
  });
  return { child: handle, done };
}

/**
 * `node <args>` in a process group of its own, with ./exit-with-parent.js preloaded and its pipe on
 * fd 3 (see there). Our end of the pipe is neither read nor written: it only has to stay open as
 * long as we live, and it never keeps us alive by itself.
 *
 * @param {{ args: string[], cwd: string, env: NodeJS.ProcessEnv }} options
 * @param {['ignore', 'pipe' | 'inherit', 'pipe' | 'inherit']} stdio  stdin, stdout, stderr
 */
function spawnProgram(options, stdio) {
  const env = { ...options.env, INSPECTORATE_PARENT_PIPE_FD: String(PARENT_PIPE_FD) };
  const child = spawn(process.execPath, ['--require', EXIT_WITH_PARENT, ...options.args], { cwd: options.cwd, env, stdio: [...stdio, 'pipe'], detached: true });
  const parentPipe = /** @type {import('node:net').Socket} */ (child.stdio[PARENT_PIPE_FD]); // 'pipe': never null
  parentPipe.on('error', () => {}); // the program's end closing under us is no error
  parentPipe.unref();
  return child;
}

/**
 * @param {string} name
 * @param {import('node:child_process').ChildProcess} child
 * @returns {NodeChild & { stopRequested: boolean }}
 */
function supervise(name, child) {
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const exited = new Promise((resolve) => {
    // 'close', not 'exit': the last lines (the worker's "drained and stopped") are read by then.
    child.once('close', (code, signal) => resolve({ code, signal }));
    // Listened to before anything can throw, so a failed start is never an unhandled 'error'. Only
    // a failed start ends it: a failed kill leaves the program running (the SIGKILL timer follows).
    child.on('error', () => {
      if (child.pid === undefined) resolve({ code: null, signal: null });
    });
  });
  if (child.pid === undefined) throw new Error(`could not start ${name}`);
  const pid = child.pid;
  let running = true;
  exited.then(() => (running = false));
  const kill = () => {
    try {
      process.kill(-pid, 'SIGKILL'); // the group: whatever it started goes with it
    } catch {
      /* ESRCH: already gone */
    }
  };
  const handle = {
    name,
    pid,
    exited,
    stopRequested: false,
    kill,
    stop: async (/** @type {number} */ graceMs) => {
      handle.stopRequested = true;
      if (!running) return;
      // To the program alone (it drains and ends what it started); SIGKILL, later, to its group.
      child.kill('SIGTERM');
      const timer = setTimeout(kill, graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  return handle;
}

module.exports = { programArgs, spawnService, spawnToEnd };
