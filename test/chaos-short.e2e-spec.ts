import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { ChaosReport } from '../bench/chaos/chaos';

/**
 * The short chaos run inside `npm test` (the full one is `npm run chaos`): 60 raw requests and
 * about 20 orders through the API while a random engine process is SIGKILLed every 1–3 s and restarted, the lab injects
 * 5% transient and 1% permanent errors, and PostgreSQL (a cluster of its own) restarts once.
 * The same code as `npm run chaos`, run as that CLI: it needs a PostgreSQL of its own to restart.
 */
describe('chaos (short)', () => {
  it(
    'ends every run terminal with exact platform state, no duplicates and a verified audit chain',
    async () => {
      const cli = path.resolve(__dirname, '../dist/bench/chaos/chaos-cli.js');
      const child = spawn(process.execPath, [cli, '--requests', '60', '--orders', '20', '--rate', '2', '--engines', '3', '--json'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      const line = out.split('\n').find((l) => l.startsWith('CHAOS_REPORT '));
      if (!line || code !== 0) throw new Error(`chaos run failed (exit ${code}):\n${out.slice(-8000)}`);
      const report: ChaosReport = JSON.parse(line.slice('CHAOS_REPORT '.length));
      expect(report.passed).toBe(true);
      expect(report.problems).toEqual([]);
      expect(report.notTerminal).toBe(0);
      expect(report.runs).toBeGreaterThanOrEqual(60);
      expect(report.completed + report.failed).toBe(report.runs);
      expect(report.duplicates).toBe(0);
      // Orders were placed and followed to their end (customers whose subscription failed stop early).
      expect(report.ordersPlaced).toBeGreaterThan(0);
      expect(report.auditVerified).toBe(true);
      // The storm did blow: engines were killed and PostgreSQL restarted.
      expect(report.engineKills).toBeGreaterThan(5);
      expect(report.databaseRestarts).toBe(1);
    },
    6 * 60_000,
  );
});
