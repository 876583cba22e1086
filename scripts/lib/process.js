// @ts-check
'use strict';
/**
 * Child-process supervision and port helpers shared by the Temporal and PostgreSQL launchers.
 *
 * Plain CommonJS with JSDoc types, no dependencies beyond Node itself, so it runs on a fresh
 * clone right after `npm ci`, before any TypeScript build.
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
const fsp = require('node:fs/promises');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

/**
 * @typedef {(message: string) => void} LogFn
 */

/**
 * @param {number} ms
 * @returns {Promise<void>}
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

/**
 * The last `lines` lines of a text file ('' if it does not exist).
 *
 * @param {string} file
 * @param {number} [lines]
 * @returns {string}
 */
function tailFile(file, lines = 30) {
  try {
    const size = fs.statSync(file).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, buffer, 0, length, size - length);
    } finally {
      fs.closeSync(fd);
    }
    return buffer
      .toString('utf8')
      .split('\n')
      .slice(-lines - 1)
      .join('\n')
      .trimEnd();
  } catch {
    return '';
  }
}

/**
 * A TCP port that was free on `host` a moment ago (the OS picks it).
 *
 * @param {string} [host]
 * @returns {Promise<number>}
 */
function findFreePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {number} port
 * @param {string} [host]
 * @returns {Promise<boolean>}
 */
function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * A base port B such that B + offset is free for every offset given. Bases are drawn at random
 * from [min, max], below Linux's default ephemeral range (32768+) so that outgoing connections
 * do not steal them. Free now does not mean free in a second: callers retry on a bind failure.
 *
 * @param {number[]} offsets
 * @param {{ host?: string, min?: number, max?: number, attempts?: number }} [options]
 * @returns {Promise<number>}
 */
async function findFreePortSet(offsets, options = {}) {
  const host = options.host ?? '127.0.0.1';
  const min = options.min ?? 20_000;
  const span = Math.max(...offsets, 0);
  const max = (options.max ?? 32_000) - span;
  const attempts = options.attempts ?? 100;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const base = min + Math.floor(Math.random() * (max - min));
    let free = true;
    for (const offset of offsets) {
      if (!(await isPortFree(base + offset, host))) {
        free = false;
        break;
      }
    }
    if (free) return base;
  }
  throw new Error(`no free port set found for offsets ${offsets.join(',')} on ${host}`);
}

/**
 * A base port B such that B .. B+count-1 are all free.
 *
 * @param {number} count
 * @param {{ host?: string, min?: number, max?: number, attempts?: number }} [options]
 * @returns {Promise<number>}
 */
function findFreePortRange(count, options) {
  return findFreePortSet(
    Array.from({ length: count }, (_, i) => i),
    options,
  );
}

/**
 * The per-user cache directory of this project: `${XDG_CACHE_HOME:-~/.cache}/inspectorate`.
 *
 * @returns {string}
 */
function cacheDir() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'inspectorate');
}

/**
 * The first executable called `name` on the PATH, or undefined.
 *
 * @param {string} name
 * @returns {string | undefined}
 */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/**
 * Runs a command to completion, collecting its output.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, uid?: number, gid?: number, onOutput?: (chunk: string) => void }} [options]
 * @returns {Promise<{ code: number | null, output: string }>}
 */
function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      uid: options.uid,
      gid: options.gid,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    /** @param {Buffer} chunk */
    const collect = (chunk) => {
      const text = chunk.toString('utf8');
      output += text;
      options.onOutput?.(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/**
 * Creates a directory (and parents) and returns its absolute path.
 *
 * @param {string} dir
 * @returns {Promise<string>}
 */
async function ensureDir(dir) {
  const absolute = path.resolve(dir);
  await fsp.mkdir(absolute, { recursive: true });
  return absolute;
}

module.exports = {
  sleep,
  spawnSupervised,
  killGroup,
  tailFile,
  findFreePort,
  isPortFree,
  findFreePortSet,
  findFreePortRange,
  cacheDir,
  which,
  run,
  ensureDir,
};
