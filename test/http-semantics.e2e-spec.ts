import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from './helpers/app';
import { onboardXml, uniqueDomain } from './helpers/engine-e2e';
import { buildWorld, type World } from './helpers/identity';
import { unique } from './helpers/unique';

/** What a curl user sees over a real socket: compression, CORS, 405 + Allow, Location, Retry-After, Link. */
describe('HTTP semantics over a real socket', () => {
  let t: TestApp;
  let w: World;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: 'https://console.example, https://ops.example' } });
    w = await buildWorld(t);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t?.close());

  const auth = () => ({ authorization: `Bearer ${w.hoster.admin.token}` });

  it('compresses large answers for clients that accept gzip, and not for others', async () => {
    const plain = await fetch(`${base}/docs-json`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const doc = await plain.text();
    // fetch would decompress transparently; read the raw gzip through a Node request instead.
    const zipped = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/docs-json', headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(doc.length / 3);
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(doc);
  });

  it('answers a CORS preflight only for the configured origins', async () => {
    const allowed = await fetch(`${base}/v1/orders`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://console.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://console.example');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    const got = await fetch(`${base}/v1/me`, { headers: { origin: 'https://ops.example', ...auth() } });
    expect(got.status).toBe(200);
    expect(got.headers.get('access-control-allow-origin')).toBe('https://ops.example');
    expect(got.headers.get('access-control-expose-headers')).toContain('Location');
    const other = await fetch(`${base}/v1/me`, { headers: { origin: 'https://evil.example', ...auth() } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends no CORS headers when CORS_ORIGINS is unset (the default)', async () => {
    const plain = await startTestApp({ db: t.db });
    try {
      const res = await plain.get('/v1/me', { token: w.hoster.admin.token, headers: { origin: 'https://console.example' } });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await plain.app.close();
      await plain.pool.end();
    }
  });

  it('answers 405 with Allow for a known path and a wrong method, 404 for an unknown path', async () => {
    const wrong = await fetch(`${base}/v1/orders`, { method: 'DELETE', headers: auth() });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(await wrong.json()).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
    const withParam = await fetch(`${base}/v1/users/usr_nobody`, { method: 'POST', headers: auth() });
    expect(withParam.status).toBe(405);
    expect(withParam.headers.get('allow')).toBe('GET, HEAD, PATCH, DELETE');
    const unknown = await fetch(`${base}/v1/nothing-here`, { method: 'DELETE', headers: auth() });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('allow')).toBeNull();
  });

  it('sets Location on a 201 to where the created resource can be read', async () => {
    const res = await fetch(`${base}/v1/organizations`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'reseller', name: unique('Located '), admin: { username: unique('loc'), displayName: 'Located admin' } }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { organization: { id: string } };
    const location = res.headers.get('location');
    expect(location).toBe(`/v1/organizations/${body.organization.id}`);
    const read = await fetch(`${base}${location}`, { headers: auth() });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { id: string }).id).toBe(body.organization.id);
  });

  it('sets Retry-After on a 202', async () => {
    const res = await fetch(`${base}/v1/provisioning/requests?organization=${w.c1.orgId}`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/xml' },
      body: onboardXml(w.c1.orgId, uniqueDomain()),
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.headers.get('location')).toMatch(/^\/v1\/provisioning\/runs\//);
  });

  it('links a page to the next one (RFC 8288) and the last page to none', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/v1/organizations?limit=2';
    let pages = 0;
    while (url) {
      const res: Response = await fetch(`${base}${url}`, { headers: auth() });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((o) => o.id));
      const link: string | null = res.headers.get('link');
      if (page.nextCursor) {
        expect(link).toMatch(/^<\/v1\/organizations\?limit=2&cursor=[^>]+>; rel="next"$/);
        url = /^<([^>]+)>/.exec(link!)![1];
      } else {
        expect(link).toBeNull();
        url = undefined;
      }
      pages++;
    }
    expect(pages).toBeGreaterThan(1);
    const all = await fetch(`${base}/v1/organizations?limit=100`, { headers: auth() });
    const ids = ((await all.json()) as { items: { id: string }[] }).items.map((o) => o.id);
    expect(seen).toEqual(ids);
  });
});
