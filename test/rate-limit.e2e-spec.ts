import { randomBytes } from 'node:crypto';
import { startTestApp, type TestApp, type TestResponse } from './helpers/app';
import { type Actor, bootstrapHoster, createReseller } from './helpers/identity';

/** Issue 14, item 6: made-up tokens are limited per client address, valid tokens per token. */
describe('rate limits', () => {
  let t: TestApp;
  let hoster: Actor;
  let reseller: Actor;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_MAX: '8', RATE_LIMIT_ADDRESS_MAX: '10', RATE_LIMIT_WINDOW: '1m' } });
    hoster = await bootstrapHoster(t);
    reseller = await createReseller(t, hoster.token);
    // Known valid from now on: it passes its address even when made-up tokens exhausted it.
    expect((await t.get('/v1/me', { token: reseller.token })).status).toBe(200);
  });
  afterAll(() => t.close());

  const fake = () => `pvs_${randomBytes(32).toString('base64url')}`;

  function expectRefused(r: TestResponse, policy: string) {
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('RATE_LIMITED');
    expect(String(r.headers['content-type'])).toContain('application/problem+json');
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect(r.headers['ratelimit-policy']).toBe(`"${policy}";q=${policy === 'address' ? 10 : 8};w=60`);
    expect(r.headers['ratelimit']).toMatch(new RegExp(`^"${policy}";r=0;t=\\d+$`));
  }

  it('answers 429 to a flood of fresh made-up bearer tokens from one address, before looking them up', async () => {
    expect((await t.get('/v1/me', { token: hoster.token })).status).toBe(200);
    const answers = await Promise.all(Array.from({ length: 40 }, () => t.get('/v1/me', { token: fake() })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expectRefused(
      answers.find((a) => a.status === 429)!,
      'address',
    );
    expect(Object.keys(answers[0].headers).filter((h) => h.startsWith('x-ratelimit'))).toEqual([]);
    // Anonymous requests from that address share its budget.
    expectRefused(await t.get('/v1/me'), 'address');
    // Health checks are never limited.
    for (let i = 0; i < 3; i++) expect((await t.get('/health/live')).status).toBe(200);
  });

  it('keeps serving valid tokens from that address, each on a budget of its own', async () => {
    const ok = await t.get('/v1/me', { token: hoster.token });
    expect(ok.status).toBe(200);
    expect(ok.headers['ratelimit-policy']).toBe('"token";q=8;w=60');
    expect(ok.headers['ratelimit']).toMatch(/^"token";r=\d+;t=\d+$/);
    let last = ok;
    for (let i = 0; i < 10 && last.status === 200; i++) last = await t.get('/v1/me', { token: hoster.token });
    expectRefused(last, 'token');
    // Another token (that authenticated before the flood) is not affected by the hoster's.
    expect((await t.get('/v1/me', { token: reseller.token })).status).toBe(200);
  });
});
