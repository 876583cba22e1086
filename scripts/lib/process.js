// @ts-check
'use strict';
/**
 * Small helpers of the launchers: waiting, running a command to completion, finding a program,
 * the cache and data directories, the end of a log file. Supervised servers: ./watchdog.js;
 * free ports: ./free-ports.js.
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');

/**
 * @param {number} ms
 * @returns {Promise<void>}
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

module.exports = { sleep, tailFile, cacheDir, which, run, ensureDir };
