import { currentTenant } from '../common/tenant-context';

/**
 * Per-tenant share of a connection pool (issue 14): one organization's burst — fifty parallel
 * writes to one row — may hold at most `perTenant` connections; its other requests wait here,
 * holding nothing, so another tenant's request always finds a free connection. The tenant of the
 * current request is on its request context (common/tenant-context.ts, set once the caller is
 * authenticated); work with no tenant (engines, start-up, anonymous routes) is not limited.
 */

export class TenantBusyError extends Error {
  /** Answered 429 with Retry-After (common/errors/problem-response.ts). */
  readonly code = 'PROVISIO_TENANT_BUSY';
  constructor(readonly waitedMs: number) {
    super(`this organization already uses its share of database connections; waited ${waitedMs} ms`);
  }
}

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout;
}

interface TenantSlots {
  busy: number;
  queue: Waiter[];
}

export class TenantBudget {
  private readonly tenants = new Map<string, TenantSlots>();

  constructor(
    readonly perTenant: number,
    /** How long a request waits for its tenant's share before it is answered 429. */
    readonly maxWaitMs: number,
  ) {}

  /** A slot of the current tenant's share (none needed outside a tenant); call the result to give it back. */
  async acquire(): Promise<() => void> {
    const tenant = currentTenant();
    if (tenant === undefined) return () => undefined;
    let slots = this.tenants.get(tenant);
    if (!slots) {
      slots = { busy: 0, queue: [] };
      this.tenants.set(tenant, slots);
    }
    if (slots.busy < this.perTenant) {
      slots.busy += 1;
      return this.releaser(tenant, slots);
    }
    await this.wait(slots);
    return this.releaser(tenant, slots);
  }

  private wait(slots: TenantSlots): Promise<void> {
    const started = Date.now();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          slots.queue.splice(slots.queue.indexOf(waiter), 1);
          reject(new TenantBusyError(Date.now() - started));
        }, this.maxWaitMs),
      };
      slots.queue.push(waiter);
    });
  }

  private releaser(tenant: string, slots: TenantSlots): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = slots.queue.shift();
      // The slot passes straight to the next waiter (busy stays the same), in arrival order.
      if (next) return next.grant();
      slots.busy -= 1;
      if (slots.busy === 0) this.tenants.delete(tenant);
    };
  }
}
