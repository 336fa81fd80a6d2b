/**
 * For caches kept right by NOTIFY: polls `probe` every 25 ms until `done` holds (or the cache's
 * bound plus 2 s passed), then requires that it held within half the bound, i.e. that the change
 * arrived through the notification and not through the expiry of a cached entry. Returns the last
 * probe.
 */
export async function notifiedWithin<T>(boundMs: number, probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() - start > boundMs + 2_000) {
      expect(Date.now() - start).toBeLessThan(boundMs / 2);
      return value;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
