import pino from 'pino';
import { NotifiedCache } from './notified-cache';
import type { PgListener } from './pg-listener';

/** A listener that is connected at once and lets the test fire the channel's notification. */
function fakeListener() {
  const handlers: ((payload: string) => void)[] = [];
  const listener = {
    connected: true,
    onState: () => undefined,
    listen: async (_channel: string, h: (payload: string) => void) => void handlers.push(h),
  } as unknown as PgListener;
  return { listener, notify: () => handlers.forEach((h) => h('')) };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('NotifiedCache.shared', () => {
  async function started() {
    const { listener, notify } = fakeListener();
    const cache = new NotifiedCache<string>(listener, { channel: 'c', ttlMs: 5_000, maxEntries: 10, log: pino({ level: 'silent' }) });
    cache.start();
    await Promise.resolve();
    return { cache, notify };
  }

  it('runs one computation for callers that ask for the same key while it runs', async () => {
    const { cache } = await started();
    const d = deferred<string>();
    let runs = 0;
    const compute = () => (runs++, d.promise);
    const answers = Promise.all([cache.shared('k', compute), cache.shared('k', compute), cache.shared('k', compute)]);
    const other = cache.shared('other', async () => (runs++, 'o'));
    d.resolve('v');
    expect(await answers).toEqual(['v', 'v', 'v']);
    expect(await other).toBe('o');
    expect(runs).toBe(2);
    // Done: the next miss computes again (shared() stores nothing).
    expect(await cache.shared('k', async () => (runs++, 'w'))).toBe('w');
    expect(runs).toBe(3);
  });

  it('does not hand a computation started before a change to a caller arriving after it', async () => {
    const { cache, notify } = await started();
    const before = deferred<string>();
    const first = cache.shared('k', () => before.promise);
    notify();
    const second = cache.shared('k', async () => 'after the change');
    before.resolve('before the change');
    expect(await first).toBe('before the change');
    expect(await second).toBe('after the change');
  });

  it('shares a failure with the callers waiting for it, then forgets it', async () => {
    const { cache } = await started();
    const d = deferred<string>();
    const a = cache.shared('k', () => d.promise);
    const b = cache.shared('k', () => d.promise);
    d.reject(new Error('database down'));
    await expect(a).rejects.toThrow('database down');
    await expect(b).rejects.toThrow('database down');
    expect(await cache.shared('k', async () => 'back')).toBe('back');
  });
});
