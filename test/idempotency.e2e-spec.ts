import { startTestApp, type TestApp } from './helpers/app';
import { bootstrapHoster, type Actor } from './helpers/identity';

describe('Idempotency-Key on creating POSTs', () => {
  let t: TestApp;
  let admin: Actor;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bootstrapHoster(t);
  });
  afterAll(() => t.close());

  const count = async (table: string) => Number((await t.pool.query(`SELECT count(*) FROM ${table}`)).rows[0].count);

  it('replays the first answer for the same key and body, refuses another body, and creates one resource', async () => {
    const headers = { 'idempotency-key': 'create-fabrikam' };
    const body = { kind: 'reseller', name: 'Fabrikam' };
    const before = await count('organizations');
    const first = await t.post('/v1/organizations', body, { token: admin.token, headers });
    expect(first.status).toBe(201);
    const again = await t.post('/v1/organizations', body, { token: admin.token, headers });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await count('organizations')).toBe(before + 1);
    const other = await t.post('/v1/organizations', { ...body, name: 'Fabrikam 2' }, { token: admin.token, headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count('organizations')).toBe(before + 1);
  });

  it('keys are per principal: another caller may use the same key', async () => {
    const headers = { 'idempotency-key': 'same-key' };
    const a = await t.post('/v1/organizations', { kind: 'reseller', name: 'Per Principal A' }, { token: admin.token, headers });
    const csr = await t.post(
      `/v1/organizations/${admin.orgId}/users`,
      { username: 'csr.one', displayName: 'CSR', roles: ['hoster_csr'] },
      { token: admin.token },
    );
    const tok = await t.post(`/v1/users/${csr.body.id}/tokens`, {}, { token: admin.token });
    const b = await t.post('/v1/organizations', { kind: 'reseller', name: 'Per Principal B' }, { token: tok.body.token, headers });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.organization.id).not.toBe(b.body.organization.id);
  });

  it('keeps an answer that carries a secret sealed: a retry with the same key and body gets it again, not a conflict', async () => {
    const headers = { 'idempotency-key': 'with-admin' };
    const body = { kind: 'reseller', name: 'Secretive', admin: { username: 'secretive.admin', displayName: 'S' } };
    const before = await count('organizations');
    const first = await t.post('/v1/organizations', body, { token: admin.token, headers });
    expect(first.status).toBe(201);
    const secret = first.body.admin.token.token as string;
    // The database holds no readable secret.
    const stored = await t.pool.query(`SELECT response_body::text AS b FROM idempotency_keys`);
    expect(stored.rows.map((r) => r.b).join('')).not.toContain(secret);
    expect(stored.rows.map((r) => r.b).join('')).not.toContain(secret.slice(4, 24));
    const again = await t.post('/v1/organizations', body, { token: admin.token, headers });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await count('organizations')).toBe(before + 1);
    // The replayed admin token works: the client can go on.
    expect((await t.get('/v1/me', { token: secret })).status).toBe(200);
    // A token issue retried likewise answers the same token, once minted.
    const tokenHeaders = { 'idempotency-key': 'issue-token-1' };
    const minted = await t.post('/v1/tokens', { name: 'ci' }, { token: admin.token, headers: tokenHeaders });
    expect(minted.status).toBe(201);
    const minted2 = await t.post('/v1/tokens', { name: 'ci' }, { token: admin.token, headers: tokenHeaders });
    expect(minted2.status).toBe(201);
    expect(minted2.body).toEqual(minted.body);
  });

  it('fingerprints the query string: the same key and body on another ?organization= is refused, not replayed', async () => {
    const reseller = await t.post('/v1/organizations', { kind: 'reseller', name: 'Query Co' }, { token: admin.token });
    expect(reseller.status).toBe(201);
    const xml = `<request xmlns="urn:provisio:request:1"><data><zone name="query.example"><record name="www" type="A" value="203.0.113.9"/></zone></data><call namespace="Hosted DNS" procedure="AddRecords"/></request>`;
    const headers = { 'idempotency-key': 'query-1' };
    const send = (organization?: string) =>
      t.request('POST', '/v1/provisioning/requests', {
        token: admin.token,
        raw: xml,
        contentType: 'application/xml',
        headers,
        query: organization ? { organization } : undefined,
      });
    const first = await send();
    expect(first.status).toBe(202);
    const other = await send(reseller.body.organization.id);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('replays a submitted provisioning request with its Location', async () => {
    const xml = `<request xmlns="urn:provisio:request:1"><data><zone name="idem.example"><record name="www" type="A" value="203.0.113.1"/></zone></data><call namespace="Hosted DNS" procedure="AddRecords"/></request>`;
    const headers = { 'idempotency-key': 'req-1' };
    const first = await t.request('POST', '/v1/provisioning/requests', { token: admin.token, raw: xml, contentType: 'application/xml', headers });
    expect(first.status).toBe(202);
    const again = await t.request('POST', '/v1/provisioning/requests', { token: admin.token, raw: xml, contentType: 'application/xml', headers });
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.location).toBe(first.headers.location);
    expect(await count('provisioning_runs')).toBe(2);
  });
});
