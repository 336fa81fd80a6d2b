/**
 * The one way tests wait for something to become true: poll `fn` until it returns a truthy value
 * (no fixed sleeps). An error thrown by `fn` counts as "not yet" (a server still starting refuses
 * connections); the timeout's message names `what` and the last error.
 */
export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 20_000, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v as T;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
