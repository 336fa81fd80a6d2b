import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

/**
 * CPU time consumed by processes, from /proc (Linux). On a shared, noisy machine wall-clock
 * throughput moves with everybody else's load; the CPU time a unit of work costs moves much less,
 * so the benchmarks report both: "CPU ms per step" and the capacity it implies on an idle machine
 * (cores × 1000 / CPU ms per step).
 */
let ticksPerSecond: number | undefined;
function hz(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

interface Stat {
  ppid: number;
  /** utime + stime, ms. */
  own: number;
  /** cutime + cstime (children that exited and were reaped), ms. */
  children: number;
}

function readStat(pid: number): Stat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command may contain spaces and parentheses: fields start after the last ')'.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ms = (i: number) => (Number(f[i]) / hz()) * 1000;
    return { ppid: Number(f[1]), own: ms(11) + ms(12), children: ms(13) + ms(14) };
  } catch {
    return undefined;
  }
}

/** CPU ms a process has used so far (0 when it is gone). */
export function processCpuMs(pid: number): number {
  return readStat(pid)?.own ?? 0;
}

/**
 * CPU ms of a PostgreSQL server so far: the postmaster, its live children (backends, walwriter,
 * checkpointer, autovacuum…) and the children that already exited (the postmaster reaped them,
 * so they are in its cutime/cstime).
 */
export function postgresCpuMs(postmasterPid: number): number {
  const pm = readStat(postmasterPid);
  if (!pm) return 0;
  let total = pm.own + pm.children;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = readStat(Number(entry));
    if (s && s.ppid === postmasterPid) total += s.own;
  }
  return total;
}

export interface CpuGroups {
  [group: string]: number[];
}

/** CPU ms per group (pids summed) plus `postgres`; take one before and one after a phase. */
export function cpuSnapshot(postmasterPid: number, groups: CpuGroups): Record<string, number> {
  const out: Record<string, number> = { postgres: postgresCpuMs(postmasterPid) };
  for (const [name, pids] of Object.entries(groups)) out[name] = pids.reduce((a, pid) => a + processCpuMs(pid), 0);
  return out;
}

/** after − before per group, and the total. */
export function cpuDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  let total = 0;
  for (const k of Object.keys(after)) {
    const d = Math.max(0, Math.round(after[k] - (before[k] ?? 0)));
    out[k] = d;
    total += d;
  }
  out.total = total;
  return out;
}
