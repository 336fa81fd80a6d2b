import { parseArgs } from 'node:util';
import { createRootLogger } from '../../src/common/logging/logger';
import { MissingPackagesError } from '../../scripts/topology/packages';
import { formatFailover } from './topology-failover';
import { runTopologyChaos, type Throughput, type TopologyChaosReport } from './topology-chaos';

/**
 * `npm run chaos -- --topology [--short] [--orders 300 --rate 4 --db-kills 2 --db-kill node --keep --json]`.
 * --short is the CI version: 100 orders, one failover.
 */
export async function topologyChaosMain(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      topology: { type: 'boolean', default: true },
      short: { type: 'boolean', default: false },
      orders: { type: 'string' },
      rate: { type: 'string', default: '4' },
      'db-kills': { type: 'string' },
      'db-kill': { type: 'string', default: 'postgres' },
      'port-base': { type: 'string' },
      keep: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (values['db-kill'] !== 'postgres' && values['db-kill'] !== 'node') throw new Error('--db-kill is postgres or node');
  createRootLogger('silent');
  const t0 = Date.now();
  const report = await runTopologyChaos({
    orders: Number(values.orders ?? (values.short ? 100 : 320)),
    ratePerSecond: Number(values.rate),
    databaseKills: Number(values['db-kills'] ?? (values.short ? 1 : 2)),
    databaseKill: values['db-kill'],
    portBase: values['port-base'] ? Number(values['port-base']) : undefined,
    keep: values.keep,
    log: (line) => console.log(`[topology-chaos +${((Date.now() - t0) / 1000).toFixed(1)}s] ${line}`),
  });
  console.log(formatTopologyReport(report));
  if (values.json) console.log(`TOPOLOGY_CHAOS_REPORT ${JSON.stringify(report)}`);
  return report.passed ? 0 : 1;
}

const rate = (t?: Throughput) =>
  t ? `${t.placedPerSecond.toFixed(1)} placed / ${t.completedPerSecond.toFixed(1)} completed per s over ${t.seconds.toFixed(1)} s` : 'n/a';

export function formatTopologyReport(r: TopologyChaosReport): string {
  const kv = (o: Record<string, number>) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ') || 'none';
  const lines = [
    `topology chaos ${r.passed ? 'PASSED' : 'FAILED'} in ${(r.durationMs / 1000).toFixed(1)} s (PostgreSQL ${r.postgresMajor} under Patroni, synchronous replication; HAProxy; 2 × serve, 3 × engine)`,
    `  orders answered 202: ${r.ordersPlaced} (${kv(r.ordersByStatus)}); missing from the database afterwards: ${r.ordersMissing}; in the database but never answered: ${r.ordersUnanswered}`,
    `  database failovers: ${r.failovers.length}`,
    ...r.failovers.map((f) => `    - ${formatFailover(f)}`),
    `  orders/s before the first failover: ${rate(r.throughput.before)}`,
    `  orders/s during it (kill → first write): ${rate(r.throughput.during)}`,
    `  orders/s after it: ${rate(r.throughput.after)}`,
    `  client answers: ${kv(r.clientAnswers)}`,
    `  answers outside the contract: ${r.clientViolations}; slowest 503 (long polls aside): ${(r.slowest503Ms / 1000).toFixed(2)} s`,
    ...r.violationSamples.map((v) => `    e.g. ${v}`),
    `  events: ${r.events.join('; ')}`,
    `  engine kills ${r.engineKills}, engine freezes ${r.engineFreezes}, API kills ${r.apiKills}; processes that died by themselves: ${r.crashes.length}`,
    `  runs: ${kv(r.runsByStatus)}; takeovers ${r.takeovers}; steps recorded twice ${r.stepsRecordedTwice}; journal gaps ${r.journalGaps}; duplicate platform objects ${r.duplicates}`,
    `  audit chain ${r.auditVerified ? 'verified' : 'BROKEN'} (${r.auditEvents} events)`,
  ];
  if (r.dir) lines.push(`  kept: ${r.dir} (logs in logs/)`);
  if (r.problems.length) lines.push('  problems:', ...r.problems.slice(0, 60).map((p) => `    - ${p}`));
  return lines.join('\n');
}

export function describeTopologyError(e: unknown): string {
  return e instanceof MissingPackagesError ? e.message : String(e instanceof Error ? (e.stack ?? e.message) : e);
}
