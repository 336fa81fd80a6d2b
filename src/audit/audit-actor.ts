import type { Principal } from '../access/principal';
import type { AuditActor } from './audit-writer';

/** The audit actor for events caused by this principal: for delegated tokens, on behalf of the customer. */
export function auditActorOf(p: Principal): AuditActor {
  return {
    userId: p.userId,
    orgId: p.userOrgId,
    onBehalfOfOrgId: p.delegationId ? p.subjectOrgId : null,
    tokenId: p.tokenId,
    delegationId: p.delegationId,
  };
}
