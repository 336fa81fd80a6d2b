import { inTransaction } from '../../src/database/sql';
import { bootstrapInstallation } from '../../src/identity/bootstrap';
import type { Role } from '../../src/access/permissions';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './app';
import { unique } from './unique';

export interface Actor {
  userId: string;
  orgId: string;
  token: string;
}

function expectStatus(res: { status: number; text: string }, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text}`);
}

/** Creates the hoster organization and its admin (as first start does); returns the admin token. */
export async function bootstrapHoster(t: TestApp): Promise<Actor> {
  const ds = t.app.get(DataSource);
  const r = await inTransaction(ds, (sql) => bootstrapInstallation(sql, { tokenTtlMs: 86_400_000 }));
  if (!r.created) throw new Error('hoster already bootstrapped in this database');
  return { userId: r.adminUserId!, orgId: r.hosterId, token: r.token! };
}

/** A reseller with its first admin (reseller_admin), created by hoster staff. */
export async function createReseller(t: TestApp, hosterToken: string, name = unique('Reseller ')): Promise<Actor> {
  const res = await t.post(
    '/v1/organizations',
    { kind: 'reseller', name, admin: { username: unique('radm'), displayName: `${name} admin` } },
    { token: hosterToken },
  );
  expectStatus(res, 201, 'create reseller');
  return { userId: res.body.admin.id, orgId: res.body.organization.id, token: res.body.admin.token.token };
}

/** A customer with its first org_admin; optionally a delegation approved at creation. */
export async function createCustomer(
  t: TestApp,
  token: string,
  opts: { parentId?: string; name?: string; delegation?: { roles: Role[]; duration: string } } = {},
): Promise<Actor & { delegationId?: string }> {
  const name = opts.name ?? unique('Customer ');
  const res = await t.post(
    '/v1/organizations',
    { kind: 'customer', name, parentId: opts.parentId, admin: { username: unique('cadm'), displayName: `${name} admin` }, delegation: opts.delegation },
    { token },
  );
  expectStatus(res, 201, 'create customer');
  return { userId: res.body.admin.id, orgId: res.body.organization.id, token: res.body.admin.token.token, delegationId: res.body.delegationId };
}

/** A user with the given roles in an organization, and a token for it, created by `adminToken`. */
export async function createUser(t: TestApp, adminToken: string, orgId: string, roles: Role[]): Promise<Actor> {
  const created = await t.post(
    `/v1/organizations/${orgId}/users`,
    { username: unique('u'), displayName: `User with ${roles.join('+')}`, roles },
    { token: adminToken },
  );
  expectStatus(created, 201, `create ${roles.join('+')} user`);
  const tok = await t.post(`/v1/users/${created.body.id}/tokens`, {}, { token: adminToken });
  expectStatus(tok, 201, 'issue token');
  return { userId: created.body.id, orgId, token: tok.body.token };
}

/** Reseller requests a delegation, the customer admin approves, the reseller gets a delegated token. */
export async function delegate(
  t: TestApp,
  reseller: Actor,
  customer: Actor,
  roles: Role[] = ['org_admin'],
  duration = '30d',
): Promise<{ delegationId: string; token: string }> {
  const req = await t.post('/v1/delegations', { customerId: customer.orgId, roles, duration }, { token: reseller.token });
  expectStatus(req, 201, 'request delegation');
  const ok = await t.post(`/v1/delegations/${req.body.id}/approve`, {}, { token: customer.token });
  expectStatus(ok, 200, 'approve delegation');
  const tok = await t.post(`/v1/delegations/${req.body.id}/tokens`, {}, { token: reseller.token });
  expectStatus(tok, 201, 'delegated token');
  return { delegationId: req.body.id, token: tok.body.token };
}

/**
 * A standard tenant tree with one token per role:
 * hoster (admin, csr, auditor) → reseller R1 (admin, csr, auditor) → customers C1 (org_admin,
 * org_csr, end_user, auditor) and C2; reseller R2 → customer C3. R1 holds an approved delegation
 * on C1 (org_admin + org_csr + auditor) and a delegated org_admin token.
 */
export interface World {
  hoster: { admin: Actor; csr: Actor; auditor: Actor; orgId: string };
  r1: { admin: Actor; csr: Actor; auditor: Actor; orgId: string };
  c1: { admin: Actor; csr: Actor; endUser: Actor; auditor: Actor; orgId: string };
  c2: { admin: Actor; orgId: string };
  r2: { admin: Actor; orgId: string };
  c3: { admin: Actor; orgId: string };
  delegation: { id: string; token: string };
}

export async function buildWorld(t: TestApp): Promise<World> {
  const admin = await bootstrapHoster(t);
  const hCsr = await createUser(t, admin.token, admin.orgId, ['hoster_csr']);
  const hAud = await createUser(t, admin.token, admin.orgId, ['auditor']);
  const r1Admin = await createReseller(t, admin.token);
  const r1Csr = await createUser(t, r1Admin.token, r1Admin.orgId, ['reseller_csr']);
  const r1Aud = await createUser(t, r1Admin.token, r1Admin.orgId, ['auditor']);
  const c1Admin = await createCustomer(t, r1Admin.token);
  const c1Csr = await createUser(t, c1Admin.token, c1Admin.orgId, ['org_csr']);
  const c1End = await createUser(t, c1Admin.token, c1Admin.orgId, ['end_user']);
  const c1Aud = await createUser(t, c1Admin.token, c1Admin.orgId, ['auditor']);
  const c2Admin = await createCustomer(t, r1Admin.token);
  const r2Admin = await createReseller(t, admin.token);
  const c3Admin = await createCustomer(t, r2Admin.token);
  const d = await delegate(t, r1Admin, c1Admin, ['org_admin', 'org_csr', 'auditor']);
  return {
    hoster: { admin, csr: hCsr, auditor: hAud, orgId: admin.orgId },
    r1: { admin: r1Admin, csr: r1Csr, auditor: r1Aud, orgId: r1Admin.orgId },
    c1: { admin: c1Admin, csr: c1Csr, endUser: c1End, auditor: c1Aud, orgId: c1Admin.orgId },
    c2: { admin: c2Admin, orgId: c2Admin.orgId },
    r2: { admin: r2Admin, orgId: r2Admin.orgId },
    c3: { admin: c3Admin, orgId: c3Admin.orgId },
    delegation: { id: d.delegationId, token: d.token },
  };
}

/**
 * Two API processes on one database (what the caches and their NOTIFY are tested across), with a
 * world built through the first; started before the file's tests and stopped after them. The
 * fields are filled once `beforeAll` has run.
 */
export function twoApiProcessesWithWorld(): { a: TestApp; b: TestApp; w: World } {
  const env = {} as { a: TestApp; b: TestApp; w: World };
  beforeAll(async () => {
    env.a = await startTestApp();
    env.b = await startTestApp({ db: env.a.db });
    env.w = await buildWorld(env.a);
  });
  afterAll(async () => {
    await env.b?.close();
    await env.a?.close();
  });
  return env;
}
