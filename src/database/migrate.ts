import { createDataSource, knownMigrationNames } from './data-source';
import { grantRuntimeAccess } from './database-roles';
import { appliedMigrationNames, lockMigrations, unlockMigrations } from './migrations.store';
import { type Sql, sqlOf } from './sql';

export interface MigrationReport {
  applied: string[];
}

export interface MigrateOptions {
  /** The role the API and engines connect as: granted what they need after the migrations. */
  runtimeRole?: string;
}

/**
 * Applies pending migrations as the role of `url` (the owner role); safe to run concurrently (an
 * advisory lock serializes migrators). Then grants the runtime role its rights, when it is another role.
 */
export async function runMigrations(url: string, opts: MigrateOptions = {}): Promise<MigrationReport> {
  const ds = createDataSource(url, { poolSize: 2, applicationName: 'provisio-migrate' });
  await ds.initialize();
  try {
    // One migrator at a time even when several processes start together.
    const qr = ds.createQueryRunner();
    await qr.connect();
    try {
      await lockMigrations((text) => qr.query(text));
      const done = await ds.runMigrations({ transaction: 'each' });
      const sql = sqlOf(ds);
      const current = (await sql.query<{ u: string }>('SELECT current_user AS u')).rows[0].u;
      if (opts.runtimeRole && opts.runtimeRole !== current) await grantRuntimeAccess(sql, opts.runtimeRole);
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
