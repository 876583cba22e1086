// @ts-check
'use strict';
/**
 * The ordered stop of the local start (scripts/up.js), the same whoever asks for it: Ctrl-C at the
 * terminal (SIGINT), a supervisor or `kill <pid>` (SIGTERM), a closed terminal (SIGHUP), or a
 * failed start.
 *
 * What the start starts is added with a rank; stop() stops the ranks in ascending order, all of a
 * rank at once, each within its own grace period (after which it is SIGKILLed). A second signal
 * while that runs kills everything left at once. When the stopping process itself is SIGKILLed,
 * the servers' watchdogs (./watchdog.js) and our programs' ./exit-with-parent.js are the net.
 */

const os = require('node:os');
const { sleep } = require('./process');

/**
 * @typedef {object} Stoppable
 * @property {string} name
 * @property {() => Promise<void>} stop  graceful, bounded (SIGKILL after a grace period)
 * @property {() => void} kill           SIGKILL, now
 */

/** @typedef {ReturnType<typeof createShutdown>} Shutdown */

/**
 * @param {{ log: (message: string) => void }} options
 */
function createShutdown({ log }) {
  /** @type {{ rank: number, item: Stoppable }[]} */
  const items = [];
  const aborter = new AbortController();

  return {
    /** Aborted once the stop has begun: nothing new starts, steps in flight end early. */
    signal: aborter.signal,

    /** True from the start of stop() or kill() on. */
    get stopping() {
      return aborter.signal.aborted;
    },

    /**
     * @param {number} rank  lower ranks are stopped first
     * @param {Stoppable} item
     */
    add(rank, item) {
      items.push({ rank, item });
    },

    /**
     * Aborts `signal`, waits up to `settleMs` for the start in flight (so that a server it is
     * bringing up gets stopped too; past that, its watchdog stops it when we exit), then stops
     * everything, rank by rank.
     *
     * @param {Promise<unknown>} start
     * @param {number} settleMs
     */
    async stop(start, settleMs) {
      aborter.abort();
      const settled = await Promise.race([start.then(() => true, () => true), sleep(settleMs).then(() => false)]);
      if (!settled) log(`the start did not settle within ${settleMs / 1000} s; stopping what it has started`);
      const ranks = [...new Set(items.map(({ rank }) => rank))].sort((a, b) => a - b);
      for (const rank of ranks) {
        const stopping = items.filter((entry) => entry.rank === rank).map(({ item }) => item);
        await Promise.all(stopping.map((item) => item.stop().catch((error) => log(`${item.name} did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`))));
      }
    },

    /** SIGKILL to everything, now. */
    kill() {
      aborter.abort();
      for (const { item } of items) item.kill();
    },
  };
}

/** The signals that mean "stop": Ctrl-C, a supervisor or `kill`, the terminal going away. */
const STOP_SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/**
 * Calls `handler` on every stop signal. Installing it replaces Node's default (exit at once), so
 * the handler has to end the process itself.
 *
 * @param {(signal: NodeJS.Signals) => void} handler
 */
function onStopSignals(handler) {
  for (const signal of STOP_SIGNALS) process.on(signal, handler);
}

/**
 * The shell's exit status for "ended by this signal".
 *
 * @param {NodeJS.Signals} signal
 */
function signalExitCode(signal) {
  return 128 + os.constants.signals[signal];
}

module.exports = { createShutdown, onStopSignals, signalExitCode, STOP_SIGNALS };
