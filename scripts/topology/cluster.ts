import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TopologyLayout } from './layout';
import { isAlive } from './processes';

/** A member as Patroni's REST API (`GET /cluster`) reports it. */
export interface ClusterMember {
  name: string;
  /** leader, replica, sync_standby (Patroni 3.0). */
  role: string;
  /** running, streaming, starting, stopped, … */
  state: string;
  timeline?: number;
  lag?: number | string;
}

export interface ClusterState {
  members: ClusterMember[];
  leader?: ClusterMember;
  syncStandby?: ClusterMember;
}

async function getJson<T>(url: string, timeoutMs = 1_000): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return (await res.json()) as T;
}

/** The cluster as the first Patroni that answers sees it (undefined when none answers). */
export async function clusterState(l: TopologyLayout): Promise<ClusterState | undefined> {
  for (const node of l.postgres) {
    try {
      const body = await getJson<{ members?: ClusterMember[] }>(`http://127.0.0.1:${node.restPort}/cluster`);
      const members: ClusterMember[] = (body.members ?? []).map((m) => ({ name: m.name, role: m.role, state: m.state, timeline: m.timeline, lag: m.lag }));
      return {
        members,
        leader: members.find((m) => m.role === 'leader' && m.state === 'running'),
        syncStandby: members.find((m) => m.role === 'sync_standby' && (m.state === 'running' || m.state === 'streaming')),
      };
    } catch {
      /* that node is down; ask the next */
    }
  }
  return undefined;
}

/** True when this node's Patroni says it runs the primary (what HAProxy's check asks). */
export async function isPrimary(l: TopologyLayout, name: string): Promise<boolean> {
  const node = l.postgres.find((p) => p.name === name);
  if (!node) return false;
  try {
    const res = await fetch(`http://127.0.0.1:${node.restPort}/primary`, { signal: AbortSignal.timeout(1_000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** The postmaster of a node, from its data directory (undefined when it is not running). */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return pid > 0 && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/**
 * SIGKILLs a node's PostgreSQL: the postmaster and every backend at once, as a crash of the
 * server would (Patroni, when alive, notices at its next loop). Returns the postmaster's pid.
 */
export function killPostgres(dataDir: string): number | undefined {
  const pid = postmasterPid(dataDir);
  if (!pid) return undefined;
  const victims = [pid, ...childrenOf(pid)];
  for (const p of victims) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  return pid;
}

/** Stops a leftover postmaster (fast shutdown, then SIGKILL): after Patroni itself was killed. */
export async function stopOrphanPostgres(dataDir: string, timeoutMs = 15_000): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (!pid) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) killPostgres(dataDir);
}
