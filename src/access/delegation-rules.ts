import { ProblemError } from '../common/errors/problem';
import { isHosterStaff } from './identity-rules';
import type { Role } from './permissions';
import { isDelegated, type Principal } from './principal';
import type { ParamSink } from './tenant-scope';

/** Who may see, request, approve, revoke and use a delegation (ACCESS.md §4). */

/** The two organizations of a delegation, and the customer's path. */
export interface DelegationParties {
  resellerOrgId: string;
  customerOrgId: string;
  customerPath: string;
}

/** Which delegations a principal may list: hoster staff all; a reseller its own; a customer's admin those on it. */
export type DelegationVisibility =
  | { readonly kind: 'everything' }
  | { readonly kind: 'nothing' }
  | { readonly kind: 'reseller'; readonly orgId: string }
  | { readonly kind: 'customer'; readonly orgId: string };

export function delegationVisibility(p: Principal): DelegationVisibility {
  if (isHosterStaff(p)) return { kind: 'everything' };
  if (!isDelegated(p) && (p.roles.includes('reseller_admin') || p.roles.includes('reseller_csr'))) return { kind: 'reseller', orgId: p.userOrgId };
  if (p.roles.includes('org_admin')) return { kind: 'customer', orgId: p.subjectOrgId };
  return { kind: 'nothing' };
}

/** The visibility as a SQL condition on the delegation's reseller and customer columns. */
export function delegationVisibilitySql(v: DelegationVisibility, cols: { resellerOrgId: string; customerOrgId: string }, param: ParamSink): string {
  switch (v.kind) {
    case 'everything':
      return 'TRUE';
    case 'nothing':
      return 'FALSE';
    case 'reseller':
      return `${cols.resellerOrgId} = ${param(v.orgId)}`;
    case 'customer':
      return `${cols.customerOrgId} = ${param(v.orgId)}`;
  }
}

/** Only a reseller admin, with its own token, requests delegations, and only on its own customers. */
export function checkMayRequestDelegation(p: Principal): void {
  if (isDelegated(p) || !p.roles.includes('reseller_admin'))
    throw new ProblemError('FORBIDDEN', 'Only a reseller admin, with its own token, requests delegations');
}

export function checkDelegationCustomer(p: Principal, customer: { kind: string; parentId: string | null }): void {
  if (customer.kind !== 'customer' || customer.parentId !== p.userOrgId) throw new ProblemError('DELEGATION_NOT_CUSTOMER');
}

function isCustomerAdmin(p: Principal, d: Pick<DelegationParties, 'customerOrgId'>): boolean {
  return !isDelegated(p) && p.roles.includes('org_admin') && p.userOrgId === d.customerOrgId;
}

/** The customer's own org_admin consents (or a hoster admin). */
export function mayApproveDelegation(p: Principal, d: Pick<DelegationParties, 'customerOrgId'>): boolean {
  return isCustomerAdmin(p, d) || p.roles.includes('hoster_admin');
}

/** The customer's org_admin, the reseller admin holding it, or a hoster admin above the customer. */
export function mayRevokeDelegation(p: Principal, d: DelegationParties): boolean {
  const resellerAdmin = !isDelegated(p) && p.roles.includes('reseller_admin') && p.userOrgId === d.resellerOrgId;
  const hoster = p.roles.includes('hoster_admin') && d.customerPath.startsWith(p.userOrgPath);
  return isCustomerAdmin(p, d) || resellerAdmin || hoster;
}

/** A delegated admin token is obtained with the reseller user's own token. */
export function checkMayExchangeDelegation(p: Principal): void {
  if (isDelegated(p)) throw new ProblemError('FORBIDDEN', 'Use your own reseller token to obtain a delegated token');
}

/** Staff of the reseller holding the delegation may use it. */
export function mayUseDelegation(p: Principal, d: Pick<DelegationParties, 'resellerOrgId'>): boolean {
  return d.resellerOrgId === p.userOrgId;
}

/** The delegation's roles this principal may carry in a delegated token: a reseller CSR never org_admin. */
export function delegatedRolesFor(p: Principal, delegationRoles: readonly Role[]): Role[] {
  return p.roles.includes('reseller_admin') ? [...delegationRoles] : delegationRoles.filter((r) => r !== 'org_admin');
}
