import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';

export interface DataSourceOptions {
  poolSize?: number;
  applicationName?: string;
  /** PostgreSQL `lock_timeout` of every connection (ms); unset = wait for locks indefinitely (migrations, tools). */
  lockTimeoutMs?: number;
}

export function createDataSource(url: string, opts: DataSourceOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    // No TypeORM entities: every module's SQL lives in its *.store.ts files (typed rows).
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: opts.poolSize ?? 20,
      application_name: opts.applicationName ?? 'provisio',
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      ...(opts.lockTimeoutMs ? { options: `-c lock_timeout=${Math.round(opts.lockTimeoutMs)}` } : {}),
    },
  });
}

/** Names of the migrations this build knows, in order. */
export function knownMigrationNames(): string[] {
  return MIGRATIONS.map((m) => (m as unknown as { name: string }).name);
}
