import type { Sql } from './sql';

/** The migration bookkeeping of TypeORM (`schema_migrations`) and the lock that serializes migrators. */

const MIGRATION_LOCK = 727274001;

/** Names of the migrations applied; undefined when the table does not exist yet (a new database). */
export async function appliedMigrationNames(sql: Sql): Promise<Set<string> | undefined> {
  try {
    return new Set((await sql.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
  } catch {
    return undefined;
  }
}

/** Session-level lock: one migrator at a time even when several processes start together. */
export async function lockMigrations(query: (text: string) => Promise<unknown>): Promise<void> {
  await query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
}

export async function unlockMigrations(query: (text: string) => Promise<unknown>): Promise<void> {
  await query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
}

/** Does the database answer at all? */
export async function pingDatabase(sql: Sql): Promise<void> {
  await sql.query('SELECT 1');
}
