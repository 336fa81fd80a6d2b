import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { TopologyChaosReport } from '../../bench/chaos/topology-chaos';

/**
 * The short topology chaos run (`npm run chaos -- --topology --short`): 100 orders through HAProxy
 * while the PostgreSQL primary is killed, an API process is killed, an engine is frozen past its
 * lease and engines are killed every few seconds. Run as the CLI, like `npm run chaos` in npm test.
 */
describe('topology chaos (short)', () => {
  it(
    'keeps every acknowledged order, ends every run exactly, answers clients only 2xx, 503 or 429 with Retry-After',
    async () => {
      const cli = path.resolve(__dirname, '../../dist/bench/chaos/chaos-cli.js');
      const child = spawn(process.execPath, [cli, '--topology', '--short', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      // The human report goes to CI's log either way.
      console.log(
        out
          .split('\n')
          .filter((l) => !l.startsWith('TOPOLOGY_CHAOS_REPORT '))
          .join('\n'),
      );
      const line = out.split('\n').find((l) => l.startsWith('TOPOLOGY_CHAOS_REPORT '));
      if (!line || code !== 0) throw new Error(`topology chaos run failed (exit ${code}):\n${out.slice(-8000)}`);
      const report: TopologyChaosReport = JSON.parse(line.slice('TOPOLOGY_CHAOS_REPORT '.length));
      expect(report.problems).toEqual([]);
      expect(report.ordersPlaced).toBeGreaterThanOrEqual(100);
      expect(report.ordersMissing).toBe(0);
      expect(report.ordersUnanswered).toBe(0);
      expect(report.clientViolations).toBe(0);
      expect(report.failovers).toHaveLength(1);
      expect(report.engineKills).toBeGreaterThan(3);
      expect(report.engineFreezes).toBe(1);
      expect(report.apiKills).toBe(1);
      expect(report.auditVerified).toBe(true);
    },
    20 * 60_000,
  );
});
