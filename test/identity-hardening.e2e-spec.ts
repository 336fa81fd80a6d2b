import type { Role } from '../src/access/permissions';
import { startTestApp, type TestApp } from './helpers/app';
import { buildWorld, createCustomer, createUser, delegate, type World } from './helpers/identity';
import { unique } from './helpers/unique';
import { waitFor } from './helpers/wait';

/**
 * Issue 14, identity: role changes under concurrency (item 4), what a delegation's end takes with
 * it (item 3), and two smaller holes (item 7): a delegated token reaching the reseller user's
 * personal tokens, and a reseller lifting the hoster's suspension.
 */
describe('identity hardening', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const sorted = (roles: Role[]) => [...roles].sort();

  /** The role events of a user in the order they were written (the row lock orders them). */
  async function roleEvents(userId: string): Promise<{ action: string; details: { role: Role; before: Role[]; after: Role[] } }[]> {
    const r = await t.pool.query(`SELECT action, details FROM audit_events WHERE resource_id = $1 AND action IN ('role.granted', 'role.revoked') ORDER BY id`, [
      userId,
    ]);
    return r.rows;
  }

  const grant = (userId: string, role: Role) => t.post(`/v1/users/${userId}/roles`, { role }, { token: w.c1.admin.token });
  const revoke = (userId: string, role: Role) => t.request('DELETE', `/v1/users/${userId}/roles`, { token: w.c1.admin.token, query: { role } });

  describe('role changes (item 4)', () => {
    it('10 parallel grants and 10 parallel revokes: every answer 200, and the audit trail chains before → after to the final roles', async () => {
      const u = await createUser(t, w.c1.admin.token, w.c1.orgId, ['end_user']);
      const calls = [];
      for (let i = 0; i < 10; i++) calls.push(grant(u.userId, 'auditor'), revoke(u.userId, 'auditor'));
      const answers = await Promise.all(calls);
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));

      const events = await roleEvents(u.userId);
      expect(events.length).toBeGreaterThan(0);
      let roles: Role[] = ['end_user'];
      for (const e of events) {
        // Each change starts from what the previous one left, and only a real change is recorded.
        expect(sorted(e.details.before)).toEqual(sorted(roles));
        expect(e.action).toBe(roles.includes('auditor') ? 'role.revoked' : 'role.granted');
        roles = e.details.after;
      }
      const final = await t.get(`/v1/users/${u.userId}`, { token: w.c1.admin.token });
      expect(sorted(final.body.roles)).toEqual(sorted(roles));
    });

    it('5 parallel grants of a role not yet held: all 200, one role.granted event; granting it again: 200, no event', async () => {
      const u = await createUser(t, w.c1.admin.token, w.c1.orgId, ['end_user']);
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => grant(u.userId, 'auditor')));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      for (const a of answers) expect(sorted(a.body.roles)).toEqual(['auditor', 'end_user']);
      expect((await roleEvents(u.userId)).map((e) => e.action)).toEqual(['role.granted']);

      const again = await grant(u.userId, 'auditor');
      expect(again.status).toBe(200);
      expect(sorted(again.body.roles)).toEqual(['auditor', 'end_user']);
      expect(await roleEvents(u.userId)).toHaveLength(1);
    });
  });

  describe('the end of a delegation (item 3)', () => {
    it('a token the reseller issued to a customer user through the delegation stops when the customer revokes it; the user stays', async () => {
      const customer = await createCustomer(t, w.r1.admin.token);
      const d = await delegate(t, w.r1.admin, customer, ['org_admin'], '1d');
      // Through the delegation: a new user, and a token asked to outlive the delegation.
      const user = await t.post(
        `/v1/organizations/${customer.orgId}/users`,
        { username: unique('dlg'), displayName: 'Made by the reseller', roles: ['org_csr'] },
        { token: d.token },
      );
      expect(user.status).toBe(201);
      const issued = await t.post(`/v1/users/${user.body.id}/tokens`, { expiresIn: '1y' }, { token: d.token });
      expect(issued.status).toBe(201);
      expect(issued.body.issuedUnderDelegationId).toBe(d.delegationId);
      const delegation = await t.get(`/v1/delegations?customerId=${customer.orgId}`, { token: customer.token });
      expect(issued.body.expiresAt).toBe(delegation.body.items[0].endsAt);
      expect((await t.get('/v1/me', { token: issued.body.token })).status).toBe(200);
      // A personal token with the delegated token: no.
      expect((await t.post('/v1/tokens', { name: 'mine' }, { token: d.token })).status).toBe(403);

      const revoked = await t.post(`/v1/delegations/${d.delegationId}/revoke`, { reason: 'we part ways' }, { token: customer.token });
      expect(revoked.status).toBe(200);
      const me = await t.get('/v1/me', { token: issued.body.token });
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('TOKEN_REVOKED');
      expect((await t.get('/v1/me', { token: d.token })).status).toBe(401);

      // The user is the customer's: still there, and its admin can give it a fresh token.
      const kept = await t.get(`/v1/users/${user.body.id}`, { token: customer.token });
      expect(kept.status).toBe(200);
      expect(kept.body.status).toBe('active');
      const fresh = await t.post(`/v1/users/${user.body.id}/tokens`, {}, { token: customer.token });
      expect(fresh.status).toBe(201);
      expect(fresh.body.issuedUnderDelegationId).toBeNull();
      expect((await t.get('/v1/me', { token: fresh.body.token })).status).toBe(200);

      const audit = await t.pool.query(`SELECT action, details FROM audit_events WHERE resource_id = ANY($1) ORDER BY id`, [[issued.body.id, d.delegationId]]);
      expect(audit.rows.find((e) => e.action === 'token.created')?.details).toMatchObject({ owner: user.body.id, issuedUnderDelegationId: d.delegationId });
      expect(audit.rows.find((e) => e.action === 'delegation.revoked')?.details).toMatchObject({ tokensRevoked: 1, issuedTokensRevoked: 1 });
    });

    it('when the delegation runs out, the tokens issued through it stop too', async () => {
      const customer = await createCustomer(t, w.r1.admin.token);
      const d = await delegate(t, w.r1.admin, customer, ['org_admin'], '1d');
      const csr = await t.post(
        `/v1/organizations/${customer.orgId}/users`,
        { username: unique('csr'), displayName: 'CSR', roles: ['org_csr'] },
        { token: customer.token },
      );
      const tok = await t.post(`/v1/users/${csr.body.id}/tokens`, {}, { token: d.token });
      expect(tok.status).toBe(201);
      expect((await t.get('/v1/me', { token: tok.body.token })).status).toBe(200);
      // The delegation's end moved into the past (the token's own expiry still lies ahead).
      await t.pool.query(`UPDATE delegations SET ends_at = now() - interval '1 second' WHERE id = $1`, [d.delegationId]);
      // The token was just resolved and cached: the change reaches the cache through NOTIFY.
      const me = await waitFor(async () => {
        const r = await t.get('/v1/me', { token: tok.body.token });
        return r.status !== 200 && r;
      }, 'the token to stop working');
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('TOKEN_EXPIRED');
      expect(me.body.detail).toMatch(/delegation this token was issued under has ended/);
    });
  });

  describe('smaller holes (item 7)', () => {
    it("a delegated token neither lists nor revokes the reseller user's personal tokens", async () => {
      const personal = await t.post('/v1/tokens', { name: 'personal' }, { token: w.r1.admin.token });
      expect(personal.status).toBe(201);
      const listed = await t.get('/v1/tokens', { token: w.delegation.token });
      expect(listed.status).toBe(200);
      expect(listed.body.items.length).toBeGreaterThan(0);
      for (const item of listed.body.items) expect(item.delegationId).toBe(w.delegation.id);
      expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(personal.body.id);

      const refused = await t.request('DELETE', `/v1/tokens/${personal.body.id}`, { token: w.delegation.token });
      expect(refused.status).toBe(404);
      expect((await t.get('/v1/me', { token: personal.body.token })).status).toBe(200);
      // With its own token the reseller user still sees and revokes it.
      expect((await t.get('/v1/tokens', { token: w.r1.admin.token })).body.items.map((i: { id: string }) => i.id)).toContain(personal.body.id);
      expect((await t.request('DELETE', `/v1/tokens/${personal.body.id}`, { token: w.r1.admin.token })).status).toBe(200);
    });

    it('a reseller cannot resume a customer the hoster suspended; it can resume its own suspension', async () => {
      const customer = await createCustomer(t, w.r1.admin.token);
      const suspend = (token: string) => t.post(`/v1/organizations/${customer.orgId}/suspend`, { reason: 'unpaid' }, { token });
      const resume = (token: string) => t.post(`/v1/organizations/${customer.orgId}/resume`, {}, { token });

      expect((await suspend(w.hoster.admin.token)).status).toBe(200);
      const refused = await resume(w.r1.admin.token);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      expect((await t.get(`/v1/organizations/${customer.orgId}`, { token: w.hoster.admin.token })).body.status).toBe('suspended');
      expect((await t.get('/v1/me', { token: customer.token })).status).toBe(403);
      expect((await resume(w.hoster.admin.token)).status).toBe(200);

      expect((await suspend(w.r1.admin.token)).status).toBe(200);
      expect((await resume(w.r1.admin.token)).status).toBe(200);
      expect((await t.get('/v1/me', { token: customer.token })).status).toBe(200);
    });
  });
});
