import { principalIn, TREE, type TreeOrg } from '../../test/helpers/access-tree';
import type { Permission } from './permissions';
import { auditScope, planAudience, planAudienceOf, seesWholeInstallation, tenantScope } from './scope-rules';
import { scopeAllows } from './tenant-scope';
import type { Principal } from './principal';

const ALL = Object.keys(TREE) as TreeOrg[];

/** The organizations of the tree a principal reaches with a permission, by name. */
function reach(p: Principal, permission: Permission): TreeOrg[] {
  const scope = tenantScope(p, permission);
  return ALL.filter((name) => scopeAllows(scope, TREE[name]));
}

describe('tenant scope (ACCESS.md §2)', () => {
  it('gives hoster admins every organization, for reading and for changing', () => {
    const p = principalIn('hoster', ['hoster_admin']);
    expect(reach(p, 'organizations.read')).toEqual(ALL);
    expect(reach(p, 'organizations.write')).toEqual(ALL);
  });

  it('lets hoster CSRs read everywhere but change nothing of the hoster itself', () => {
    const p = principalIn('hoster', ['hoster_csr']);
    expect(reach(p, 'organizations.read')).toEqual(ALL);
    expect(reach(p, 'organizations.write')).toEqual(ALL.filter((o) => o !== 'hoster'));
    expect(reach(p, 'plans.write')).toEqual([]);
  });

  it("keeps reseller staff in their subtree, and out of their customers' data without a delegation", () => {
    const admin = principalIn('reseller1', ['reseller_admin']);
    expect(reach(admin, 'organizations.read')).toEqual(['reseller1', 'customer1', 'customer2']);
    expect(reach(admin, 'organizations.write')).toEqual(['reseller1', 'customer1', 'customer2']);
    expect(reach(admin, 'users.write')).toEqual(['reseller1']);
    expect(reach(admin, 'orders.create')).toEqual([]);
    expect(reach(principalIn('reseller1', ['reseller_csr']), 'users.read')).toEqual(['reseller1']);
    expect(reach(principalIn('reseller1', ['reseller_csr']), 'organizations.write')).toEqual([]);
  });

  it('confines organization roles to their organization, and a delegated token to its customer', () => {
    expect(reach(principalIn('customer1', ['org_admin']), 'users.write')).toEqual(['customer1']);
    expect(reach(principalIn('customer1', ['org_csr']), 'orders.read')).toEqual(['customer1']);
    expect(reach(principalIn('customer1', ['org_csr']), 'orders.create')).toEqual([]);
    expect(reach(principalIn('customer1', ['end_user']), 'me.read')).toEqual(['customer1']);
    expect(reach(principalIn('customer1', ['end_user']), 'users.read')).toEqual([]);
    const delegated = principalIn('reseller1', ['org_admin'], 'customer1');
    expect(reach(delegated, 'orders.create')).toEqual(['customer1']);
    expect(reach(delegated, 'organizations.read')).toEqual(['customer1']);
  });

  it('never lets reseller roles act through a delegated token', () => {
    expect(reach(principalIn('reseller1', ['reseller_admin', 'org_admin'], 'customer1'), 'organizations.read')).toEqual(['customer1']);
    expect(reach(principalIn('reseller1', ['reseller_admin'], 'customer1'), 'organizations.read')).toEqual([]);
  });

  it('gives auditors their subtree, read-only', () => {
    const p = principalIn('reseller1', ['auditor']);
    expect(reach(p, 'audit.read')).toEqual(['reseller1', 'customer1', 'customer2']);
    expect(reach(p, 'orders.read')).toEqual(['reseller1', 'customer1', 'customer2']);
    expect(reach(p, 'orders.create')).toEqual([]);
    expect(reach(principalIn('reseller1', ['auditor'], 'customer1'), 'audit.read')).toEqual(['customer1']);
  });

  it('unites the scopes of several roles', () => {
    const p = principalIn('reseller1', ['reseller_csr', 'auditor']);
    expect(reach(p, 'orders.read')).toEqual(['reseller1', 'customer1', 'customer2']);
    expect(tenantScope(principalIn('hoster', ['hoster_csr', 'hoster_admin']), 'organizations.write')).toEqual({ kind: 'everything' });
    expect(tenantScope(principalIn('customer1', []), 'me.read')).toEqual({ kind: 'nothing' });
  });
});

describe('audit scope', () => {
  it('lets hoster auditors and admins see the whole installation, nobody else', () => {
    expect(seesWholeInstallation(principalIn('hoster', ['auditor']))).toBe(true);
    expect(seesWholeInstallation(principalIn('hoster', ['hoster_admin']))).toBe(true);
    expect(seesWholeInstallation(principalIn('reseller1', ['auditor']))).toBe(false);
    expect(seesWholeInstallation(principalIn('hoster', ['hoster_csr']))).toBe(false);
    expect(seesWholeInstallation({ ...principalIn('hoster', ['auditor']), delegationId: 'dlg_1' })).toBe(false);
  });

  it('includes events without organization only for the whole installation', () => {
    expect(auditScope(principalIn('hoster', ['auditor']))).toEqual({ kind: 'everything' });
    expect(auditScope(principalIn('reseller1', ['auditor']))).toEqual({ kind: 'subtree', path: TREE.reseller1.path });
    expect(auditScope(principalIn('customer1', ['org_admin']))).toEqual({ kind: 'nothing' });
  });
});

describe('plan audience', () => {
  it("shows the hoster everything, a reseller its own offer, a customer its parent's", () => {
    expect(planAudience(TREE.hoster)).toEqual({ kind: 'everything' });
    expect(planAudience(TREE.reseller1)).toEqual({ kind: 'reseller', resellerId: 'org_r1' });
    expect(planAudience(TREE.customer1)).toEqual({ kind: 'customer', offeredBy: 'org_r1' });
    expect(planAudience(TREE.direct)).toEqual({ kind: 'customer', offeredBy: 'org_h' });
  });

  it('follows the organization a token acts in', () => {
    expect(planAudienceOf(principalIn('reseller1', ['org_admin'], 'customer2'))).toEqual({ kind: 'customer', offeredBy: 'org_r1' });
  });
});
