import type { ErrorCatalog } from '../error-catalog';

export const identityErrors = {
  UNAUTHENTICATED: { status: 401, title: 'A valid bearer token is required' },
  TOKEN_INVALID: { status: 401, title: 'The token is not valid' },
  TOKEN_EXPIRED: { status: 401, title: 'The token has expired' },
  TOKEN_REVOKED: { status: 401, title: 'The token was revoked' },
  FORBIDDEN: { status: 403, title: 'You are not allowed to do this' },
  ORGANIZATION_SUSPENDED: { status: 403, title: 'The organization is suspended' },
  ROLE_NOT_GRANTABLE: { status: 403, title: 'You may grant only roles below your own, inside your scope' },
  ROLE_NOT_ALLOWED_HERE: { status: 422, title: 'This role cannot be held in this kind of organization' },
  TOKEN_ROLES_EXCEED_OWNER: { status: 422, title: 'A token can only carry roles its owner holds' },
  TOKEN_TTL_TOO_LONG: { status: 422, title: 'The token lifetime is longer than allowed' },
  USERNAME_TAKEN: { status: 409, title: 'The username is already taken' },
  ORGANIZATION_NAME_TAKEN: { status: 409, title: 'An organization with this name already exists under this parent' },
  INVALID_PARENT_ORGANIZATION: { status: 422, title: 'That organization cannot be the parent' },
  ORGANIZATION_KIND_NOT_ALLOWED: { status: 422, title: 'That kind of organization cannot be created here' },
  DELEGATION_NOT_PENDING: { status: 409, title: 'The delegation is not pending' },
  DELEGATION_NOT_ACTIVE: { status: 409, title: 'The delegation is not active' },
  DELEGATION_INVALID_ROLES: { status: 422, title: 'Delegated roles must be a subset of org_admin, org_csr, auditor' },
  DELEGATION_INVALID_DURATION: { status: 422, title: 'A delegation lasts from 1 hour to 2 years' },
  DELEGATION_NOT_CUSTOMER: { status: 422, title: 'Delegations are requested on a customer of your reseller' },
  USER_DISABLED: { status: 403, title: 'The user is disabled' },
} satisfies ErrorCatalog;
