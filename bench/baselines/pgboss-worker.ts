#!/usr/bin/env node
import PgBoss from 'pg-boss';

/**
 * One pg-boss 10 worker process (baseline (a) of engine-throughput): one `work()` loop on the
 * queue, trivial jobs (the handler returns at once; pg-boss completes the batch in one statement).
 * Settings come from the environment so the bench states them in one place:
 * BENCH_PGBOSS_BATCH (jobs per fetch), BENCH_PGBOSS_POLL_S (pollingIntervalSeconds; 0.5 is the
 * minimum pg-boss accepts). Maintenance, scheduling and migrations are off (the bench installed
 * the schema once).
 */
async function main() {
  const boss = new PgBoss({
    connectionString: process.env.DATABASE_URL!,
    application_name: 'bench-pgboss-worker',
    max: 4,
    supervise: false,
    schedule: false,
    migrate: false,
  });
  boss.on('error', (err) => console.error('pg-boss error', err.message));
  await boss.start();
  const queue = process.env.BENCH_QUEUE!;
  await boss.work(
    queue,
    { batchSize: Number(process.env.BENCH_PGBOSS_BATCH ?? 50), pollingIntervalSeconds: Number(process.env.BENCH_PGBOSS_POLL_S ?? 0.5) },
    async () => {
      /* a trivial job */
    },
  );
  process.send?.('ready');
  const stop = () => {
    boss.stop({ graceful: true, wait: true, timeout: 5000 }).finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
