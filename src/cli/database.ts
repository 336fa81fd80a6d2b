import type { AppConfig } from '../config/app-config';
import { maskUrl, rootLogger } from '../common/logging/logger';
import { type EmbeddedDatabase, embeddedStatus, embeddedUrlFromDataDir, startEmbeddedPostgres } from '../database/embedded-postgres';
import { Pool } from 'pg';
import { warnIfPrivilegedRole } from '../database/database-roles';
import { EMBEDDED_RUNTIME } from '../database/embedded-roles';
import { sqlOfPg } from '../database/sql';
import { runMigrations } from '../database/migrate';

export interface OpenDatabase {
  /** As the runtime role (API, engines, operator commands). */
  url: string;
  /** As the owner role (migrations); the same as `url` when no separate owner is configured. */
  ownerUrl: string;
  /** The runtime role to grant rights to after migrations, when it differs from the owner. */
  runtimeRole?: string;
  embedded?: EmbeddedDatabase;
  close(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL in DATA_DIR/pg (started here). */
export async function openDatabase(config: AppConfig, opts: { migrate: boolean; reuseRunning?: boolean }): Promise<OpenDatabase> {
  const log = rootLogger();
  let url = config.databaseUrl;
  let embedded: EmbeddedDatabase | undefined;
  if (!url && opts.reuseRunning) {
    // An operator command next to a running `provisio all`: use its database, leave it running.
    const status = embeddedStatus(config.resolvedDataDir);
    if (status.running && status.url) {
      log.info({ dataDir: config.resolvedDataDir }, 'using the embedded PostgreSQL of the running installation');
      const ownerUrl = embeddedUrlFromDataDir(config.resolvedDataDir, undefined, { owner: true }) ?? status.url;
      return { url: status.url, ownerUrl, runtimeRole: EMBEDDED_RUNTIME, close: async () => undefined };
    }
  }
  let ownerUrl: string;
  let runtimeRole: string | undefined;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.resolvedDataDir, port: config.embeddedPgPort || undefined, detached: true });
    url = embedded.url;
    ownerUrl = embedded.ownerUrl;
    runtimeRole = embedded.runtimeRole;
  } else {
    log.info({ database: maskUrl(url) }, 'using external PostgreSQL');
    ownerUrl = config.databaseOwnerUrl ?? url;
    runtimeRole = ownerUrl === url ? undefined : decodeURIComponent(new URL(url).username);
  }
  if (opts.migrate) {
    try {
      const { applied } = await runMigrations(ownerUrl, { runtimeRole });
      if (applied.length) log.info({ applied }, 'migrations applied');
    } catch (e) {
      await embedded?.stop();
      throw e;
    }
  }
  return { url, ownerUrl, runtimeRole, embedded, close: async () => embedded?.stop() };
}

/** For processes that join a running installation (a second `engine`): never start a database. */
export function existingDatabaseUrl(config: AppConfig): string {
  const url = config.databaseUrl ?? embeddedUrlFromDataDir(config.resolvedDataDir);
  if (!url)
    throw new Error(
      `DATABASE_URL is not set and no embedded PostgreSQL was found in ${config.resolvedDataDir}; start one with \`provisio all\` or set DATABASE_URL`,
    );
  return url;
}

/** Start-up check of the role the API connects as (least privilege; database-roles.ts). */
export async function warnAboutRuntimeRole(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1, application_name: 'provisio-role-check' });
  try {
    await warnIfPrivilegedRole(sqlOfPg(pool), rootLogger());
  } finally {
    await pool.end();
  }
}
