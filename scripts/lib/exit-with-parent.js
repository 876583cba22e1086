// @ts-check
'use strict';
/**
 * Preloaded (`node --require scripts/lib/exit-with-parent.js …`) into the API, the worker and the
 * CLI when the local start (scripts/up.js, through ./node-children.js) runs them, and only then:
 * a supervisor or docker-compose starts the same programs without it, so nothing changes there.
 *
 * The program sends itself SIGTERM once its parent is gone, however the parent ended (SIGKILL, a
 * crash): the same graceful stop as a SIGTERM from up.js, so the worker drains and the API closes
 * its port. Without it they would outlive a SIGKILLed up.js (they run in process groups of their
 * own), holding the API's port and polling the task queue beside the next start's worker.
 *
 * How it knows: fd 3 (named in the environment, see PARENT_PIPE_ENV) is one end of a pipe (a
 * socketpair) whose other end only the parent holds (libuv opens it close-on-exec, so none of the
 * parent's other children inherits it). The kernel closes that end when the parent dies, whatever
 * the cause, and the read here sees end of file. It is the watchdogs' trick (./watchdog.js)
 * without a process in between: up.js's own SIGTERM still reaches the program directly, and its
 * pid and exit status stay its own. Not an IPC channel (`stdio: 'ipc'` and
 * process.on('disconnect')): that gives the program process.send and process.channel, which some
 * libraries take as "I run under a process manager", while a pipe nobody writes to is invisible.
 *
 * When up.js stops the program itself (SIGTERM), it waits for it to exit before it exits, so the
 * pipe is still open while the program stops: one SIGTERM, one shutdown. Should up.js die during
 * that stop, the second SIGTERM changes nothing: Nest's shutdown hooks ignore a signal while they
 * are already shutting down.
 */

const fs = require('node:fs');
const net = require('node:net');

/**
 * Names the descriptor of the pipe (./node-children.js sets it). Read once and removed from the
 * environment: worker threads (Temporal runs workflows in some) and fork()ed children inherit
 * `--require` from process.execArgv, but not a variable deleted before they start, so the preload
 * does nothing there. Without it a thread would open a second handle on fd 3 and close the fd for
 * the whole process when it ends, and a fork()ed child would take its IPC channel for the pipe.
 */
const PARENT_PIPE_ENV = 'INSPECTORATE_PARENT_PIPE_FD';

/** @returns {boolean} */
function isSocket(/** @type {number} */ fd) {
  try {
    return fs.fstatSync(fd).isSocket();
  } catch {
    return false; // EBADF: not open
  }
}

function exitWithParent() {
  const named = process.env[PARENT_PIPE_ENV];
  if (named === undefined) return; // not started by ./node-children.js: see PARENT_PIPE_ENV
  delete process.env[PARENT_PIPE_ENV];
  const fd = Number(named);
  if (!Number.isInteger(fd) || !isSocket(fd)) {
    // The parent said there is a pipe and there is none: a mistake in how we were started, not something to ignore.
    throw new Error(`exit-with-parent: ${PARENT_PIPE_ENV}=${named} is not an open pipe from the parent`);
  }
  const pipe = new net.Socket({ fd, readable: true, writable: false });
  pipe.on('error', () => {}); // ECONNRESET instead of end-of-file: the parent is gone all the same; 'close' follows
  pipe.once('close', () => {
    // Our stdout and stderr were pipes to the parent too: what is written now would fail with
    // EPIPE, and an unhandled stream error would end the program before its drain is done.
    for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
    process.kill(process.pid, 'SIGTERM');
  });
  pipe.resume(); // read (nothing ever comes) so that the end-of-file is seen
  pipe.unref(); // never what keeps the program alive: a CLI command still ends by itself
}

exitWithParent();
