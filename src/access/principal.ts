import type { OrganizationKind, Permission, Role } from './permissions';

/**
 * The authenticated caller of one request. For a delegated admin token the *actor* is the
 * reseller user and the *subject* organization is the customer it acts on behalf of.
 */
export interface Principal {
  tokenId: string;
  userId: string;
  username: string;
  /** The organization the user belongs to (the actor's organization). */
  userOrgId: string;
  userOrgPath: string;
  userOrgKind: OrganizationKind;
  /** Effective roles of this token (a subset of the user's, or of the delegation's). */
  roles: Role[];
  permissions: Set<Permission>;
  /** Where the token acts: the user's organization, or the customer of a delegation. */
  subjectOrgId: string;
  subjectOrgPath: string;
  subjectOrgKind: OrganizationKind;
  /** Set for delegated admin tokens. */
  delegationId: string | null;
}

export function isDelegated(p: Principal): boolean {
  return p.delegationId !== null;
}
