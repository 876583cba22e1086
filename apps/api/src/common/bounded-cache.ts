/**
 * A least-recently-used cache of at most `maxEntries` values (and, if given, `maxWeight` in total
 * as `weigh` counts it). For results whose key says everything they depend on, so an entry is
 * never stale, only evicted.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private weight = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly weigh: (value: V) => number = () => 0,
    private readonly maxWeight = Number.POSITIVE_INFINITY,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    const weight = this.weigh(value);
    if (weight > this.maxWeight) return;
    const old = this.entries.get(key);
    if (old) {
      this.weight -= old.weight;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, weight });
    this.weight += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.weight <= this.maxWeight) break;
      this.entries.delete(oldest);
      this.weight -= entry.weight;
    }
  }

  /** The cached value, or what `compute` makes of it (then cached). Concurrent misses share one computation. */
  async getOrCompute(key: string, compute: () => Promise<V>): Promise<{ value: V; hit: boolean }> {
    const cached = this.get(key);
    if (cached !== undefined) return { value: cached, hit: true };
    let running = this.inflight.get(key);
    if (!running) {
      running = compute().finally(() => this.inflight.delete(key));
      this.inflight.set(key, running);
    }
    const value = await running;
    this.set(key, value);
    return { value, hit: false };
  }

  private readonly inflight = new Map<string, Promise<V>>();
}
