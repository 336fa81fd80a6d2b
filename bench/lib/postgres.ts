import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Pool } from 'pg';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { runMigrations } from '../../src/database/migrate';

/**
 * The bench's own PostgreSQL: the embedded binaries in a fresh temp directory, migrated, with
 * **default durability** (fsync on, synchronous_commit on, full_page_writes on: every commit
 * waits for its WAL flush), and pg_stat_statements preloaded so each benchmark can say which
 * statements its time went to. Settings that differ from a stock PostgreSQL are listed in
 * BENCH_PG_SETTINGS and printed in the results.
 */
export const BENCH_PG_SETTINGS: Record<string, string | number> = {
  // The engines (2 × (16×2+4) pool connections + LISTEN), the API (20 + LISTEN), the baselines.
  max_connections: 300,
  shared_preload_libraries: 'pg_stat_statements',
  'pg_stat_statements.track': 'all',
  'pg_stat_statements.track_planning': 'on',
  'pg_stat_statements.max': 5000,
  track_io_timing: 'on',
};

/** The role the bench's own connections use (its statements are not the system's). */
const BENCH_ROLE = 'provisio_bench';

export interface BenchDatabase {
  url: string;
  adminUrl: string;
  dir: string;
  embedded: EmbeddedDatabase;
  /** A small superuser pool for the bench's own queries (setup, measurements). */
  pool: Pool;
  version: string;
  /** The effective durability and memory settings, as the server reports them. */
  settings: Record<string, string>;
  /**
   * Another, empty database in the same server (an A/B side built from another commit migrates
   * it itself): its URL for Provisio and a bench-role pool on it (closed by stop()).
   */
  createDatabase(name: string): Promise<{ url: string; pool: Pool }>;
  stop(): Promise<void>;
}

const REPORTED = [
  'fsync',
  'synchronous_commit',
  'full_page_writes',
  'wal_level',
  'shared_buffers',
  'work_mem',
  'max_connections',
  'checkpoint_timeout',
  'max_wal_size',
  'shared_preload_libraries',
];

export async function startBenchDatabase(name: string): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `provisio-bench-${name}-`));
  fs.chmodSync(dir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'db'), database: 'provisio', settings: BENCH_PG_SETTINGS });
  try {
    await runMigrations(embedded.ownerUrl, { runtimeRole: embedded.runtimeRole });
    // The bench's own queries run as a role of their own, so pg_stat_statements can leave them out.
    const password = randomBytes(12).toString('hex');
    const setupUrl = new URL(embedded.adminUrl);
    setupUrl.pathname = '/provisio';
    const setup = new Pool({ connectionString: setupUrl.toString(), max: 1 });
    await setup.query(`CREATE ROLE ${BENCH_ROLE} LOGIN SUPERUSER PASSWORD '${password}'`);
    await setup.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await setup.end();
    const benchUrl = new URL(embedded.url);
    benchUrl.username = BENCH_ROLE;
    benchUrl.password = password;
    const pool = new Pool({ connectionString: benchUrl.toString(), max: 4, application_name: 'provisio-bench' });
    pool.on('error', () => undefined);
    const version = (await pool.query(`SELECT current_setting('server_version') AS v`)).rows[0].v as string;
    const rows = (await pool.query(`SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1)`, [REPORTED])).rows;
    const settings: Record<string, string> = {};
    for (const r of rows) settings[r.name] = r.unit && r.unit !== 'ms' && r.unit !== 's' ? humanSize(Number(r.setting), r.unit) : `${r.setting}${r.unit ?? ''}`;
    const extraPools: Pool[] = [];
    return {
      url: embedded.url,
      adminUrl: embedded.adminUrl,
      dir,
      embedded,
      pool,
      version,
      settings,
      createDatabase: async (dbName: string) => {
        if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) throw new Error(`bad database name ${dbName}`);
        // Baselines create their own tables: the database is the owner role's, and so is the URL.
        const url = new URL(embedded.ownerUrl);
        await pool.query(`CREATE DATABASE ${dbName} OWNER ${url.username}`);
        url.pathname = `/${dbName}`;
        const otherBench = new URL(benchUrl.toString());
        otherBench.pathname = `/${dbName}`;
        const other = new Pool({ connectionString: otherBench.toString(), max: 2, application_name: 'provisio-bench' });
        other.on('error', () => undefined);
        extraPools.push(other);
        return { url: url.toString(), pool: other };
      },
      stop: async () => {
        for (const p of extraPools) await p.end().catch(() => undefined);
        await pool.end().catch(() => undefined);
        await embedded.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await embedded.stop();
    throw e;
  }
}

function humanSize(value: number, unit: string): string {
  const m = /^(\d+)?(B|kB|MB|GB)$/.exec(unit);
  if (!m) return `${value}${unit}`;
  const factor = Number(m[1] ?? 1) * { B: 1, kB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[m[2] as 'B' | 'kB' | 'MB' | 'GB'];
  const bytes = value * factor;
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)}GB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)}MB`;
  return `${+(bytes / 1024).toFixed(0)}kB`;
}

export interface StatementCost {
  query: string;
  calls: number;
  totalMs: number;
  /** Planning time (track_planning): what a prepared statement would not pay again. */
  planMs: number;
  /** How many times it was planned: about `calls` when PostgreSQL plans it anew each time (custom plans). */
  plans: number;
  meanMs: number;
  rows: number;
  /** Share of the total execution time of all statements in the window. */
  share: number;
}

export async function resetStatements(pool: Pool): Promise<void> {
  await pool.query('SELECT pg_stat_statements_reset()');
}

/**
 * The statements of the window since the last reset, by total execution time, without the
 * bench's own bookkeeping queries (they run as BENCH_ROLE). `calls` over the steps of the window gives round trips per step.
 * `database`: another database of the same server (default: the pool's).
 */
export async function topStatements(
  pool: Pool,
  limit = 15,
  database?: string,
): Promise<{ totalCalls: number; totalMs: number; planMs: number; top: StatementCost[]; byCalls: { query: string; calls: number }[] }> {
  const rows = (
    await pool.query(
      `SELECT query, calls::float8 AS calls, total_exec_time AS total_ms, total_plan_time AS plan_ms, plans::float8 AS plans, rows::float8 AS rows
         FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = COALESCE($1, current_database()))
          AND userid <> (SELECT oid FROM pg_roles WHERE rolname = '${BENCH_ROLE}')`,
      [database ?? null],
    )
  ).rows as { query: string; calls: number; total_ms: number; plan_ms: number; plans: number; rows: number }[];
  const totalCalls = rows.reduce((a, r) => a + r.calls, 0);
  const totalMs = rows.reduce((a, r) => a + r.total_ms, 0);
  const planMs = rows.reduce((a, r) => a + r.plan_ms, 0);
  const top = rows
    .slice()
    .sort((a, b) => b.total_ms - a.total_ms)
    .slice(0, limit)
    .map((r) => ({
      query: r.query.replace(/\s+/g, ' ').trim().slice(0, 300),
      calls: r.calls,
      totalMs: Math.round(r.total_ms),
      planMs: Math.round(r.plan_ms),
      plans: r.plans,
      meanMs: Math.round((r.total_ms / Math.max(1, r.calls)) * 1000) / 1000,
      rows: r.rows,
      share: Math.round((r.total_ms / Math.max(1e-9, totalMs)) * 1000) / 1000,
    }));
  const byCalls = [...rows]
    .sort((a, b) => b.calls - a.calls)
    .slice(0, 40)
    .map((r) => ({ query: r.query.replace(/\s+/g, ' ').trim().slice(0, 160), calls: r.calls }));
  return { totalCalls, totalMs: Math.round(totalMs), planMs: Math.round(planMs), top, byCalls };
}
