import { principalIn, TREE } from '../../test/helpers/access-tree';
import {
  checkDelegationCustomer,
  checkMayRequestDelegation,
  delegatedRolesFor,
  delegationVisibility,
  delegationVisibilitySql,
  mayApproveDelegation,
  mayRevokeDelegation,
  mayUseDelegation,
} from './delegation-rules';
import { actsAsSelf, checkGrantable, checkOrganizationCreation, effectiveTokenRoles, outranks } from './identity-rules';

const code = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('who creates which organization', () => {
  it('lets hoster staff create resellers under the hoster, and nobody else', () => {
    expect(code(() => checkOrganizationCreation(principalIn('hoster', ['hoster_csr']), 'reseller', TREE.hoster, false))).toBeUndefined();
    expect(code(() => checkOrganizationCreation(principalIn('hoster', ['hoster_admin']), 'reseller', TREE.reseller1, false))).toBe(
      'INVALID_PARENT_ORGANIZATION',
    );
    expect(code(() => checkOrganizationCreation(principalIn('reseller1', ['reseller_admin']), 'reseller', TREE.hoster, false))).toBe(
      'ORGANIZATION_KIND_NOT_ALLOWED',
    );
  });

  it('lets a reseller admin create customers under its own reseller only, with a delegation if it wants', () => {
    const admin = principalIn('reseller1', ['reseller_admin']);
    expect(code(() => checkOrganizationCreation(admin, 'customer', TREE.reseller1, true))).toBeUndefined();
    expect(code(() => checkOrganizationCreation(admin, 'customer', TREE.reseller2, false))).toBe('ORGANIZATION_KIND_NOT_ALLOWED');
    expect(code(() => checkOrganizationCreation(admin, 'customer', TREE.customer1, false))).toBe('INVALID_PARENT_ORGANIZATION');
    expect(code(() => checkOrganizationCreation(principalIn('hoster', ['hoster_admin']), 'customer', TREE.reseller1, true))).toBe('VALIDATION_FAILED');
    expect(code(() => checkOrganizationCreation(principalIn('reseller1', ['reseller_csr']), 'customer', TREE.reseller1, false))).toBe(
      'ORGANIZATION_KIND_NOT_ALLOWED',
    );
  });
});

describe('the role ladder', () => {
  it("grants only roles below the granter's best, where they may be held", () => {
    const orgAdmin = principalIn('customer1', ['org_admin']);
    expect(code(() => checkGrantable(orgAdmin, ['org_csr', 'end_user', 'auditor'], 'customer'))).toBeUndefined();
    expect(code(() => checkGrantable(orgAdmin, ['org_admin'], 'customer'))).toBe('ROLE_NOT_GRANTABLE');
    expect(code(() => checkGrantable(principalIn('hoster', ['hoster_admin']), ['org_admin'], 'reseller'))).toBe('ROLE_NOT_ALLOWED_HERE');
    expect(code(() => checkGrantable(principalIn('customer1', ['org_csr']), ['end_user'], 'customer'))).toBe('ROLE_NOT_GRANTABLE');
  });

  it('ranks users strictly below, and knows a delegated token is not its owner', () => {
    const orgAdmin = principalIn('customer1', ['org_admin']);
    expect(outranks(orgAdmin, ['org_csr'])).toBe(true);
    expect(outranks(orgAdmin, ['org_admin'])).toBe(false);
    expect(outranks(orgAdmin, ['org_csr', 'org_admin'])).toBe(false);
    expect(actsAsSelf(orgAdmin, 'usr_1')).toBe(true);
    expect(actsAsSelf(principalIn('reseller1', ['org_admin'], 'customer1'), 'usr_1')).toBe(false);
  });

  it("gives a token at most its owner's roles, or its delegation's while the owner is reseller staff", () => {
    expect(effectiveTokenRoles({ tokenRoles: ['org_admin', 'org_csr'], userRoles: ['org_csr'], delegationRoles: null })).toEqual(['org_csr']);
    expect(effectiveTokenRoles({ tokenRoles: ['org_admin', 'auditor'], userRoles: ['reseller_csr'], delegationRoles: ['auditor'] })).toEqual(['auditor']);
    expect(effectiveTokenRoles({ tokenRoles: ['org_admin'], userRoles: ['end_user'], delegationRoles: ['org_admin'] })).toBeUndefined();
  });
});

describe('delegations (ACCESS.md §4)', () => {
  const d = { resellerOrgId: TREE.reseller1.id, customerOrgId: TREE.customer1.id, customerPath: TREE.customer1.path };

  it('shows hoster staff every delegation, a reseller its own, a customer admin those on it', () => {
    expect(delegationVisibility(principalIn('hoster', ['hoster_csr']))).toEqual({ kind: 'everything' });
    expect(delegationVisibility(principalIn('reseller1', ['reseller_csr']))).toEqual({ kind: 'reseller', orgId: 'org_r1' });
    expect(delegationVisibility(principalIn('customer1', ['org_admin']))).toEqual({ kind: 'customer', orgId: 'org_c1' });
    expect(delegationVisibility(principalIn('customer1', ['org_csr']))).toEqual({ kind: 'nothing' });
    const params: unknown[] = [];
    expect(delegationVisibilitySql({ kind: 'reseller', orgId: 'org_r1' }, { resellerOrgId: 'd.r', customerOrgId: 'd.c' }, (v) => `$${params.push(v)}`)).toBe(
      'd.r = $1',
    );
    expect(params).toEqual(['org_r1']);
  });

  it('lets only a reseller admin request, on its own customers', () => {
    expect(code(() => checkMayRequestDelegation(principalIn('reseller1', ['reseller_admin'])))).toBeUndefined();
    expect(code(() => checkMayRequestDelegation(principalIn('reseller1', ['reseller_csr'])))).toBe('FORBIDDEN');
    const admin = principalIn('reseller1', ['reseller_admin']);
    expect(code(() => checkDelegationCustomer(admin, { kind: 'customer', parentId: 'org_r1' }))).toBeUndefined();
    expect(code(() => checkDelegationCustomer(admin, { kind: 'customer', parentId: 'org_r2' }))).toBe('DELEGATION_NOT_CUSTOMER');
  });

  it("lets the customer's own admin approve; the reseller admin and hoster admins revoke too", () => {
    expect(mayApproveDelegation(principalIn('customer1', ['org_admin']), d)).toBe(true);
    expect(mayApproveDelegation(principalIn('reseller1', ['org_admin'], 'customer1'), d)).toBe(false);
    expect(mayApproveDelegation(principalIn('customer2', ['org_admin']), d)).toBe(false);
    expect(mayRevokeDelegation(principalIn('reseller1', ['reseller_admin']), d)).toBe(true);
    expect(mayRevokeDelegation(principalIn('reseller2', ['reseller_admin']), d)).toBe(false);
    expect(mayRevokeDelegation(principalIn('hoster', ['hoster_admin']), d)).toBe(true);
    expect(mayRevokeDelegation(principalIn('reseller1', ['reseller_csr']), d)).toBe(false);
  });

  it("lets the reseller's staff use it, a CSR never as org_admin", () => {
    expect(mayUseDelegation(principalIn('reseller1', ['reseller_csr']), d)).toBe(true);
    expect(mayUseDelegation(principalIn('reseller2', ['reseller_admin']), d)).toBe(false);
    expect(delegatedRolesFor(principalIn('reseller1', ['reseller_admin']), ['org_admin', 'auditor'])).toEqual(['org_admin', 'auditor']);
    expect(delegatedRolesFor(principalIn('reseller1', ['reseller_csr']), ['org_admin', 'auditor'])).toEqual(['auditor']);
  });
});
