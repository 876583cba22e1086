export type SupervisedProcess = {
  /**
   * pid of the watchdog (also the process group id)
   */
  pid: number;
  child: import('node:child_process').ChildProcess;
  /**
   *   settles when the watchdog (and so the server) has exited
   */
  exited: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
  }>;
  isRunning: () => boolean;
  /**
   * graceful stop, SIGKILL after the grace period; idempotent
   */
  stop: () => Promise<void>;
};
export type LogFn = (message: string) => void;
/**
 * @typedef {(message: string) => void} LogFn
 */
/**
 * @param {number} ms
 * @returns {Promise<void>}
 */
export function sleep(ms: number): Promise<void>;
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
export function spawnSupervised(options: {
  command: string;
  args?: string[] | undefined;
  cwd?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  logFile: string;
  pidFile?: string | undefined;
  uid?: number | undefined;
  gid?: number | undefined;
  stopSignal?: 'TERM' | 'INT' | 'QUIT' | 'HUP' | undefined;
  graceMs?: number | undefined;
}): SupervisedProcess;
/**
 * @param {number} pgid
 * @param {NodeJS.Signals} signal
 */
export function killGroup(pgid: number, signal: NodeJS.Signals): void;
/**
 * The last `lines` lines of a text file ('' if it does not exist).
 *
 * @param {string} file
 * @param {number} [lines]
 * @returns {string}
 */
export function tailFile(file: string, lines?: number): string;
/**
 * A TCP port that was free on `host` a moment ago (the OS picks it).
 *
 * @param {string} [host]
 * @returns {Promise<number>}
 */
export function findFreePort(host?: string): Promise<number>;
/**
 * @param {number} port
 * @param {string} [host]
 * @returns {Promise<boolean>}
 */
export function isPortFree(port: number, host?: string): Promise<boolean>;
/**
 * A base port B such that B + offset is free for every offset given. Bases are drawn at random
 * from [min, max], below Linux's default ephemeral range (32768+) so that outgoing connections
 * do not steal them. Free now does not mean free in a second: callers retry on a bind failure.
 *
 * @param {number[]} offsets
 * @param {{ host?: string, min?: number, max?: number, attempts?: number }} [options]
 * @returns {Promise<number>}
 */
export function findFreePortSet(
  offsets: number[],
  options?: {
    host?: string;
    min?: number;
    max?: number;
    attempts?: number;
  },
): Promise<number>;
/**
 * A base port B such that B .. B+count-1 are all free.
 *
 * @param {number} count
 * @param {{ host?: string, min?: number, max?: number, attempts?: number }} [options]
 * @returns {Promise<number>}
 */
export function findFreePortRange(
  count: number,
  options?: {
    host?: string;
    min?: number;
    max?: number;
    attempts?: number;
  },
): Promise<number>;
/**
 * The per-user cache directory of this project: `${XDG_CACHE_HOME:-~/.cache}/inspectorate`.
 *
 * @returns {string}
 */
export function cacheDir(): string;
/**
 * The first executable called `name` on the PATH, or undefined.
 *
 * @param {string} name
 * @returns {string | undefined}
 */
export function which(name: string): string | undefined;
/**
 * Runs a command to completion, collecting its output.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, uid?: number, gid?: number, onOutput?: (chunk: string) => void }} [options]
 * @returns {Promise<{ code: number | null, output: string }>}
 */
export function run(
  command: string,
  args: string[],
  options?: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    uid?: number;
    gid?: number;
    onOutput?: (chunk: string) => void;
  },
): Promise<{
  code: number | null;
  output: string;
}>;
/**
 * Creates a directory (and parents) and returns its absolute path.
 *
 * @param {string} dir
 * @returns {Promise<string>}
 */
export function ensureDir(dir: string): Promise<string>;
