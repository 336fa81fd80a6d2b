import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { afterTransactionOf, budgetOf, guardPool, heldTransaction, holding, newHeld, runAfter } from './connection-guard';
import { inClientTransaction } from './pg-client';

import type { Sql, SqlResult } from '../common/sql';

export type { Sql, SqlResult };

/**
 * Wraps a TypeORM EntityManager or DataSource. Statements go straight to the pg connection under
 * it (inside `transaction()`, the query runner's; otherwise the pool's), named by their text so
 * each connection prepares them once: TypeORM's own query path plans every statement every time,
 * which cost more than executing them on the API's hot paths.
 *
 * On a DataSource inside `inTransaction` of that DataSource, statements run on the transaction's
 * connection: code holding a connection never waits for a second one (see connection-guard.ts).
 */
export function sqlOf(em: EntityManager | DataSource): Sql {
  return {
    async query<T>(text: string, params?: unknown[]) {
      const runner = em instanceof DataSource ? undefined : em.queryRunner;
      if (runner) return runStatement<T>(await runner.connect(), text, params);
      const pool = pgPoolOf(em instanceof DataSource ? em : em.connection);
      const held = heldTransaction(pool);
      if (held) return held.sql.query<T>(text, params);
      const release = await budgetOf(pool).acquire();
      try {
        return await runStatement<T>(pool, text, params);
      } finally {
        release();
      }
    },
  };
}

const statementNames = new Map<string, string>();

/**
 * A stable name per statement text, so each connection prepares a statement once and PostgreSQL
 * stops planning it on every call (planning was a third of the database time of a journaled step).
 * Statements built with varying text (long IN lists, ad-hoc filters) are not named.
 */
function statementName(text: string): string | undefined {
  if (text.length > 8000) return undefined;
  let name = statementNames.get(text);
  if (!name) {
    if (statementNames.size > 2000) return undefined;
    name = 'q_' + createHash('sha1').update(text).digest('hex').slice(0, 20);
    statementNames.set(text, name);
  }
  return name;
}

async function runStatement<T>(client: Pool | PoolClient, text: string, params?: unknown[]): Promise<SqlResult<T>> {
  const name = params && params.length ? statementName(text) : undefined;
  const r = await client.query(name ? { name, text, values: params } : { text, values: params });
  return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
}

/** Wraps a pg Pool or client; statements are prepared once per connection (named by their text). */
export function sqlOfPg(client: Pool | PoolClient): Sql {
  return { query: <T>(text: string, params?: unknown[]) => runStatement<T>(client, text, params) };
}

/**
 * Runs fn in a transaction on a pg pool, with BEGIN/COMMIT/ROLLBACK handled and the client
 * guarded against a server that goes away while it is checked out (see pg-client.ts).
 */
export async function pgTransaction<T>(pool: Pool, fn: (sql: Sql, client: PoolClient) => Promise<T>): Promise<T> {
  const held = newHeld(pool);
  try {
    return await inClientTransaction(pool, (client) => {
      held.sql = sqlOfPg(client);
      return holding.run(held, () => fn(held.sql, client));
    });
  } finally {
    held.active = false;
    await runAfter(held);
  }
}

/**
 * Runs fn in one TypeORM transaction with a Sql handle on it. Called again inside fn (directly or
 * by code fn calls), it joins that transaction instead of taking a second connection. Work that
 * must outlive a rollback (an audited denial) is queued with `afterTransaction`.
 */
export async function inTransaction<T>(ds: DataSource, fn: (sql: Sql, em: EntityManager) => Promise<T>): Promise<T> {
  const pool = pgPoolOf(ds);
  const outer = heldTransaction(pool);
  if (outer?.em) return fn(outer.sql, outer.em);
  const release = await budgetOf(pool).acquire();
  const held = newHeld(pool);
  try {
    return await ds.transaction((em) => {
      held.em = em;
      held.sql = sqlOf(em);
      return holding.run(held, () => fn(held.sql, em));
    });
  } finally {
    held.active = false;
    release();
    await runAfter(held);
  }
}

/** `LIKE` pattern matching a materialized path and everything under it (ids contain `_`, a LIKE wildcard). */
export function subtreePattern(path: string): string {
  return path.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

/**
 * The pg pool under TypeORM's DataSource. Long streaming reads (audit export, chain walks) use it
 * directly: TypeORM's query path keeps each result alive long enough for V8 to promote it to the
 * old generation, so a long export grew the heap linearly (+90 MB for 100,000 events) until a
 * full GC; on the bare pool the garbage dies young and memory stays flat.
 */
export function pgPoolOf(ds: DataSource): Pool {
  return guardPool((ds.driver as unknown as { master: Pool }).master);
}

/** The rows of one statement run on the DataSource's pool (prepared by name, like `sqlOf`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Sql.query's default row type
export async function queryRows<T = any>(ds: DataSource, text: string, params?: unknown[]): Promise<T[]> {
  return (await sqlOf(ds).query<T>(text, params)).rows;
}

/**
 * Runs fn once the current transaction on ds's pool has ended (committed or rolled back), on a
 * connection of its own; right away when there is none. For writes that must survive the
 * rollback of the request that caused them (an audited denial).
 */
export function afterTransaction(ds: DataSource, fn: () => Promise<void>): Promise<void> {
  return afterTransactionOf(pgPoolOf(ds), fn);
}
