import { Client } from 'pg';
import { clusterState } from '../../scripts/topology/cluster';
import type { Topology } from '../../scripts/topology/topology';

/**
 * One database failover of the reference topology, timed from the kill: when Patroni's leader
 * moved, when HAProxy routed the database port to the new primary, when a client's write first
 * succeeded again through HAProxy (the failover time the chaos run reports), and when the old
 * primary was back as the synchronous standby.
 */
export interface FailoverMeasurement {
  kind: 'postgres' | 'node';
  killedNode: string;
  killedAt: number;
  /** Runs the engines held (leased, running) just before the kill. */
  runsHeld?: number;
  promotedNode?: string;
  leaderMovedMs?: number;
  haproxyRoutedMs?: number;
  firstWriteMs?: number;
  /** Kill → the first order sent after the kill that a client got 202 for (filled in by the chaos run). */
  firstOrderMs?: number;
  standbyBackMs?: number;
  /** Why the probe's writes failed meanwhile, message → count. */
  writeErrors: Record<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PROBE_TABLE = 'topology_failover_probe';

/** A write through HAProxy on a new connection, as a client reconnecting would make it. */
async function probeWrite(url: string): Promise<true | string> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 10_000, query_timeout: 10_000, application_name: 'topology-failover-probe' });
  c.on('error', () => undefined);
  try {
    await c.connect();
    await c.query(`INSERT INTO ${PROBE_TABLE} DEFAULT VALUES`);
    return true;
  } catch (e) {
    return (e instanceof Error ? e.message : String(e)).slice(0, 120);
  } finally {
    await c.end().catch(() => undefined);
  }
}

function probeUrl(t: Topology): string {
  const u = new URL(t.endpoints.superuserUrl);
  u.pathname = '/postgres';
  return u.toString();
}

export async function prepareFailoverProbe(t: Topology): Promise<void> {
  const c = new Client({ connectionString: probeUrl(t) });
  await c.connect();
  try {
    await c.query(`CREATE TABLE IF NOT EXISTS ${PROBE_TABLE} (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())`);
  } finally {
    await c.end();
  }
}

/** The server HAProxy's database port goes to now (from its statistics CSV). */
async function haproxyPrimary(t: Topology): Promise<string | undefined> {
  try {
    const csv = await (await fetch(`${t.endpoints.stats};csv`, { signal: AbortSignal.timeout(1_000) })).text();
    const up = csv
      .split('\n')
      .map((l) => l.split(','))
      .filter((f) => f[0] === 'postgres_primary' && f[1].startsWith('pg') && f[17] === 'UP');
    return up.length === 1 ? up[0][1] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Kills the primary (its PostgreSQL, or the whole node: Patroni too, restarted once a write
 * succeeded) and measures until a write succeeds again; `standbyBack` resolves when the old
 * primary is the synchronous standby again (the next failover needs it).
 */
export async function killPrimaryAndMeasure(
  t: Topology,
  kind: 'postgres' | 'node',
  timeoutMs = 180_000,
): Promise<{ m: FailoverMeasurement; standbyBack: Promise<void> }> {
  const url = probeUrl(t);
  const { node, at } = await killPrimary(t, kind);
  const m: FailoverMeasurement = { kind, killedNode: node, killedAt: at, writeErrors: {} };
  const since = () => Date.now() - at;
  const watcher = (async () => {
    while (m.firstWriteMs === undefined && since() < timeoutMs) {
      const [c, routed] = await Promise.all([clusterState(t.layout), haproxyPrimary(t)]);
      if (m.leaderMovedMs === undefined && c?.leader && c.leader.name !== node) {
        m.leaderMovedMs = since();
        m.promotedNode = c.leader.name;
      }
      if (m.haproxyRoutedMs === undefined && routed && routed !== node) m.haproxyRoutedMs = since();
      await sleep(50);
    }
  })();
  // A new probe every 100 ms, each with its own patience: on a loaded machine one connection
  // attempt may take seconds, and a probe waiting for it must not hide a server that is back.
  const inFlight = new Set<Promise<void>>();
  while (m.firstWriteMs === undefined && since() < timeoutMs) {
    if (inFlight.size < 20) {
      const p = probeWrite(url).then((r) => {
        if (r === true) m.firstWriteMs ??= since();
        else {
          const key = `${r} (by ${Math.ceil(since() / 1000)} s)`;
          m.writeErrors[key] = (m.writeErrors[key] ?? 0) + 1;
        }
      });
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    await sleep(100);
  }
  await Promise.all(inFlight);
  await watcher;
  if (kind === 'node') t.restartNode(node);
  const standbyBack = (async () => {
    while (since() < timeoutMs) {
      const c = await clusterState(t.layout);
      if (c?.syncStandby?.name === node) {
        m.standbyBackMs = since();
        return;
      }
      await sleep(200);
    }
  })();
  return { m, standbyBack };
}

async function killPrimary(t: Topology, kind: 'postgres' | 'node'): Promise<{ node: string; at: number }> {
  const at = Date.now();
  const { node } = kind === 'node' ? await t.killPrimaryNode() : await t.killPrimaryPostgres();
  return { node, at };
}

export function formatFailover(m: FailoverMeasurement): string {
  const s = (ms?: number) => (ms === undefined ? 'never' : `${(ms / 1000).toFixed(2)} s`);
  const errors = Object.entries(m.writeErrors)
    .map(([e, n]) => `${n} × "${e}"`)
    .join(', ');
  return (
    `${m.kind === 'node' ? 'node' : 'PostgreSQL'} of ${m.killedNode} SIGKILLed → ${m.promotedNode ?? '?'} promoted: Patroni leader moved ${s(m.leaderMovedMs)}, ` +
    `HAProxy routed ${s(m.haproxyRoutedMs)}, first successful write ${s(m.firstWriteMs)}, first order answered 202 ${s(m.firstOrderMs)} after the kill; ${m.killedNode} back as synchronous standby after ${s(m.standbyBackMs)}` +
    (errors ? `\n      probe write errors meanwhile: ${errors}` : '')
  );
}
