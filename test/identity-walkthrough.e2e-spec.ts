import { DataSource } from 'typeorm';
import { auditHash, auditRecordFromRow, GENESIS_HASH } from '../src/audit/audit-hash';
import { sealWithDataSource } from '../src/audit/audit-sealer';
import { startTestApp, type TestApp } from './helpers/app';
import { bootstrapHoster } from './helpers/identity';

/**
 * What a new operator does with only the bootstrap token: a reseller, its customer, a delegation
 * the customer approves, a delegated token that creates a user inside the customer, then the
 * customer revokes and the token stops working. The audit table tells the whole story.
 */
describe('identity walkthrough: reseller, customer, delegation, revocation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('works end to end and leaves a verifiable audit trail', async () => {
    const hoster = await bootstrapHoster(t);

    const me = await t.get('/v1/me', { token: hoster.token });
    expect(me.status).toBe(200);
    expect(me.body.roles).toEqual(['hoster_admin']);
    expect(me.body.organization.kind).toBe('hoster');

    // The hoster creates a reseller with its first admin.
    const reseller = await t.post(
      '/v1/organizations',
      { kind: 'reseller', name: 'Fabrikam Hosting', admin: { username: 'fab.admin', displayName: 'Fab Admin', email: 'admin@fabrikam.example' } },
      { token: hoster.token },
    );
    expect(reseller.status).toBe(201);
    const resellerToken: string = reseller.body.admin.token.token;
    expect(resellerToken).toMatch(/^pvs_[0-9A-Za-z]{43}$/);
    expect(reseller.body.admin.roles).toEqual(['reseller_admin']);

    // The reseller creates a customer with its first org_admin.
    const customer = await t.post(
      '/v1/organizations',
      { kind: 'customer', name: 'Contoso', admin: { username: 'contoso.admin', displayName: 'Contoso Admin' } },
      { token: resellerToken },
    );
    expect(customer.status).toBe(201);
    expect(customer.body.organization.parentId).toBe(reseller.body.organization.id);
    const customerId: string = customer.body.organization.id;
    const customerToken: string = customer.body.admin.token.token;

    // Without a delegation the reseller cannot act inside its customer.
    const blocked = await t.post(`/v1/organizations/${customerId}/users`, { username: 'sneaky', displayName: 'Sneaky' }, { token: resellerToken });
    expect(blocked.status).toBe(404);
    // ...but it can see that the customer exists.
    expect((await t.get(`/v1/organizations/${customerId}`, { token: resellerToken })).status).toBe(200);

    // Delegation: requested by the reseller, pending until the customer approves.
    const requested = await t.post('/v1/delegations', { customerId, roles: ['org_admin'], duration: '30d', note: 'onboarding' }, { token: resellerToken });
    expect(requested.status).toBe(201);
    expect(requested.body.status).toBe('pending');
    const early = await t.post(`/v1/delegations/${requested.body.id}/tokens`, {}, { token: resellerToken });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('DELEGATION_NOT_ACTIVE');
    // The reseller cannot approve its own request.
    expect((await t.post(`/v1/delegations/${requested.body.id}/approve`, {}, { token: resellerToken })).status).toBe(403);

    const approved = await t.post(`/v1/delegations/${requested.body.id}/approve`, {}, { token: customerToken });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('active');
    expect(new Date(approved.body.endsAt).getTime() - new Date(approved.body.startsAt).getTime()).toBe(30 * 86_400_000);

    // Delegated admin token: subject the customer, actor the reseller user, 1 h by default.
    const delegated = await t.post(`/v1/delegations/${requested.body.id}/tokens`, {}, { token: resellerToken });
    expect(delegated.status).toBe(201);
    expect(delegated.body.organizationId).toBe(customerId);
    expect(delegated.body.delegationId).toBe(requested.body.id);
    const ttl = new Date(delegated.body.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(59 * 60_000);
    expect(ttl).toBeLessThanOrEqual(60 * 60_000);
    const dtoken: string = delegated.body.token;

    const dme = await t.get('/v1/me', { token: dtoken });
    expect(dme.body.actingIn.id).toBe(customerId);
    expect(dme.body.user.id).toBe(reseller.body.admin.id);
    expect(dme.body.delegationId).toBe(requested.body.id);

    const created = await t.post(
      `/v1/organizations/${customerId}/users`,
      { username: 'ann.lee', displayName: 'Ann Lee', roles: ['end_user'] },
      { token: dtoken },
    );
    expect(created.status).toBe(201);
    expect(created.body.organizationId).toBe(customerId);

    // The delegated token acts in this customer only.
    const other = await t.post('/v1/organizations', { kind: 'customer', name: 'Other Co' }, { token: resellerToken });
    expect((await t.post(`/v1/organizations/${other.body.organization.id}/users`, { username: 'x.y', displayName: 'X' }, { token: dtoken })).status).toBe(404);

    // The customer revokes: the same delegated token is refused at once.
    const revoked = await t.post(`/v1/delegations/${requested.body.id}/revoke`, { reason: 'onboarding finished' }, { token: customerToken });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const after = await t.post(`/v1/organizations/${customerId}/users`, { username: 'late.user', displayName: 'Late' }, { token: dtoken });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('TOKEN_REVOKED');
    expect(after.headers['www-authenticate']).toContain('Bearer');

    // The audit trail: each step with its actor and, for the delegated action, onBehalfOf.
    await sealWithDataSource(t.app.get(DataSource));
    const events = (await t.pool.query('SELECT * FROM audit_events ORDER BY seq')).rows;
    const byAction = (a: string) => events.filter((e) => e.action === a);
    expect(byAction('delegation.requested')[0]).toMatchObject({
      actor_user_id: reseller.body.admin.id,
      organization_id: customerId,
      on_behalf_of_org_id: null,
    });
    expect(byAction('delegation.approved')[0]).toMatchObject({ actor_user_id: customer.body.admin.id, organization_id: customerId });
    expect(byAction('token.delegated_created')[0]).toMatchObject({
      actor_user_id: reseller.body.admin.id,
      on_behalf_of_org_id: customerId,
      delegation_id: requested.body.id,
    });
    const userCreated = byAction('user.created').find((e) => e.resource_id === created.body.id)!;
    expect(userCreated).toMatchObject({
      actor_user_id: reseller.body.admin.id,
      actor_org_id: reseller.body.organization.id,
      on_behalf_of_org_id: customerId,
      delegation_id: requested.body.id,
      token_id: delegated.body.id,
      outcome: 'success',
    });
    expect(userCreated.request_id).toBeTruthy();
    expect(byAction('delegation.revoked')[0]).toMatchObject({ actor_user_id: customer.body.admin.id });
    expect(byAction('delegation.revoked')[0].details.tokensRevoked).toBe(1);
    const denied = byAction('auth.denied');
    expect(denied.some((e) => e.token_id === delegated.body.id && e.details.reason === 'TOKEN_REVOKED')).toBe(true);
    expect(denied.some((e) => e.actor_user_id === reseller.body.admin.id && e.outcome === 'denied')).toBe(true);

    // The hash chain recomputes from the first event to the last.
    let prev = GENESIS_HASH;
    events.forEach((row, i) => {
      const rec = auditRecordFromRow(row);
      expect(rec.seq).toBe(i + 1);
      expect(rec.prevHash).toBe(prev);
      expect(auditHash(prev, rec)).toBe(rec.hash);
      prev = rec.hash;
    });

    // Only hashes are stored; no secret appears in any table or event.
    const tokens = (await t.pool.query('SELECT token_hash FROM tokens')).rows;
    expect(tokens.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    const dump = JSON.stringify((await t.pool.query('SELECT * FROM audit_events')).rows) + JSON.stringify((await t.pool.query('SELECT * FROM tokens')).rows);
    for (const secret of [hoster.token, resellerToken, customerToken, dtoken]) expect(dump).not.toContain(secret.slice(4));
  });
});
