import type { ErrorCatalog } from '../error-catalog';

export const auditErrors = {
  AUDIT_VERIFY_NOT_ALLOWED: { status: 403, title: 'Chain verification covers the whole installation: hoster auditors and hoster admins only' },
  AUDIT_INVALID_RANGE: { status: 400, title: 'The range is empty or reversed' },
  AUDIT_CHAIN_EMPTY: { status: 409, title: 'There are no audit events to checkpoint yet' },
} satisfies ErrorCatalog;
