import { runTopologyChaos, type TopologyChaosReport } from '../../bench/chaos/topology-chaos';
import { formatTopologyReport } from '../../bench/chaos/topology-chaos-cli';

/**
 * DEPLOYMENT.md: the PostgreSQL primary dies while engines hold runs (lab calls slowed so that
 * runs are mid-flight), orders keep arriving through HAProxy with Idempotency-Keys. Afterwards no
 * step is recorded twice, the journal of every run is whole, no run is lost, and every order
 * answered 202 is in the database and ended — its platform objects exactly once.
 */
describe('database failover while engines hold runs', () => {
  let report: TopologyChaosReport;
  const lines: string[] = [];

  beforeAll(async () => {
    report = await runTopologyChaos({
      orders: 40,
      ratePerSecond: 4,
      databaseKills: 1,
      engineKills: false,
      apiKill: false,
      freeze: false,
      engines: 2,
      labLatencyMs: 60,
      transientErrorRate: 0,
      permanentErrorRate: 0,
      log: (line) => lines.push(line),
    });
    // The whole report, for whoever reads a failure.
    lines.push(formatTopologyReport(report));
  });

  it('killed the primary while the engines held runs, and the standby took over', () => {
    expect(report.failovers).toHaveLength(1);
    expect(report.failovers[0].runsHeld).toBeGreaterThan(0);
    expect(report.failovers[0].promotedNode).not.toBe(report.failovers[0].killedNode);
    expect(report.failovers[0].firstWriteMs).toBeDefined();
  });

  it('lost no order answered 202 and ended every run', () => {
    expect(report.ordersPlaced).toBeGreaterThanOrEqual(40);
    expect(report.ordersMissing).toBe(0);
    expect(report.ordersUnanswered).toBe(0);
    expect(Object.keys(report.runsByStatus).filter((s) => s !== 'completed' && s !== 'failed')).toEqual([]);
  });

  it('recorded no step twice and left every journal whole', () => {
    expect(report.stepsRecordedTwice).toBe(0);
    expect(report.journalGaps).toBe(0);
    expect(report.duplicates).toBe(0);
  });

  it('passes every check of the chaos verdict (platform state, quota, audit chain, client answers)', () => {
    if (!report.passed) throw new Error(lines.join('\n'));
    expect(report.auditVerified).toBe(true);
    expect(report.clientViolations).toBe(0);
  });
});
