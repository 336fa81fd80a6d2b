import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemError } from '../common/errors/problem';
import { ENDPOINT_METADATA, type EndpointMetadata } from '../common/http/endpoint.decorator';
import { noteAuthenticated } from '../common/http/request-tenant';
import { rootLogger } from '../common/logging/logger';
import { AccessService } from '../access/access.service';
import { PRINCIPAL_KEY } from '../common/http/request-caller';
import { AuthenticationService } from './authentication.service';

/**
 * Global guard, first layer of authorization: authenticates the bearer token and checks the
 * permission the route declared with @Endpoint. A route without @Endpoint is refused (and a test
 * enumerates every route to make sure none is missing it). The second layer — is this
 * organization in scope — is the AccessService, called by the services.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly log = rootLogger().child({ component: 'auth-guard' });

  constructor(
    private readonly reflector: Reflector,
    private readonly authn: AuthenticationService,
    private readonly access: AccessService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const meta = this.reflector.get<EndpointMetadata | undefined>(ENDPOINT_METADATA, ctx.getHandler());
    const req = ctx.switchToHttp().getRequest();
    if (!meta) {
      this.log.error({ handler: `${ctx.getClass().name}.${ctx.getHandler().name}` }, 'route without @Endpoint permission refused');
      throw new ProblemError('FORBIDDEN', 'This route declares no permission');
    }
    if (meta.permission === 'public') return true;
    const principal = await this.authn.authenticate(req.headers.authorization);
    req[PRINCIPAL_KEY] = principal;
    noteAuthenticated(req, { tokenId: principal.tokenId, tenant: principal.userOrgId });
    if (meta.permission === 'authenticated') return true;
    if (!principal.permissions.has(meta.permission)) {
      await this.access.recordDenied(principal, meta.permission, 'route', [`${req.method} ${req.routeOptions?.url ?? req.url}`], 'missing_permission');
      throw new ProblemError('FORBIDDEN', `Your roles (${principal.roles.join(', ') || 'none'}) do not grant ${meta.permission}`);
    }
    return true;
  }
}
