import { type OrganizationKind, permissionsOf, type Role } from '../../src/access/permissions';
import type { Principal } from '../../src/access/principal';

/**
 * A small tenant tree and principals on it, for the access specs (unit) and the e2e check that
 * the SQL form of every scope keeps exactly what the in-memory form allows.
 */
export const TREE = {
  hoster: { id: 'org_h', kind: 'hoster', path: '/org_h/' },
  reseller1: { id: 'org_r1', kind: 'reseller', path: '/org_h/org_r1/' },
  customer1: { id: 'org_c1', kind: 'customer', path: '/org_h/org_r1/org_c1/' },
  customer2: { id: 'org_c2', kind: 'customer', path: '/org_h/org_r1/org_c2/' },
  reseller2: { id: 'org_r2', kind: 'reseller', path: '/org_h/org_r2/' },
  customer3: { id: 'org_c3', kind: 'customer', path: '/org_h/org_r2/org_c3/' },
  direct: { id: 'org_d', kind: 'customer', path: '/org_h/org_d/' },
} as const satisfies Record<string, { id: string; kind: OrganizationKind; path: string }>;

export type TreeOrg = keyof typeof TREE;

/** A principal holding `roles` in `org`; with `actingIn`, a delegated token acting in that customer. */
export function principalIn(org: TreeOrg, roles: Role[], actingIn?: TreeOrg): Principal {
  const user = TREE[org];
  const subject = TREE[actingIn ?? org];
  return {
    tokenId: 'tok_1',
    userId: 'usr_1',
    username: 'someone',
    userOrgId: user.id,
    userOrgPath: user.path,
    userOrgKind: user.kind,
    roles,
    permissions: permissionsOf(roles),
    subjectOrgId: subject.id,
    subjectOrgPath: subject.path,
    subjectOrgKind: subject.kind,
    delegationId: actingIn ? 'dlg_1' : null,
  };
}
