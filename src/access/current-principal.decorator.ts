import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ProblemError } from '../common/errors/problem';
import { PRINCIPAL_KEY } from '../common/http/request-caller';
import type { Principal } from './principal';

/** Injects the authenticated Principal (set by the authentication hook) into a handler. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest();
  const p = req[PRINCIPAL_KEY] as Principal | undefined;
  if (!p) throw new ProblemError('UNAUTHENTICATED');
  return p;
});
