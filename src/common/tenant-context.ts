import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The organization on whose behalf the current request runs (the authenticated caller's), carried
 * through everything it awaits. The database layer charges the connections it takes to it
 * (database/tenant-budget.ts); work outside a request has none.
 */
const tenantContext = new AsyncLocalStorage<string>();

/** Runs fn with `tenant` as the current request's tenant (inherited by everything it awaits). */
export function runAsTenant<T>(tenant: string, fn: () => T): T {
  return tenantContext.run(tenant, fn);
}

export function currentTenant(): string | undefined {
  return tenantContext.getStore();
}
