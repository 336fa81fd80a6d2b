import { CATALOG_CACHE_MS } from '../src/catalog/catalog-cache';
import type { TestApp } from './helpers/app';
import { twoApiProcessesWithWorld } from './helpers/identity';
import { notifiedWithin } from './helpers/notified';

/**
 * Two API processes on one database, each caching plan lists: a change is seen at once by the
 * process that made it, through NOTIFY by the other (well inside the cache's bound), also when made
 * in SQL behind both; and a cached list never shows one viewer what only another may see.
 */
describe('plan list cache across API processes', () => {
  const env = twoApiProcessesWithWorld();

  const names = async (app: TestApp, token: string) => {
    const res = await app.get('/v1/plans?limit=200', { token });
    expect(res.status).toBe(200);
    return res.body.items.map((p: any) => `${p.name}:${p.status}`) as string[];
  };

  /** Polls until `check` holds; it must hold well before a cached list would have expired. */
  async function soon(app: TestApp, token: string, check: (names: string[]) => boolean): Promise<void> {
    expect(check(await notifiedWithin(CATALOG_CACHE_MS, () => names(app, token), check))).toBe(true);
  }

  it('a new plan is listed at once by the process that made it, soon by the other', async () => {
    const hoster = env.w.hoster.admin.token;
    const before = await names(env.b, hoster);
    await names(env.a, hoster); // both cached now
    const created = await env.a.post(
      '/v1/plans',
      { kind: 'user', name: 'cache-probe', displayName: 'Cache probe', services: ['directory', 'exchange'] },
      { token: hoster },
    );
    expect(created.status).toBe(201);
    expect(await names(env.a, hoster)).toContain('cache-probe:draft');
    await soon(env.b, hoster, (n) => n.includes('cache-probe:draft'));
    expect((await names(env.b, hoster)).length).toBe(before.length + 1);

    // Publishing in b: seen at once there, soon in a.
    expect((await env.b.post(`/v1/plans/${created.body.id}/publish`, {}, { token: hoster })).status).toBe(200);
    expect(await names(env.b, hoster)).toContain('cache-probe:published');
    await soon(env.a, hoster, (n) => n.includes('cache-probe:published'));
  });

  it('a change made in SQL, behind both processes, reaches both', async () => {
    const hoster = env.w.hoster.admin.token;
    await names(env.a, hoster);
    await names(env.b, hoster);
    await env.a.pool.query(`UPDATE plans SET status = 'retired', retired_at = now() WHERE name = 'cache-probe'`);
    await soon(env.a, hoster, (n) => n.includes('cache-probe:retired'));
    await soon(env.b, hoster, (n) => n.includes('cache-probe:retired'));
  });

  it('keeps each viewer to its own list: a hoster draft never reaches a reseller or a customer', async () => {
    const draft = await env.a.post(
      '/v1/plans',
      { kind: 'user', name: 'hoster-only-draft', displayName: 'Hoster only', services: ['directory', 'exchange'] },
      { token: env.w.hoster.admin.token },
    );
    expect(draft.status).toBe(201);
    expect(await names(env.a, env.w.hoster.admin.token)).toContain('hoster-only-draft:draft');
    for (const token of [env.w.r1.admin.token, env.w.c1.admin.token]) {
      expect((await names(env.a, token)).some((n) => n.startsWith('hoster-only-draft'))).toBe(false);
      expect((await names(env.a, token)).some((n) => n.startsWith('hoster-only-draft'))).toBe(false); // from the cache
    }
  });
});
