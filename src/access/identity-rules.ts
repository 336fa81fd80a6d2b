import { ProblemError } from '../common/errors/problem';
import { bestRank, canGrantRole, type OrganizationKind, type Role, ROLE_ORG_KINDS } from './permissions';
import { isDelegated, type Principal } from './principal';

/**
 * Who may change which identity (ACCESS.md §2–§4), beyond tenant scope: who creates which kind of
 * organization, the role ladder, own versus others' tokens. Tenant scope itself is `tenantScope`.
 */

export function isHosterStaff(p: Principal): boolean {
  return p.roles.includes('hoster_admin') || p.roles.includes('hoster_csr');
}

/** Raw requests marked trusted (hoster-only procedures) are for hoster admins. */
export function maySubmitTrustedRequests(p: Principal): boolean {
  return p.roles.includes('hoster_admin');
}

/** The user itself, with its own token: a delegated token never acts as the reseller user's self. */
export function actsAsSelf(p: Principal, userId: string): boolean {
  return userId === p.userId && !isDelegated(p);
}

/** Whether every role of a user is strictly below the principal's best role (the ladder). */
export function outranks(p: Principal, userRoles: readonly Role[]): boolean {
  return bestRank(userRoles) > bestRank(p.roles);
}

/** Roles the principal may grant in a kind of organization: below its own, allowed there. */
export function checkGrantable(p: Principal, roles: readonly Role[], orgKind: OrganizationKind): void {
  for (const role of roles) {
    if (!canGrantRole(p.roles, role)) throw new ProblemError('ROLE_NOT_GRANTABLE', `You may not grant ${role}`);
    if (!ROLE_ORG_KINDS[role].includes(orgKind)) throw new ProblemError('ROLE_NOT_ALLOWED_HERE', `${role} cannot be held in a ${orgKind} organization`);
  }
}

/** The parent an organization would be created under. */
export interface ParentOrganization {
  id: string;
  kind: OrganizationKind;
}

/**
 * Who may create what, where: hoster staff create resellers under the hoster and customers under
 * the hoster or a reseller; a reseller admin creates customers under its own reseller, and only it
 * may ask for a delegation approved at creation. A delegated token creates no organization.
 */
export function checkOrganizationCreation(p: Principal, kind: 'reseller' | 'customer', parent: ParentOrganization, withDelegation: boolean): void {
  const hosterStaff = isHosterStaff(p);
  const resellerOwn = p.roles.includes('reseller_admin') && parent.id === p.userOrgId;
  if (kind === 'reseller') {
    if (!hosterStaff) throw new ProblemError('ORGANIZATION_KIND_NOT_ALLOWED', 'Only hoster staff create resellers');
    if (parent.kind !== 'hoster') throw new ProblemError('INVALID_PARENT_ORGANIZATION', 'A reseller belongs to the hoster');
  } else {
    if (parent.kind === 'customer') throw new ProblemError('INVALID_PARENT_ORGANIZATION', 'A customer belongs to the hoster or a reseller');
    if (!hosterStaff && !resellerOwn)
      throw new ProblemError('ORGANIZATION_KIND_NOT_ALLOWED', 'You may create customers only under your own reseller organization');
  }
  if (withDelegation && !(kind === 'customer' && parent.kind === 'reseller' && resellerOwn)) {
    throw new ProblemError('VALIDATION_FAILED', 'A delegation at creation is for a reseller admin creating its own customer', {
      errors: [{ path: 'delegation', message: 'not allowed here' }],
    });
  }
}

/** A delegated admin token acts inside the customer only; it creates no organization. */
export function checkMayCreateOrganizations(p: Principal): void {
  if (isDelegated(p)) throw new ProblemError('FORBIDDEN', 'A delegated admin token cannot create organizations');
}

/** Personal tokens are made with one's own token, never with a delegated one. */
export function checkMayCreateOwnToken(p: Principal): void {
  if (isDelegated(p))
    throw new ProblemError('FORBIDDEN', 'A delegated admin token cannot create tokens; ask for another one with POST /v1/delegations/{id}/tokens');
}

/**
 * The roles a token carries now: a personal token at most its owner's current roles; a delegated
 * token at most its delegation's, and only while its owner is still reseller staff (undefined
 * when not: the token no longer works).
 */
export function effectiveTokenRoles(t: {
  tokenRoles: readonly Role[];
  userRoles: readonly Role[];
  delegationRoles: readonly Role[] | null;
}): Role[] | undefined {
  if (t.delegationRoles) {
    if (!t.userRoles.some((r) => r === 'reseller_admin' || r === 'reseller_csr')) return undefined;
    return t.tokenRoles.filter((r) => t.delegationRoles!.includes(r));
  }
  return t.tokenRoles.filter((r) => t.userRoles.includes(r));
}
