#!/usr/bin/env node
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createRootLogger } from '../src/common/logging/logger';
import { engineThroughput } from './engine-throughput';
import { orderLatency } from './order-latency';
import { failover } from './failover';
import { apiLatency } from './api-latency';
import { orderPlacement } from './order-placement';
import { bulkOnboarding } from './bulk-onboarding';
import { type BenchDefinition, createContext } from './lib/context';
import { machineInfo, writeResult } from './lib/results';
import { writeReport } from './report';

/**
 * `npm run bench [-- <name>…] [--reps 3] [--quick] [--profile]`: runs the benchmarks of
 * QUALITY.md, each with its baseline in the same run, writes bench/results/<name>.json and
 * regenerates bench/RESULTS.md. Needs nothing running: each benchmark starts its own embedded
 * PostgreSQL in a temp directory, the API and engine processes from dist/.
 */
const BENCHMARKS: BenchDefinition[] = [engineThroughput, orderPlacement, bulkOnboarding, orderLatency, failover, apiLatency];

const USAGE = `usage: npm run bench -- [name…] [--reps N] [--quick] [--profile] [--vs GIT-REF] [--out DIR] [--list]
benchmarks: ${BENCHMARKS.map((b) => [b.name, ...(b.also ?? [])].join(' (+') + (b.also?.length ? ')' : '')).join(', ')}`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      reps: { type: 'string', default: '3' },
      quick: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      /** order-placement: the commit to A/B against (default: the commit before issue 13). */
      vs: { type: 'string' },
      /** Write the JSON results elsewhere (experiments), leaving bench/results and RESULTS.md alone. */
      out: { type: 'string' },
    },
  });
  if (values.help || values.list) {
    console.log(USAGE);
    return 0;
  }
  createRootLogger(values.verbose ? 'info' : 'warn', process.stderr as any);
  const selected: BenchDefinition[] = [];
  for (const name of positionals.length ? positionals : BENCHMARKS.map((b) => b.name)) {
    const def = BENCHMARKS.find((b) => b.name === name || b.also?.includes(name));
    if (!def) {
      console.error(`unknown benchmark "${name}"\n${USAGE}`);
      return 2;
    }
    if (!selected.includes(def)) selected.push(def);
  }
  const reps = Number(values.reps);
  if (!Number.isInteger(reps) || reps < 1) {
    console.error('--reps must be a positive integer');
    return 2;
  }
  const machine = machineInfo();
  const t0 = Date.now();
  const log = (line: string) => console.log(`[bench +${((Date.now() - t0) / 1000).toFixed(0)}s] ${line}`);
  const ctx = createContext({ reps, quick: values.quick, profile: values.profile, vs: values.vs, machine, log });
  log(
    `machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}; load average ${machine.loadAverageAtStart.join(' ')}`,
  );
  if (machine.loadAverageAtStart[0] > machine.cores * 0.5)
    log('warning: the machine is busy; absolute figures will be low (ratios to the same-run baselines still hold)');
  let failed = false;
  for (const def of selected) {
    ctx.machine = machineInfo(); // the load average when this benchmark starts
    log(`── ${def.name}${def.also?.length ? ` (+ ${def.also.join(', ')})` : ''}: ${def.description}`);
    try {
      const results = await def.run(ctx);
      for (const r of results) {
        if (values.quick) r.notes = [...(r.notes ?? []), 'quick run (--quick): smaller workload, not comparable with full runs'];
        const file = writeResult(r, values.out ? path.resolve(values.out) : undefined);
        log(
          `${r.name}: ${r.checks.map((c) => `${c.metric} = ${c.value}${c.unit === '×' || c.unit === '%' ? c.unit : ` ${c.unit}`} (target ${c.target}) ${c.met ? 'met' : 'MISSED'}`).join('; ')}`,
        );
        log(`wrote ${fs.realpathSync(file)}`);
      }
    } catch (e) {
      failed = true;
      console.error(`benchmark ${def.name} failed:`, e);
    }
    if (!values.out) writeReport();
  }
  if (!values.out) log('bench/RESULTS.md regenerated');
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
