import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ProblemError } from '../common/errors/problem';
import type { Principal } from './principal';

export const PRINCIPAL_KEY = 'provisioPrincipal';

/** Injects the authenticated Principal (set by the authentication hook) into a handler. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest();
  const p = req[PRINCIPAL_KEY] as Principal | undefined;
  if (!p) throw new ProblemError('UNAUTHENTICATED');
  return p;
});
