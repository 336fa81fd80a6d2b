import { requestContext } from './logging/request-context';

/**
 * The organization on whose behalf the current request runs (the authenticated caller's). The
 * database layer charges the connections the request takes to it (database/tenant-budget.ts);
 * work outside a request, and a request before its caller is authenticated, has none.
 *
 * It lives on the request's context (entered for every request by the onRequest hook, inherited by
 * everything the request awaits), set by the guard once the caller is known. A context of its own
 * entered around the handler took a global Nest interceptor, whose rxjs and AsyncResource plumbing
 * cost every request about a sixth of its CPU (GET /v1/plans, CPU profile).
 */
export function setRequestTenant(tenant: string): void {
  const ctx = requestContext.get();
  if (ctx) ctx.tenant = tenant;
}

export function currentTenant(): string | undefined {
  return requestContext.get()?.tenant;
}
