import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import { rootLogger } from '../common/logging/logger';
import type { Sql } from './sql';
import { TenantBudget } from './tenant-budget';

/**
 * "No request holds one pooled connection while waiting for another" (issue 14), by construction:
 *
 * - `inTransaction`/`pgTransaction` (sql.ts) record the transaction they hold in an
 *   AsyncLocalStorage for everything fn awaits. `sqlOf(ds)` and a nested `inTransaction(ds)` then
 *   run on that transaction's connection instead of asking the pool again.
 * - A guarded pool (every DataSource's, through `pgPoolOf`) refuses `connect()` — and so
 *   `query()` — from code that already holds one of its connections: that is the pattern that let
 *   thirty requests hold twenty connections and wait ten seconds for a twenty-first, and it now
 *   fails at once with an error naming it, in the first test that takes that path.
 * - Each pool has a per-tenant budget (tenant-budget.ts): one organization cannot take it all.
 */

export interface HeldTransaction {
  pool: Pool;
  sql: Sql;
  em?: EntityManager;
  /** False once the transaction ended: work it started and that runs later may connect. */
  active: boolean;
  after: (() => Promise<void>)[];
}

export const holding = new AsyncLocalStorage<HeldTransaction>();

export function newHeld(pool: Pool): HeldTransaction {
  return { pool, sql: { query: () => Promise.reject(new Error('the transaction has not started')) }, active: true, after: [] };
}

/** The transaction the current async context holds on this pool, if any. */
export function heldTransaction(pool: Pool): HeldTransaction | undefined {
  const held = holding.getStore();
  return held && held.active && held.pool === pool ? held : undefined;
}

export class NestedConnectionError extends Error {
  constructor() {
    super('a pooled connection was requested by code that already holds one of the same pool; pass the transaction Sql handle down instead');
  }
}

const guarded = new WeakSet<Pool>();
const budgets = new WeakMap<Pool, TenantBudget>();
const UNLIMITED = new TenantBudget(Number.MAX_SAFE_INTEGER, 0);

type ConnectCallback = (err: Error | undefined, client: unknown, done: (release?: unknown) => void) => void;

/** Makes `connect()` on this pool refuse callers that already hold one of its connections. */
export function guardPool(pool: Pool): Pool {
  // Before the DataSource is initialised there is no pool yet.
  if (!pool || guarded.has(pool)) return pool;
  guarded.add(pool);
  const connect = pool.connect.bind(pool) as (cb?: ConnectCallback) => unknown;
  (pool as unknown as { connect: (cb?: ConnectCallback) => unknown }).connect = (cb?: ConnectCallback) => {
    if (heldTransaction(pool)) {
      const err = new NestedConnectionError();
      rootLogger().error({ err }, 'nested pooled connection refused');
      if (!cb) return Promise.reject(err);
      process.nextTick(() => cb(err, undefined, () => undefined));
      return undefined;
    }
    return connect(cb);
  };
  return pool;
}

/** Gives the pool a per-tenant budget (the API's; engines and tools have none). */
export function shareByTenant(pool: Pool, budget: TenantBudget): void {
  budgets.set(pool, budget);
}

export function budgetOf(pool: Pool): TenantBudget {
  return budgets.get(pool) ?? UNLIMITED;
}

export async function afterTransactionOf(pool: Pool, fn: () => Promise<void>): Promise<void> {
  const held = heldTransaction(pool);
  if (held) held.after.push(fn);
  else await fn();
}

/** Runs what was queued for after the transaction, outside its context; failures are logged. */
export async function runAfter(held: HeldTransaction): Promise<void> {
  for (const fn of held.after.splice(0)) {
    await holding.exit(fn).catch((err: unknown) => rootLogger().error({ err }, 'work queued after a transaction failed'));
  }
}
