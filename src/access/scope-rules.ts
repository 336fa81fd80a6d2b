import { CUSTOMER_DATA_PERMISSIONS, MUTATING_PERMISSIONS, type OrganizationKind, type Permission, ROLE_PERMISSIONS, type Role } from './permissions';
import type { Principal } from './principal';
import { anyOf, BELOW_HOSTER, EVERYTHING, NOTHING, organization, subtree, type TenantScope } from './tenant-scope';

/**
 * Where one role lets its holder use `permission` (ACCESS.md §2): hoster staff everywhere (CSRs
 * not on the hoster itself when changing things), reseller staff in their subtree but never
 * *inside* a customer without a delegated token, organization roles in their organization,
 * auditors in their subtree.
 */
function roleScope(p: Principal, role: Role, permission: Permission): TenantScope {
  if (!ROLE_PERMISSIONS[role].includes(permission)) return NOTHING;
  switch (role) {
    case 'hoster_admin':
      return EVERYTHING;
    case 'hoster_csr':
      return MUTATING_PERMISSIONS.has(permission) ? BELOW_HOSTER : EVERYTHING;
    case 'reseller_admin':
    case 'reseller_csr':
      if (p.delegationId) return NOTHING;
      return CUSTOMER_DATA_PERMISSIONS.has(permission) ? organization(p.userOrgId) : subtree(p.userOrgPath);
    case 'org_admin':
    case 'org_csr':
    case 'end_user':
      return organization(p.subjectOrgId);
    case 'auditor':
      return subtree(p.subjectOrgPath);
  }
}

/** The organizations `p` may use `permission` on: the union over its roles. */
export function tenantScope(p: Principal, permission: Permission): TenantScope {
  return anyOf(p.roles.map((r) => roleScope(p, r, permission)));
}

/**
 * Whether the principal sees the whole installation's audit trail, including events that concern
 * no organization (engine lifecycle, system jobs), and may verify the chain (one chain for every
 * tenant): hoster admins, and auditors held in the hoster organization itself (not through a
 * delegation).
 */
export function seesWholeInstallation(p: Principal): boolean {
  if (p.delegationId) return false;
  if (p.roles.includes('hoster_admin')) return true;
  return p.roles.includes('auditor') && p.subjectOrgKind === 'hoster' && p.permissions.has('audit.read');
}

/** The audit events `p` may read: the whole installation, or its `audit.read` tenant scope. */
export function auditScope(p: Principal): TenantScope {
  return seesWholeInstallation(p) ? EVERYTHING : tenantScope(p, 'audit.read');
}

/**
 * Whose offer of plans an organization sees (API.md catalog): the hoster sees every plan; a
 * reseller its own plans and what the hoster made available to it; a customer exactly what its
 * parent (a reseller, or the hoster for a direct customer) offers. Catalog's store turns this
 * into SQL over its tables.
 */
export type PlanAudience =
  { readonly kind: 'everything' } | { readonly kind: 'reseller'; readonly resellerId: string } | { readonly kind: 'customer'; readonly offeredBy: string };

export function planAudience(viewer: { id: string; kind: OrganizationKind; path: string }): PlanAudience {
  if (viewer.kind === 'hoster') return { kind: 'everything' };
  if (viewer.kind === 'reseller') return { kind: 'reseller', resellerId: viewer.id };
  const segments = viewer.path.split('/').filter(Boolean);
  return { kind: 'customer', offeredBy: segments[segments.length - 2] };
}

/** The catalog view of the organization a token acts in. */
export function planAudienceOf(p: Principal): PlanAudience {
  return planAudience({ id: p.subjectOrgId, kind: p.subjectOrgKind, path: p.subjectOrgPath });
}
