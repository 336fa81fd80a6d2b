import ignore from 'ignore';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startTestApp, type TestApp } from './helpers/app';
import { type Actor, bootstrapHoster, createCustomer, createUser } from './helpers/identity';

/** Issue 14, item 7 (the parts outside identity): small things a careful user expects. */
describe('item 7: requests, preconditions, metrics', () => {
  let t: TestApp;
  let hoster: Actor;
  let customer: Actor;
  let user: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    hoster = await bootstrapHoster(t);
    customer = await createCustomer(t, hoster.token);
    user = await createUser(t, customer.token, customer.orgId, ['end_user']);
  });
  afterAll(() => t.close());

  const runCount = async () => Number((await t.pool.query('SELECT count(*) AS n FROM provisioning_runs')).rows[0].n);

  it('refuses a raw request whose procedure is empty, and makes no run', async () => {
    const before = await runCount();
    for (const xml of [
      '<request xmlns="urn:provisio:request:1"><procedure/></request>',
      '<request xmlns="urn:provisio:request:1"><procedure></procedure></request>',
    ]) {
      const r = await t.request('POST', '/v1/provisioning/requests', { raw: xml, contentType: 'application/xml', token: hoster.token });
      expect(r.status).toBe(422);
      expect(String(r.headers['content-type'])).toContain('application/problem+json');
      expect(r.body.code).toBe('REQUEST_INVALID');
    }
    expect(await runCount()).toBe(before);
  });

  it('answers If-Match with a weak ETag 412 (strong comparison) and changes nothing', async () => {
    const current = await t.get(`/v1/users/${user.userId}`, { token: customer.token });
    expect(current.status).toBe(200);
    const etag = String(current.headers.etag);
    expect(etag).toMatch(/^"\d+"$/);
    const weak = await t.request('PATCH', `/v1/users/${user.userId}`, {
      token: customer.token,
      headers: { 'if-match': `W/${etag}` },
      body: { displayName: 'Weakly matched' },
    });
    expect(weak.status).toBe(412);
    expect(weak.body.code).toBe('PRECONDITION_FAILED');
    expect((await t.get(`/v1/users/${user.userId}`, { token: customer.token })).body.displayName).toBe(current.body.displayName);
    const strong = await t.request('PATCH', `/v1/users/${user.userId}`, {
      token: customer.token,
      headers: { 'if-match': etag },
      body: { displayName: 'Strongly matched' },
    });
    expect(strong.status).toBe(200);
  });

  it('does not serve /metrics without METRICS_TOKEN or METRICS_PUBLIC', async () => {
    const r = await t.get('/metrics');
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('process_cpu');
    expect(r.body.detail).toContain('METRICS_TOKEN');
  });
});

describe('item 7: /metrics opened on purpose', () => {
  it('serves /metrics to the scrape token only, or to anyone with METRICS_PUBLIC=true', async () => {
    const withToken = await startTestApp({ env: { METRICS_TOKEN: 'scrape-secret-1234' } });
    try {
      expect((await withToken.get('/metrics')).status).toBe(401);
      expect((await withToken.get('/metrics', { token: 'scrape-secret-1234' })).status).toBe(200);
    } finally {
      await withToken.close();
    }
    const open = await startTestApp({ env: { METRICS_PUBLIC: 'true' } });
    try {
      expect((await open.get('/metrics')).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('item 7: docker build context', () => {
  const root = path.resolve(__dirname, '..');
  it.each(['docker/Dockerfile.dockerignore', '.dockerignore'])('%s keeps local state, secrets and installed files out of an image', (file) => {
    const ig = ignore().add(fs.readFileSync(path.join(root, file), 'utf8'));
    for (const p of [
      '.provisio/admin-token',
      '.provisio/pg/pg.json',
      'data/.provisio/audit-signing-key.pem',
      'node_modules/pg/package.json',
      'dist/src/main.js',
      '.env',
      '.git/config',
    ]) {
      expect({ p, ignored: ig.ignores(p) }).toEqual({ p, ignored: true });
    }
    for (const p of ['package.json', 'package-lock.json', 'src/main.ts', 'migrations/index.ts', 'bench/run.ts', 'tsconfig.build.json']) {
      expect({ p, ignored: ig.ignores(p) }).toEqual({ p, ignored: false });
    }
  });
});
