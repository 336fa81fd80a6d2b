#!/usr/bin/env node
import { Pool } from 'pg';

/**
 * One DBOS Transact worker process (baseline (b) of engine-throughput): BENCH_DBOS_STREAMS
 * concurrent loops, each running durable workflows one after the other until this process's
 * share is done. Workflow i has the step count the engines journaled for run i of the drain
 * (BENCH_DBOS_STEPS, a file of one count per line; this process takes every
 * BENCH_DBOS_PROCESSES-th workflow starting at BENCH_DBOS_INDEX); each step inserts one row
 * with a `pg` pool of its own, and DBOS checkpoints the step's result in its system tables
 * (schema `dbos` of the same database) — DBOS's default durability: its commits wait for the
 * WAL flush unless BENCH_DBOS_ASYNC=1 (synchronous_commit=off on its system pool and the row
 * pool, the engines' journal mode).
 *
 * DBOS is loaded with a dynamic import: the bench is compiled by tsc and run by node, and the
 * package is only needed here (a devDependency; nothing in src/ or the tests loads it).
 */
async function main() {
  const streams = Number(process.env.BENCH_DBOS_STREAMS ?? 16);
  const index = Number(process.env.BENCH_DBOS_INDEX ?? 0);
  const processes = Number(process.env.BENCH_DBOS_PROCESSES ?? 1);
  const counts = (process.env.BENCH_DBOS_STEPS ?? '4')
    .split(',')
    .map(Number)
    .filter((n, i) => i % processes === index && n > 0);
  const async = process.env.BENCH_DBOS_ASYNC === '1';
  const options = async ? { options: '-c synchronous_commit=off' } : {};
  const url = process.env.DATABASE_URL!;

  const { DBOS } = await import('@dbos-inc/dbos-sdk');
  const rows = new Pool({ connectionString: url, max: streams, application_name: 'bench-dbos-rows', ...options });
  // DBOS's own pool, sized like the engines' (one connection per workflow in flight plus its
  // background work); with BENCH_DBOS_ASYNC the only change is the commit mode.
  const system = new Pool({ connectionString: url, max: streams + 4, application_name: 'bench-dbos-system', ...options });
  rows.on('error', () => undefined);
  system.on('error', () => undefined);
  DBOS.setConfig({
    name: 'provisio-bench',
    systemDatabaseUrl: url,
    systemDatabasePool: system,
    systemDatabaseSchemaName: 'dbos',
    logLevel: 'warn',
    executorID: `bench-${process.pid}`,
  });

  const writeRow = DBOS.registerStep(
    async (workflow: number, step: number) => {
      await rows.query({ name: 'dbos-row', text: 'INSERT INTO bench_dbos_rows (workflow, step) VALUES ($1, $2)', values: [workflow, step] });
      return step;
    },
    { name: 'writeRow', retriesAllowed: false },
  );
  const workflow = DBOS.registerWorkflow(
    async (n: number, steps: number) => {
      for (let s = 1; s <= steps; s++) await writeRow(n, s);
      return steps;
    },
    { name: 'benchWorkflow' },
  );

  await DBOS.launch();
  // Open the row pool's connections before the start signal (the system pool is warm from launch).
  const clients = await Promise.all(Array.from({ length: streams }, () => rows.connect()));
  clients.forEach((c) => c.release());
  process.send?.('ready');
  await new Promise<void>((resolve) => process.once('message', () => resolve()));

  const cpu0 = process.cpuUsage();
  const startedAt = Date.now();
  let next = 0;
  let steps = 0;
  await Promise.all(
    Array.from({ length: streams }, async () => {
      for (;;) {
        const i = next++;
        if (i >= counts.length) return;
        const done = await workflow(index + i * processes, counts[i]);
        steps += done; // not `steps += await …`: that reads `steps` before the await
      }
    }),
  );
  const finishedAt = Date.now();
  const cpu = process.cpuUsage(cpu0);
  await DBOS.shutdown();
  await rows.end();
  await system.end().catch(() => undefined);
  process.send!({ workflows: counts.length, steps, startedAt, finishedAt, cpuMs: (cpu.user + cpu.system) / 1000 }, () => process.exit(0));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
