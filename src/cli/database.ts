import type { AppConfig } from '../config/app-config';
import { maskUrl, rootLogger } from '../common/logging/logger';
import { type EmbeddedDatabase, embeddedStatus, embeddedUrlFromDataDir, startEmbeddedPostgres } from '../database/embedded-postgres';
import { runMigrations } from '../database/migrate';

export interface OpenDatabase {
  url: string;
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
      return { url: status.url, close: async () => undefined };
    }
  }
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.resolvedDataDir, port: config.embeddedPgPort || undefined, detached: true });
    url = embedded.url;
  } else {
    log.info({ database: maskUrl(url) }, 'using external PostgreSQL');
  }
  if (opts.migrate) {
    try {
      const { applied } = await runMigrations(url);
      if (applied.length) log.info({ applied }, 'migrations applied');
    } catch (e) {
      await embedded?.stop();
      throw e;
    }
  }
  return { url, embedded, close: async () => embedded?.stop() };
}

/** For processes that join a running installation (a second `engine`): never start a database. */
export function existingDatabaseUrl(config: AppConfig): string {
  const url = config.databaseUrl ?? embeddedUrlFromDataDir(config.resolvedDataDir);
  if (!url) throw new Error(`DATABASE_URL is not set and no embedded PostgreSQL was found in ${config.resolvedDataDir}; start one with \`provisio all\` or set DATABASE_URL`);
  return url;
}
