// @ts-check
'use strict';
/**
 * Supervised child processes for the Temporal and PostgreSQL launchers: a server started here
 * never outlives the Node process that started it.
 *
 * How a supervised child is kept from outliving us
 * -------------------------------------------------
 * The server is not spawned directly but through a tiny POSIX `sh` watchdog (WATCHDOG_SCRIPT):
 *
 *   node ──pipe──▶ sh watchdog ──▶ server
 *
 * - The watchdog runs in its own process group (`detached: true`), so a final
 *   `kill(-pgid, SIGKILL)` reaches every process that belongs to the server and nothing else.
 * - Its stdin is a pipe whose only writer is this Node process. The kernel closes that pipe
 *   however Node ends (normal exit, uncaught exception, SIGINT, even SIGKILL). A background
 *   loop in the watchdog blocks reading it; at end-of-file it sends the server its graceful
 *   stop signal and, if the server is still alive after the grace period, SIGKILL.
 * - `stop()` uses the same path (it closes the pipe), waits for the watchdog to exit, escalates
 *   to SIGKILL on the whole group if needed, and finally sweeps the group.
 * - A `process.on('exit')` handler also signals the watchdog synchronously (belt and braces;
 *   the pipe alone is enough). No SIGINT/SIGTERM handlers are installed: that stays the
 *   caller's choice; with the default handlers Node dies and the pipe does the rest.
 * - The child handle and the pipe are unref'd: a running server never keeps Node alive by
 *   itself. A server lives exactly as long as the Node process that started it.
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const { sleep } = require('./process');

/**
 * Arguments: $1 graceful stop signal name (TERM, INT, ...), $2 grace period in tenths of a
 * second, $3 pid file ('' for none), then the command and its arguments.
 * fd 0 is the pipe from Node; the server gets /dev/null as stdin and never sees the pipe.
 */
const WATCHDOG_SCRIPT = `
sig="$1"; ticks="$2"; pidfile="$3"; shift 3
exec 3<&0 0</dev/null
"$@" 3<&- &
child=$!
if [ -n "$pidfile" ]; then echo "$child" > "$pidfile"; fi
(
  while read -r _ <&3; do :; done
  kill -s "$sig" "$child" 2>/dev/null
  i=0
  while [ "$i" -lt "$ticks" ]; do
    kill -0 "$child" 2>/dev/null || exit 0
    sleep 0.1
    i=$((i + 1))
  done
  kill -s KILL "$child" 2>/dev/null
) &
watcher=$!
exec 3<&-
trap 'kill -s "$sig" "$child" 2>/dev/null' TERM INT HUP
wait "$child"; code=$?
while kill -0 "$child" 2>/dev/null; do wait "$child"; code=$?; done
kill "$watcher" 2>/dev/null
if [ -n "$pidfile" ]; then rm -f "$pidfile"; fi
exit "$code"
`;

/**
 * @typedef {object} SupervisedProcess
 * @property {number} pid              pid of the watchdog (also the process group id)
 * @property {import('node:child_process').ChildProcess} child
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} exited
 *   settles when the watchdog (and so the server) has exited
 * @property {() => boolean} isRunning
 * @property {() => Promise<void>} stop  graceful stop, SIGKILL after the grace period; idempotent
 */

/**
 * Spawns `command` under the watchdog described at the top of this file.
 *
 * @param {object} options
 * @param {string} options.command
 * @param {string[]} [options.args]
 * @param {string} [options.cwd]
 * @param {NodeJS.ProcessEnv} [options.env]
 * @param {string} options.logFile       stdout and stderr are appended to it
 * @param {string} [options.pidFile]     the watchdog writes the server's own pid there
 * @param {number} [options.uid]         run as this user (only meaningful as root)
 * @param {number} [options.gid]
 * @param {'TERM' | 'INT' | 'QUIT' | 'HUP'} [options.stopSignal]  graceful stop signal (default TERM)
 * @param {number} [options.graceMs]     before SIGKILL (default 10 000)
 * @returns {SupervisedProcess}
 */
function spawnSupervised(options) {
  const stopSignal = options.stopSignal ?? 'TERM';
  const graceMs = options.graceMs ?? 10_000;
  const logFd = fs.openSync(options.logFile, 'a');
  if (options.uid !== undefined && typeof process.getuid === 'function' && process.getuid() === 0) {
    // The log file is opened by us; make it writable by the unprivileged child anyway, so that
    // a later run under that user can append to it too.
    try {
      fs.fchownSync(logFd, options.uid, options.gid ?? -1);
    } catch {
      /* not fatal */
    }
  }
  /** @type {import('node:child_process').ChildProcess} */
  let child;
  try {
    child = spawn(
      '/bin/sh',
      [
        '-c',
        WATCHDOG_SCRIPT,
        'watchdog',
        stopSignal,
        String(Math.max(1, Math.ceil(graceMs / 100))),
        options.pidFile ?? '',
        options.command,
        ...(options.args ?? []),
      ],
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ['pipe', logFd, logFd],
        detached: true,
        uid: options.uid,
        gid: options.gid,
      },
    );
  } finally {
    fs.closeSync(logFd);
  }
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(`could not start ${options.command}`);
  }

  /** @type {{ code: number | null, signal: NodeJS.Signals | null } | undefined} */
  let exitStatus;
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exitStatus = { code, signal };
      resolve(exitStatus);
    });
    child.once('error', () => {
      exitStatus = exitStatus ?? { code: null, signal: null };
      resolve(exitStatus);
    });
  });

  const onExit = () => {
    // Synchronous, last chance: ask the watchdog to stop the server. The closing pipe would do
    // it as well; this only makes it start a few microseconds earlier.
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', onExit);
  exited.then(() => process.removeListener('exit', onExit));

  // Never keep the event loop alive just because a server runs.
  child.unref();
  const stdin = /** @type {import('node:stream').Writable & { unref?: () => void }} */ (child.stdin);
  stdin.on('error', () => {});
  stdin.unref?.();

  /** @type {Promise<void> | undefined} */
  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      if (!exitStatus) {
        stdin.destroy(); // end of file for the watchdog: graceful signal, SIGKILL after graceMs
        const timer = sleep(graceMs + 2_000).then(() => 'timeout');
        if ((await Promise.race([exited, timer])) === 'timeout') {
          killGroup(pid, 'SIGKILL');
          await Promise.race([exited, sleep(2_000)]);
        }
      }
      killGroup(pid, 'SIGKILL'); // sweep whatever is left in the group (normally nothing)
      process.removeListener('exit', onExit);
    })();
    return stopping;
  };

  return {
    pid,
    child,
    exited,
    isRunning: () => exitStatus === undefined,
    stop,
  };
}

/**
 * @param {number} pgid
 * @param {NodeJS.Signals} signal
 */
function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* ESRCH: nothing left */
  }
}

module.exports = { spawnSupervised, killGroup };
