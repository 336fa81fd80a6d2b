import { type ChildProcess, fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import { cpuDelta, cpuSnapshot } from '../lib/cpu';
import { waitUntil } from '../lib/processes';
import { RAW_SCHEMA_SQL } from './raw-jobs';

export interface BaselineRun {
  jobs: number;
  completed: number;
  windowMs: number;
  jobsPerS: number;
  /** CPU ms used during the run: workers, postgres, total. */
  cpuMs: Record<string, number>;
}

function forkWorker(
  script: string,
  env: Record<string, string>,
  logFile: string,
): { child: ChildProcess; message: Promise<unknown>; exited: Promise<void>; messages: unknown[] } {
  const out = fs.openSync(logFile, 'a');
  const child = fork(path.join(__dirname, script), [], { env: { ...process.env, ...env }, stdio: ['ignore', out, out, 'ipc'] });
  fs.closeSync(out);
  const messages: unknown[] = [];
  const message = new Promise<unknown>((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready; see ${logFile}`)));
  });
  child.on('message', (m) => messages.push(m));
  message.catch(() => undefined);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, message, exited, messages };
}

/**
 * The bench's pool (a superuser role of its own) creates a baseline's table; its workers connect
 * as the database owner role, which since the least-privilege roles has no rights on a table it
 * does not own ("permission denied for table bench_raw_jobs": the raw loop and DBOS reported no figures).
 */
async function ownedByWorkers(pool: Pool, table: string, workersUrl: string): Promise<void> {
  const role = decodeURIComponent(new URL(workersUrl).username);
  await pool.query(`/* bench */ ALTER TABLE ${table} OWNER TO "${role.replace(/"/g, '""')}"`);
}

export const PGBOSS_SETTINGS = { workers: 2, batchSize: 50, pollingIntervalSeconds: 0.5 };

/**
 * Baseline (a): pg-boss 10 in its own schema of the same database. `jobs` trivial jobs are
 * inserted first, then 2 worker processes (one `work()` each) drain the queue. The window runs
 * from the first job's start to the last job's completion, from pg-boss's own timestamps.
 */
export async function runPgBossBaseline(
  pool: Pool,
  databaseUrl: string,
  postmasterPid: number,
  jobs: number,
  dir: string,
  settings = PGBOSS_SETTINGS,
): Promise<BaselineRun> {
  const queue = `bench_${Date.now().toString(36)}`;
  const boss = new PgBoss({ connectionString: databaseUrl, application_name: 'bench-pgboss-setup', max: 2, supervise: false, schedule: false });
  boss.on('error', () => undefined);
  await boss.start(); // installs the pgboss schema the first time
  try {
    await boss.createQueue(queue);
    for (let i = 0; i < jobs; i += 1000) {
      await boss.insert(Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => ({ name: queue, data: { n: i + k } })));
    }
  } finally {
    await boss.stop({ graceful: false, wait: true, timeout: 2000 }).catch(() => undefined);
  }
  await pool.query('/* bench */ CHECKPOINT');
  const workers = Array.from({ length: settings.workers }, () =>
    forkWorker(
      'pgboss-worker.js',
      {
        DATABASE_URL: databaseUrl,
        BENCH_QUEUE: queue,
        BENCH_PGBOSS_BATCH: String(settings.batchSize),
        BENCH_PGBOSS_POLL_S: String(settings.pollingIntervalSeconds),
      },
      path.join(dir, 'pgboss.log'),
    ),
  );
  let cpuMs: Record<string, number>;
  try {
    await Promise.all(workers.map((w) => w.message));
    const pids = { workers: workers.map((w) => w.child.pid!) };
    const before = cpuSnapshot(postmasterPid, pids);
    await waitUntil(
      async () => {
        const r = await pool.query(`/* bench */ SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [queue]);
        return r.rows[0].n >= jobs;
      },
      'pg-boss to complete its jobs',
      30 * 60_000,
      200,
    );
    cpuMs = cpuDelta(before, cpuSnapshot(postmasterPid, pids));
  } finally {
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
  }
  const r = (
    await pool.query(
      `/* bench */ SELECT count(*)::int AS n, EXTRACT(EPOCH FROM max(completed_on) - min(started_on)) * 1000 AS ms FROM pgboss.job WHERE name = $1 AND state = 'completed'`,
      [queue],
    )
  ).rows[0];
  const windowMs = Number(r.ms);
  return { jobs, completed: r.n, windowMs, jobsPerS: (r.n / windowMs) * 1000, cpuMs };
}

export const RAW_SETTINGS = { processes: 2, streamsPerProcess: 16, synchronousCommit: true };
/** The raw loop in the engines' commit mode (synchronous_commit=off): the baseline of the targets. */
export const RAW_SETTINGS_ENGINE_MODE = { ...RAW_SETTINGS, synchronousCommit: false };

/**
 * Baseline (b): a raw `pg` loop — claim (SKIP LOCKED), start, complete, three commits per job —
 * in 2 processes × 16 connections (the engines' 2 × ENGINE_CONCURRENCY). The window runs from
 * the first claim to the last completion, from the table's timestamps.
 */
export async function runRawBaseline(
  pool: Pool,
  databaseUrl: string,
  postmasterPid: number,
  jobs: number,
  dir: string,
  settings = RAW_SETTINGS,
): Promise<BaselineRun> {
  await pool.query(RAW_SCHEMA_SQL);
  await ownedByWorkers(pool, 'bench_raw_jobs', databaseUrl);
  await pool.query('/* bench */ TRUNCATE bench_raw_jobs');
  await pool.query(`/* bench */ INSERT INTO bench_raw_jobs (payload) SELECT jsonb_build_object('n', g) FROM generate_series(1, $1) g`, [jobs]);
  await pool.query('/* bench */ VACUUM ANALYZE bench_raw_jobs');
  await pool.query('/* bench */ CHECKPOINT');
  const workers = Array.from({ length: settings.processes }, () =>
    forkWorker(
      'raw-worker.js',
      { DATABASE_URL: databaseUrl, BENCH_RAW_STREAMS: String(settings.streamsPerProcess), BENCH_RAW_ASYNC: settings.synchronousCommit ? '0' : '1' },
      path.join(dir, 'raw.log'),
    ),
  );
  await Promise.all(workers.map((w) => w.message));
  const pg0 = cpuSnapshot(postmasterPid, {});
  for (const w of workers) w.child.send('go');
  await Promise.all(workers.map((w) => w.exited));
  const pg = cpuDelta(pg0, cpuSnapshot(postmasterPid, {}));
  const workerMs = Math.round(workers.reduce((a, w) => a + Number((w.messages.find((m: any) => m?.cpuMs !== undefined) as any)?.cpuMs ?? 0), 0));
  const cpuMs = { postgres: pg.postgres, workers: workerMs, total: pg.postgres + workerMs };
  const r = (
    await pool.query(
      `/* bench */ SELECT count(*)::int AS n, EXTRACT(EPOCH FROM max(finished_at) - min(claimed_at)) * 1000 AS ms FROM bench_raw_jobs WHERE state = 'done'`,
    )
  ).rows[0];
  const windowMs = Number(r.ms);
  return { jobs, completed: r.n, windowMs, jobsPerS: (r.n / windowMs) * 1000, cpuMs };
}

export const DBOS_SETTINGS = { processes: 2, workflowsInFlightPerProcess: 16, durability: 'DBOS default (synchronous_commit=on)' };

/**
 * Baseline (c): DBOS Transact 5 (`@dbos-inc/dbos-sdk`), what users pick for durable multi-step
 * workflows on PostgreSQL. One workflow per engine run of the drain, with that run's step count
 * (`stepCounts`), each step inserting one row; 2 processes × 16 workflows in flight (the engines'
 * 2 × ENGINE_CONCURRENCY), DBOS's system tables in schema `dbos` of the same database. The window
 * runs from the workers' start signal to the last workflow's return.
 */
export async function runDbosBaseline(
  pool: Pool,
  databaseUrl: string,
  postmasterPid: number,
  stepCounts: number[],
  dir: string,
  opts: { synchronousCommit: boolean } = { synchronousCommit: true },
): Promise<BaselineRun & { workflows: number; steps: number }> {
  const { DBOS } = await import('@dbos-inc/dbos-sdk');
  await DBOS.migrate(databaseUrl, { schemaName: 'dbos' }); // once, before two processes launch
  await pool.query(
    '/* bench */ CREATE TABLE IF NOT EXISTS bench_dbos_rows (id bigserial PRIMARY KEY, workflow int NOT NULL, step int NOT NULL, at timestamptz NOT NULL DEFAULT now())',
  );
  await ownedByWorkers(pool, 'bench_dbos_rows', databaseUrl);
  await pool.query('/* bench */ TRUNCATE bench_dbos_rows');
  await pool.query('/* bench */ CHECKPOINT');
  const settings = DBOS_SETTINGS;
  const workers = Array.from({ length: settings.processes }, (_, i) =>
    forkWorker(
      'dbos-worker.js',
      {
        DATABASE_URL: databaseUrl,
        BENCH_DBOS_STREAMS: String(settings.workflowsInFlightPerProcess),
        BENCH_DBOS_INDEX: String(i),
        BENCH_DBOS_PROCESSES: String(settings.processes),
        BENCH_DBOS_STEPS: stepCounts.join(','),
        BENCH_DBOS_ASYNC: opts.synchronousCommit ? '0' : '1',
      },
      path.join(dir, 'dbos.log'),
    ),
  );
  try {
    await Promise.all(workers.map((w) => w.message));
  } catch (e) {
    for (const w of workers) w.child.kill('SIGKILL');
    throw e;
  }
  const pg0 = cpuSnapshot(postmasterPid, {});
  for (const w of workers) w.child.send('go');
  await Promise.all(workers.map((w) => w.exited));
  const pg = cpuDelta(pg0, cpuSnapshot(postmasterPid, {}));
  const reports = workers.map(
    (w) =>
      w.messages.find((m: any) => m?.cpuMs !== undefined) as
        { workflows: number; steps: number; startedAt: number; finishedAt: number; cpuMs: number } | undefined,
  );
  if (reports.some((r) => !r)) throw new Error(`a DBOS worker exited without its figures; see ${path.join(dir, 'dbos.log')}`);
  const done = reports as NonNullable<(typeof reports)[number]>[];
  const workerMs = Math.round(done.reduce((a, r) => a + r.cpuMs, 0));
  const cpuMs = { postgres: pg.postgres, workers: workerMs, total: pg.postgres + workerMs };
  const rows = (await pool.query('/* bench */ SELECT count(*)::int AS n FROM bench_dbos_rows')).rows[0].n as number;
  const steps = done.reduce((a, r) => a + r.steps, 0);
  if (rows !== steps) throw new Error(`DBOS baseline: ${steps} steps returned but ${rows} rows written`);
  const windowMs = Math.max(...done.map((r) => r.finishedAt)) - Math.min(...done.map((r) => r.startedAt));
  return { jobs: steps, completed: steps, steps, workflows: done.reduce((a, r) => a + r.workflows, 0), windowMs, jobsPerS: (steps / windowMs) * 1000, cpuMs };
}
