import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../src/common/version';

export const BENCH_DIR = path.join(PROJECT_ROOT, 'bench');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');

export interface Machine {
  cores: number;
  memoryGb: number;
  cpuModel: string;
  /** 1/5/15-minute load averages when the benchmark started, and when it ended. */
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
  node: string;
  platform: string;
  postgres?: string;
  postgresSettings?: Record<string, string>;
}

export function machineInfo(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

export function gitCommit(): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    // Only tracked source changes count (other engineers' untracked scratch files do not).
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'migrations', 'bench'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { commit, dirty: status.trim().length > 0 };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

/** One figure measured against its target. */
export interface TargetCheck {
  /** What is compared, e.g. "steps/s (median)". */
  metric: string;
  value: number;
  unit: string;
  /** Human form of the target, e.g. "≥ 1500". */
  target: string;
  met: boolean;
  /** The baseline figure, for ratio targets. */
  baseline?: { name: string; value: number; unit: string };
  note?: string;
}

export function atLeast(metric: string, value: number, min: number, unit: string, extra: Partial<TargetCheck> = {}): TargetCheck {
  return { metric, value, unit, target: `≥ ${min}${unit === '×' || unit === '%' ? unit : ''}`, met: Number.isFinite(value) && value >= min, ...extra };
}

export function atMost(metric: string, value: number, max: number, unit: string, extra: Partial<TargetCheck> = {}): TargetCheck {
  return {
    metric,
    value,
    unit,
    target: unit === '×' || unit === '%' ? `≤ ${max}${unit}` : `≤ ${max} ${unit}`.trim(),
    met: Number.isFinite(value) && value <= max,
    ...extra,
  };
}

export interface BenchResult {
  name: string;
  description: string;
  date: string;
  commit: string;
  dirty: boolean;
  machine: Machine;
  durationS: number;
  /** How the run was set up: processes, concurrency, settings, workload. */
  setup: Record<string, unknown>;
  repetitions: number;
  /** Raw figures of each repetition. */
  runs: Record<string, unknown>[];
  /** Medians (or pooled percentiles) over the repetitions. */
  summary: Record<string, unknown>;
  checks: TargetCheck[];
  /** Where the time went: pg_stat_statements, CPU profiles, round trips. */
  profile?: Record<string, unknown>;
  notes?: string[];
}

export function writeResult(result: BenchResult, dir = RESULTS_DIR): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.name}.json`);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(result, null, 2) + '\n');
  fs.renameSync(tmp, file);
  return file;
}

export function readResults(): BenchResult[] {
  if (!fs.existsSync(RESULTS_DIR)) return [];
  return fs
    .readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, f), 'utf8')) as BenchResult);
}
