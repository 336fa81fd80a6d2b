import { AsyncLocalStorage } from 'node:async_hooks';

/** What we know about the request (or run) being handled; read by logs and the audit writer. */
export interface RequestContext {
  requestId: string;
  ip?: string;
  userAgent?: string;
  /** The authenticated caller's organization (common/tenant-context.ts). */
  tenant?: string;
  runId?: string;
  stepSeq?: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  enterWith(ctx: RequestContext): void {
    storage.enterWith(ctx);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
};
