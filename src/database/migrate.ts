import { createDataSource, knownMigrationNames } from './data-source';
import { appliedMigrationNames, lockMigrations, unlockMigrations } from './migrations.store';
import type { Sql } from './sql';

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
      await lockMigrations((text) => qr.query(text));
      const done = await ds.runMigrations({ transaction: 'each' });
      return { applied: done.map((m) => m.name) };
    } finally {
      await unlockMigrations((text) => qr.query(text)).catch(() => undefined);
      await qr.release();
    }
  } finally {
    await ds.destroy();
  }
}

/** Migrations this build knows that the database has not applied. */
export async function pendingMigrations(sql: Sql): Promise<string[]> {
  const applied = await appliedMigrationNames(sql);
  return applied ? knownMigrationNames().filter((n) => !applied.has(n)) : knownMigrationNames();
}
