import { condition, patched } from '@temporalio/workflow';

/**
 * The patch that made the lock a real mutex. Before it, `condition(() => !held)` released every
 * waiter at once when the holder finished (the SDK resolves all satisfied conditions in one
 * pass), so two commands could decide on the same state and the second append failed on the
 * expected version. Histories recorded before the patch replay through the old lock.
 */
export const FIFO_LOCK = 'fifo-lock';

/**
 * Runs one handler at a time. Update handlers and timers await activities, and Temporal
 * interleaves handlers at every await; each command must decide on the state the previous one
 * left, so they take turns, in the order they arrived. The holder hands the lock to the next
 * waiter directly, so exactly one waiter wakes per release and nobody can overtake it.
 * Whoever holds the lock must re-decide on the state it finds: it may have changed while it waited.
 */
export class Lock {
  private held = false;
  private readonly waiters: Array<() => void> = [];
  private fifo: boolean | undefined;

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.isFifo()) {
      if (this.held) await new Promise<void>((resolve) => this.waiters.push(resolve));
      // Either it was free, or the previous holder handed it over without releasing it.
      this.held = true;
      return;
    }
    await condition(() => !this.held);
    this.held = true;
  }

  private release(): void {
    const next = this.fifo ? this.waiters.shift() : undefined;
    if (next) next();
    else this.held = false;
  }

  /** Decided once, at the first use of the lock, and kept for the life of the run. */
  private isFifo(): boolean {
    this.fifo ??= patched(FIFO_LOCK);
    return this.fifo;
  }
}
