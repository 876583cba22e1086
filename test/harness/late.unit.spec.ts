import { late } from './late';

/** The stand-in that useStack and useBrowserStack hand out before their beforeAll has run. */
describe('late(): a value named before it exists', () => {
  class Counter {
    #count = 0;
    readonly label = 'counter';
    increment(): number {
      this.#count += 1;
      return this.#count;
    }
  }

  it('says plainly that it is used before it started', () => {
    const { value } = late<Counter>('the counter');
    expect(() => value.label).toThrow('the counter is not started: use it inside tests and hooks (it starts in beforeAll)');
  });

  it('forwards properties, destructuring and methods (bound, so private fields work) once set', () => {
    const holder = late<Counter>('the counter');
    holder.set(new Counter());
    const { label, increment } = holder.value;
    expect(label).toBe('counter');
    expect(increment()).toBe(1);
    expect(holder.value.increment()).toBe(2);
    expect('label' in holder.value).toBe(true);
  });

  it('is not mistaken for a promise, so awaiting it does not start it', async () => {
    const { value } = late<Counter>('the counter');
    await expect(Promise.resolve(value)).resolves.toBe(value);
  });
});
