import { late } from './late';
import { StackOptions, startStack, TestStack } from './stack';

/**
 * The set-up every end-to-end file shares: a private stack (own database, own task queue, the
 * real API and worker) started before the file's tests and stopped after them. Call it at the top
 * of a `describe`; the stack it returns is usable inside tests and hooks. Options may be a
 * function, for files whose own `beforeAll` (declared before this call) starts servers first.
 *
 *   const stack = useStack({ env: { ACCESS_TOKEN_TTL_SECONDS: '5' } });
 *   const scenario = new Scenario(stack);
 *
 * Hooks run in the order they are declared: a file's own `beforeAll` after this call finds the
 * stack started, and its own `afterAll` runs after the stack has stopped.
 */
export function useStack(options: StackOptions | (() => StackOptions) = {}): TestStack {
  const stack = late<TestStack>('the test stack');
  beforeAll(async () => {
    stack.set(await startStack(typeof options === 'function' ? options() : options));
  });
  afterAll(async () => {
    await stack.get()?.stop();
  });
  return stack.value;
}
