#!/usr/bin/env node
import { Pool } from 'pg';
import { RAW_CLAIM_SQL, RAW_COMPLETE_SQL, RAW_START_SQL } from './raw-jobs';

/**
 * One raw `pg` worker process (baseline (b) of engine-throughput): BENCH_RAW_STREAMS concurrent
 * loops, each on its own connection, doing claim (`FOR UPDATE SKIP LOCKED`), start and complete
 * as three autocommit statements (three commits) per job, until the table is drained. This is
 * the floor of what any durable job engine on this PostgreSQL pays per step.
 */
async function main() {
  const streams = Number(process.env.BENCH_RAW_STREAMS ?? 16);
  const worker = `raw-${process.pid}`;
  // BENCH_RAW_ASYNC=1: commits do not wait for their WAL flush (synchronous_commit=off), the mode
  // the engines' own journal connections use; otherwise the server default (durable commits).
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL!,
    max: streams,
    application_name: 'bench-raw-worker',
    ...(process.env.BENCH_RAW_ASYNC === '1' ? { options: '-c synchronous_commit=off' } : {}),
  });
  // Open every connection before the start signal, so the measured window holds no connects.
  const clients = await Promise.all(Array.from({ length: streams }, () => pool.connect()));
  clients.forEach((c) => c.release());
  process.send?.('ready');
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  const cpu0 = process.cpuUsage();
  let done = 0;
  await Promise.all(
    Array.from({ length: streams }, async () => {
      const client = await pool.connect();
      try {
        for (;;) {
          const claimed = await client.query({ name: 'claim', text: RAW_CLAIM_SQL, values: [worker] });
          const id = claimed.rows[0]?.id;
          if (id === undefined) return;
          await client.query({ name: 'start', text: RAW_START_SQL, values: [id] });
          await client.query({ name: 'complete', text: RAW_COMPLETE_SQL, values: [id] });
          done++;
        }
      } finally {
        client.release();
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  await pool.end();
  // Exit once the parent has the figures (a send is asynchronous).
  process.send!({ done, cpuMs: (cpu.user + cpu.system) / 1000 }, () => process.exit(0));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
