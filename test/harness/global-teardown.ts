/** Stops what global-setup started, once the last project using it is done. */
export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.__inspectorateTestStack;
  if (!stack) return;
  stack.refs -= 1;
  if (stack.refs > 0) return;
  globalThis.__inspectorateTestStack = undefined;
  await stack.stop();
}
