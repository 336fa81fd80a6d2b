import { createDataSource, knownMigrationNames } from './data-source';

export interface MigrationReport {
  applied: string[];
}

/** Applies pending migrations; safe to run concurrently (TypeORM holds a lock table row per run). */
export async function runMigrations(url: string): Promise<MigrationReport> {
  const ds = createDataSource(url, { poolSize: 2, applicationName: 'provisio-migrate' });
  await ds.initialize();
  try {
    // One migrator at a time even when several processes start together.
    const qr = ds.createQueryRunner();
    await qr.connect();
    try {
      await qr.query('SELECT pg_advisory_lock(727274001)');
      const done = await ds.runMigrations({ transaction: 'each' });
      return { applied: done.map((m) => m.name) };
    } finally {
      await qr.query('SELECT pg_advisory_unlock(727274001)').catch(() => undefined);
      await qr.release();
    }
  } finally {
    await ds.destroy();
  }
}

/** Migrations this build knows that the database has not applied. */
export async function pendingMigrations(query: (sql: string) => Promise<{ name: string }[]>): Promise<string[]> {
  let applied: Set<string>;
  try {
    applied = new Set((await query('SELECT name FROM schema_migrations')).map((r) => r.name));
  } catch {
    return knownMigrationNames();
  }
  return knownMigrationNames().filter((n) => !applied.has(n));
}
