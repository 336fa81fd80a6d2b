import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { runAsTenant } from '../tenant-context';
import { rateLimitAuthenticated } from './rate-limit';

const TENANT = Symbol('provisio.tenant');

type TenantRequest = FastifyRequest & { [TENANT]?: string };

/**
 * Called by the authentication guard once the caller is known: charges the token's rate limit
 * and remembers the caller's organization, whose share of database connections the request uses.
 */
export function noteAuthenticated(req: FastifyRequest, who: { tokenId: string; tenant: string }): void {
  (req as TenantRequest)[TENANT] = who.tenant;
  rateLimitAuthenticated(req, who.tokenId);
}

/**
 * Runs each authenticated handler (and the interceptors after this one) as its caller's tenant,
 * so every connection it takes comes out of that organization's share (database/tenant-budget.ts).
 */
@Injectable()
export class TenantContextInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const tenant = ctx.switchToHttp().getRequest<TenantRequest>()[TENANT];
    if (tenant === undefined) return next.handle();
    return new Observable((subscriber) => runAsTenant(tenant, () => next.handle().subscribe(subscriber)));
  }
}
