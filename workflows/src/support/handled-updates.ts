import type { CommandResult } from '@inspectorate/workflow-contract';

/**
 * Results of recent updates by id. Temporal already answers a repeated update id with the first
 * result within one run; this carries that promise across continue-as-new.
 */
export class HandledUpdates {
  private static readonly KEEP = 200;
  private readonly results: Map<string, CommandResult>;

  constructor(initial: Record<string, CommandResult> = {}) {
    this.results = new Map(Object.entries(initial));
  }

  has(id: string | undefined): boolean {
    return id !== undefined && this.results.has(id);
  }

  get(id: string | undefined): CommandResult | undefined {
    return id === undefined ? undefined : this.results.get(id);
  }

  remember(id: string | undefined, result: CommandResult): void {
    if (id === undefined) return;
    this.results.set(id, result);
    while (this.results.size > HandledUpdates.KEEP) this.results.delete(this.results.keys().next().value as string);
  }

  toJSON(): Record<string, CommandResult> {
    return Object.fromEntries(this.results);
  }
}
