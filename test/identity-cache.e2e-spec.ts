import { PrincipalCache, PRINCIPAL_CACHE_MS } from '../src/identity/principal-cache';
import type { TestApp } from './helpers/app';
import { twoApiProcessesWithWorld } from './helpers/identity';
import { notifiedWithin } from './helpers/notified';

/**
 * Two API processes on one database: each caches resolved tokens for at most 5 s, and a change
 * made through either (or behind both, in SQL) reaches the other through NOTIFY.
 */
describe('token resolution cache across API processes', () => {
  const env = twoApiProcessesWithWorld();

  /**
   * Polls until the token is refused. The answer comes through the NOTIFY, not the 5 s expiry of
   * the cached entry: refused within half the bound (the entry was cached just before the change).
   */
  async function until401(app: TestApp, token: string): Promise<{ status: number; code: string }> {
    const res = await notifiedWithin(
      PRINCIPAL_CACHE_MS,
      () => app.get('/v1/me', { token }),
      (r) => r.status === 401 || r.status === 403,
    );
    return { status: res.status, code: res.body.code };
  }

  it('a token revoked in one process stops working in the other', async () => {
    const created = await env.a.post('/v1/tokens', { name: 'cached' }, { token: env.w.c1.admin.token });
    expect((await env.b.get('/v1/me', { token: created.body.token })).status).toBe(200);
    expect((await env.b.get('/v1/me', { token: created.body.token })).status).toBe(200);
    expect((await env.a.request('DELETE', `/v1/tokens/${created.body.id}`, { token: env.w.c1.admin.token })).status).toBe(200);
    // In the process that revoked it: at once.
    expect((await env.a.get('/v1/me', { token: created.body.token })).status).toBe(401);
    // In the other: as soon as the notification arrives, and never later than the 5 s bound.
    expect(await until401(env.b, created.body.token)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
  });

  it('a delegation revoked by the customer ends its delegated tokens everywhere', async () => {
    const d = await env.a.post('/v1/delegations', { customerId: env.w.c2.orgId, roles: ['org_csr'], duration: '1d' }, { token: env.w.r1.admin.token });
    await env.a.post(`/v1/delegations/${d.body.id}/approve`, {}, { token: env.w.c2.admin.token });
    const tok = await env.a.post(`/v1/delegations/${d.body.id}/tokens`, {}, { token: env.w.r1.admin.token });
    expect((await env.b.get('/v1/me', { token: tok.body.token })).status).toBe(200);
    expect((await env.a.post(`/v1/delegations/${d.body.id}/revoke`, { reason: 'done' }, { token: env.w.c2.admin.token })).status).toBe(200);
    expect(await until401(env.b, tok.body.token)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
  });

  it('a change made in SQL, behind every process, reaches the caches too', async () => {
    const created = await env.a.post('/v1/tokens', { name: 'sql' }, { token: env.w.c1.admin.token });
    expect((await env.b.get('/v1/me', { token: created.body.token })).status).toBe(200);
    await env.a.pool.query(`UPDATE tokens SET revoked_at = now() WHERE id = $1`, [created.body.id]);
    expect(await until401(env.b, created.body.token)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
    expect(await until401(env.a, created.body.token)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
  });

  it('an organization suspended in one process locks its users out of the other', async () => {
    expect((await env.b.get('/v1/me', { token: env.w.c2.admin.token })).status).toBe(200);
    expect((await env.a.post(`/v1/organizations/${env.w.c2.orgId}/suspend`, { reason: 'unpaid' }, { token: env.w.hoster.admin.token })).status).toBe(200);
    expect(await until401(env.b, env.w.c2.admin.token)).toEqual({ status: 403, code: 'ORGANIZATION_SUSPENDED' });
    await env.a.post(`/v1/organizations/${env.w.c2.orgId}/resume`, {}, { token: env.w.hoster.admin.token });
  });

  it('never keeps an entry past the 5 s bound', () => {
    const cache = env.b.app.get(PrincipalCache);
    const p: any = { tokenId: 'tok_x' };
    cache.set('h', p, Number.POSITIVE_INFINITY, 1_000);
    expect(cache.get('h', 1_000 + PRINCIPAL_CACHE_MS - 1)).toBe(p);
    expect(cache.get('h', 1_000 + PRINCIPAL_CACHE_MS)).toBeUndefined();
    cache.set('h', p, 2_000, 1_000);
    expect(cache.get('h', 2_000)).toBeUndefined();
  });
});
