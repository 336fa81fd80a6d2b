import type { FastifyRequest } from 'fastify';
import { setRequestTenant } from '../tenant-context';
import { rateLimitAuthenticated } from './rate-limit';

/**
 * Called by the authentication guard once the caller is known: charges the token's rate limit
 * and makes the caller's organization the request's tenant, whose share of database connections
 * the rest of the request uses (database/tenant-budget.ts).
 */
export function noteAuthenticated(req: FastifyRequest, who: { tokenId: string; tenant: string }): void {
  setRequestTenant(who.tenant);
  rateLimitAuthenticated(req, who.tokenId);
}
