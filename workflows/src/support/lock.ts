import { condition } from '@temporalio/workflow';

/**
 * Runs one handler at a time. Update handlers and timers await activities, and Temporal
 * interleaves handlers at every await; each command must decide on the state the previous one
 * left, so they take turns.
 */
export class Lock {
  private held = false;

  async run<T>(work: () => Promise<T>): Promise<T> {
    await condition(() => !this.held);
    this.held = true;
    try {
      return await work();
    } finally {
      this.held = false;
    }
  }
}
