/**
 * Roles (the HMC ladder plus auditor, ACCESS.md §2) and the one table mapping them to the
 * permissions routes declare. Scope (which organizations) is the access service's job; this
 * table only says which kinds of action a role may attempt at all.
 */
export const ROLES = ['hoster_admin', 'hoster_csr', 'reseller_admin', 'reseller_csr', 'org_admin', 'org_csr', 'end_user', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = ['hoster', 'reseller', 'customer'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Ladder rank: a principal grants only roles with a strictly higher rank number than its own best. */
export const ROLE_RANK: Record<Role, number> = {
  hoster_admin: 0,
  hoster_csr: 1,
  reseller_admin: 2,
  reseller_csr: 3,
  org_admin: 4,
  org_csr: 5,
  end_user: 6,
  // The auditor sits outside the ladder: only admins grant it, in their own subtree.
  auditor: 4.5,
};

/** Where a role may be held. */
export const ROLE_ORG_KINDS: Record<Role, OrganizationKind[]> = {
  hoster_admin: ['hoster'],
  hoster_csr: ['hoster'],
  reseller_admin: ['reseller'],
  reseller_csr: ['reseller'],
  org_admin: ['customer'],
  org_csr: ['customer'],
  end_user: ['hoster', 'reseller', 'customer'],
  auditor: ['hoster', 'reseller', 'customer'],
};

export const DELEGABLE_ROLES: Role[] = ['org_admin', 'org_csr', 'auditor'];

export const PERMISSIONS = [
  'me.read',
  'profile.write',
  'tokens.read',
  'tokens.manage',
  'organizations.read',
  'organizations.write',
  'organizations.suspend',
  'users.read',
  'users.write',
  'users.delete',
  'roles.assign',
  'users.issue_token',
  'delegations.read',
  'delegations.request',
  'delegations.approve',
  'delegations.token',
  'catalog.read',
  'plans.write',
  'plans.offer',
  'subscriptions.read',
  'orders.read',
  'orders.create',
  'orders.cancel',
  'runs.read',
  'runs.operate',
  'requests.submit',
  'engines.read',
  'namespaces.read',
  'audit.read',
  'audit.checkpoint',
  'lab.read',
  'lab.faults',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Routes declare these (common's Endpoint decorator types its `permission` with them).
declare module '../common/http/endpoint-metadata' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the merge adds the keys
  interface RoutePermissions extends Record<Permission, true> {}
}

const ALL = [...PERMISSIONS];
const SELF: Permission[] = ['me.read', 'profile.write', 'tokens.read', 'tokens.manage'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  hoster_admin: ALL,
  hoster_csr: [
    ...SELF,
    'organizations.read',
    'organizations.write',
    'organizations.suspend',
    'users.read',
    'users.write',
    'users.delete',
    'roles.assign',
    'users.issue_token',
    'delegations.read',
    'catalog.read',
    'subscriptions.read',
    'orders.read',
    'orders.create',
    'orders.cancel',
    'runs.read',
    'runs.operate',
    'engines.read',
    'namespaces.read',
    'lab.read',
  ],
  reseller_admin: [
    ...SELF,
    'organizations.read',
    'organizations.write',
    'organizations.suspend',
    'users.read',
    'users.write',
    'users.delete',
    'roles.assign',
    'users.issue_token',
    'delegations.read',
    'delegations.request',
    'delegations.token',
    'catalog.read',
    'plans.write',
    'plans.offer',
    'subscriptions.read',
    'namespaces.read',
  ],
  reseller_csr: [...SELF, 'organizations.read', 'users.read', 'delegations.read', 'delegations.token', 'catalog.read', 'subscriptions.read'],
  org_admin: [
    ...SELF,
    'organizations.read',
    'organizations.write',
    'users.read',
    'users.write',
    'users.delete',
    'roles.assign',
    'users.issue_token',
    'delegations.read',
    'delegations.approve',
    'catalog.read',
    'subscriptions.read',
    'orders.read',
    'orders.create',
    'orders.cancel',
  ],
  org_csr: [...SELF, 'organizations.read', 'users.read', 'users.write', 'catalog.read', 'subscriptions.read', 'orders.read'],
  // Its own profile only (GET/PATCH /v1/users/{own id} need no users.* permission).
  end_user: [...SELF],
  // Read-only: its own tokens can be listed but not created or revoked by itself.
  auditor: ['me.read', 'tokens.read', 'organizations.read', 'audit.read', 'orders.read', 'runs.read'],
};

/**
 * Permissions that touch data *inside* a customer. A reseller's own token never carries them for
 * a customer organization; only a delegated admin token does (ACCESS.md §4).
 */
export const CUSTOMER_DATA_PERMISSIONS = new Set<Permission>([
  'users.read',
  'users.write',
  'users.delete',
  'roles.assign',
  'users.issue_token',
  'orders.read',
  'orders.create',
  'orders.cancel',
  'runs.read',
  'audit.read',
  'lab.read',
  'delegations.approve',
]);

/** Permissions that change something. The authorization matrix proves auditors hold none. */
export const MUTATING_PERMISSIONS = new Set<Permission>([
  'profile.write',
  'tokens.manage',
  'organizations.write',
  'organizations.suspend',
  'users.write',
  'users.delete',
  'roles.assign',
  'users.issue_token',
  'delegations.request',
  'delegations.approve',
  'delegations.token',
  'plans.write',
  'plans.offer',
  'orders.create',
  'orders.cancel',
  'runs.operate',
  'requests.submit',
  'lab.faults',
  'audit.checkpoint',
]);

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r]) out.add(p);
  return out;
}

export function bestRank(roles: readonly Role[]): number {
  return roles.reduce((m, r) => Math.min(m, ROLE_RANK[r]), Number.POSITIVE_INFINITY);
}

/** Whether holders of `granterRoles` may grant `role` (strictly below their best role). */
export function canGrantRole(granterRoles: readonly Role[], role: Role): boolean {
  if (!granterRoles.some((r) => r === 'hoster_admin' || r === 'hoster_csr' || r === 'reseller_admin' || r === 'org_admin')) return false;
  return ROLE_RANK[role] > bestRank(granterRoles);
}
