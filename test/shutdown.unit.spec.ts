/* eslint-disable @typescript-eslint/no-require-imports */
const { createShutdown } = require('../scripts/lib/shutdown.js') as typeof import('../scripts/lib/shutdown.js');

/**
 * The order in which the local start (scripts/up.js) stops what it started: rank by rank, all of a
 * rank together, the next rank only once the one before has stopped; a start still in flight is
 * waited for (bounded); kill() is everything at once.
 */
describe('the ordered stop of the local start', () => {
  /** A thing to stop that records when its stop began and ended, and whose stop ends when released. */
  function stoppable(name: string, journal: string[]) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    return {
      release: () => release(),
      item: {
        name,
        stop: async () => {
          journal.push(`${name} stopping`);
          await released;
          journal.push(`${name} stopped`);
        },
        kill: () => journal.push(`${name} killed`),
      },
    };
  }
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('stops rank after rank, a rank all at once, the next only when the one before has stopped', async () => {
    const journal: string[] = [];
    const shutdown = createShutdown({ log: (message) => journal.push(`log: ${message}`) });
    // Registered out of order, as up.js does (servers first, as they start first).
    const [temporal, postgres, worker, api, seed] = ['temporal', 'postgres', 'worker', 'api', 'seed'].map((name) => stoppable(name, journal));
    shutdown.add(3, temporal.item);
    shutdown.add(3, postgres.item);
    shutdown.add(2, worker.item);
    shutdown.add(1, api.item);
    shutdown.add(0, seed.item);

    const stopped = shutdown.stop(Promise.resolve(), 1_000);
    expect(shutdown.stopping).toBe(true);
    expect(shutdown.signal.aborted).toBe(true);
    await tick();
    expect(journal).toEqual(['seed stopping']);
    seed.release();
    await tick();
    expect(journal).toEqual(['seed stopping', 'seed stopped', 'api stopping']);
    // The worker is not asked while the API still answers requests that wait on it.
    api.release();
    await tick();
    worker.release();
    await tick();
    expect(journal.slice(3)).toEqual(['api stopped', 'worker stopping', 'worker stopped', 'temporal stopping', 'postgres stopping']);
    postgres.release();
    temporal.release();
    await stopped;
    expect(journal.slice(-2).sort()).toEqual(['postgres stopped', 'temporal stopped']);
  });

  it('goes on when one fails to stop cleanly, and says so', async () => {
    const journal: string[] = [];
    const shutdown = createShutdown({ log: (message) => journal.push(`log: ${message}`) });
    shutdown.add(1, { name: 'api', stop: () => Promise.reject(new Error('port busy')), kill: () => undefined });
    const worker = stoppable('worker', journal);
    shutdown.add(2, worker.item);
    const stopped = shutdown.stop(Promise.resolve(), 1_000);
    await tick();
    worker.release();
    await stopped;
    expect(journal).toEqual(['log: api did not stop cleanly: port busy', 'worker stopping', 'worker stopped']);
  });

  it('waits for a start in flight, so that what it is bringing up is stopped too, but not beyond the bound', async () => {
    const journal: string[] = [];
    const shutdown = createShutdown({ log: (message) => journal.push(`log: ${message}`) });
    let finishStart!: () => void;
    const start = new Promise<void>((resolve) => (finishStart = resolve));
    const stopped = shutdown.stop(start, 5_000);
    // Registered by the start after the stop began: still stopped.
    const late = stoppable('temporal', journal);
    shutdown.add(3, late.item);
    finishStart();
    await tick();
    await tick();
    expect(journal).toEqual(['temporal stopping']);
    late.release();
    await stopped;

    const never = new Promise<void>(() => undefined);
    const bounded = createShutdown({ log: (message) => journal.push(`log: ${message}`) });
    await bounded.stop(never, 50);
    expect(journal.at(-1)).toBe('log: the start did not settle within 0.05 s; stopping what it has started');
  });

  it('kills everything at once on kill()', () => {
    const journal: string[] = [];
    const shutdown = createShutdown({ log: () => undefined });
    for (const [rank, name] of [[3, 'temporal'], [2, 'worker'], [1, 'api']] as const) shutdown.add(rank, stoppable(name, journal).item);
    shutdown.kill();
    expect(shutdown.stopping).toBe(true);
    expect(journal.sort()).toEqual(['api killed', 'temporal killed', 'worker killed']);
  });
});
