import type { Pool } from 'pg';
import { sealWithPool } from '../../src/audit/audit-sealer';
import { verifyAuditChain } from '../../src/audit/chain-walk';
import { sqlOfPg } from '../../src/database/sql';
import { labDuplicates } from '../../src/provisioning/providers/lab';
import type { ClientAnswer, OrdersWorkloadResult } from './orders-workload';

export { waitForTerminalRuns } from './terminal-runs';

/**
 * What the topology chaos run checks after the storm, on the database the clients left behind
 * (DEPLOYMENT.md "What must hold across a database failover").
 */
export interface TopologyVerdict {
  problems: string[];
  runsByStatus: Record<string, number>;
  /** Orders answered 202 that the database does not hold (an acknowledged order lost). */
  ordersMissing: number;
  /** Orders the database holds that no client was answered for (a keyed retry placed twice). */
  ordersUnanswered: number;
  /** Steps journaled completed twice for one place of one run (executed and recorded twice). */
  stepsRecordedTwice: number;
  /** Runs whose journal has a hole or disagrees with the run's step count (a lost write built on). */
  journalGaps: number;
  duplicates: number;
  takeovers: number;
  auditEvents: number;
  auditVerified: boolean;
}

/**
 * Answers a client may see (DEPLOYMENT.md): 2xx, 503 problem+json with Retry-After, 429 with
 * Retry-After. Anything else (a 500, a 502, a bare 503, a reset connection, a 404 for an order
 * answered 202) breaks the contract.
 */
export function classifyAnswer(a: ClientAnswer): { key: string; allowed: boolean } {
  if (a.status === 0) return { key: `no answer (${a.error})`, allowed: false };
  if (a.status >= 200 && a.status < 300) return { key: `${a.status}`, allowed: true };
  const problem = !!a.contentType?.includes('application/problem+json');
  const withRetry = !!a.retryAfter;
  if ((a.status === 503 || a.status === 429) && problem && withRetry) return { key: `${a.status} ${a.code} Retry-After ${a.retryAfter}`, allowed: true };
  return { key: `${a.status} ${a.code ?? a.contentType ?? ''}${withRetry ? ` Retry-After ${a.retryAfter}` : ' (no Retry-After)'}`, allowed: false };
}

async function count(pool: Pool, text: string, params: unknown[] = []): Promise<number> {
  return Number((await pool.query(text, params)).rows[0].n);
}

export async function verifyTopologyRun(pool: Pool, workload: OrdersWorkloadResult): Promise<TopologyVerdict> {
  const problems: string[] = [];
  const sql = sqlOfPg(pool);
  const placedIds = workload.orders.map((o) => o.id);
  const present = new Set<string>((await pool.query(`SELECT id FROM orders WHERE id = ANY($1::text[])`, [placedIds])).rows.map((r) => r.id));
  const missing = placedIds.filter((id) => !present.has(id));
  for (const id of missing.slice(0, 10)) problems.push(`order ${id} was answered 202 but the database does not hold it`);
  // Every order was sent with an Idempotency-Key and retried with it: an order no client got an
  // answer for is a retry that ordered twice.
  const extra = (await pool.query<{ id: string }>(`SELECT id FROM orders WHERE NOT (id = ANY($1::text[]))`, [placedIds])).rows;
  for (const r of extra.slice(0, 10)) problems.push(`order ${r.id} exists but no client was answered for it (a retried request placed twice?)`);
  for (const o of workload.orders.filter((x) => !x.status)) problems.push(`order ${o.id} (answered 202) never reached a terminal state`);
  problems.push(...(await workload.verify(sql)));

  const runsByStatus: Record<string, number> = {};
  for (const r of (await pool.query(`SELECT status, count(*)::int AS n FROM provisioning_runs GROUP BY status`)).rows) runsByStatus[r.status] = r.n;
  for (const r of (await pool.query(`SELECT id, status, error FROM provisioning_runs WHERE status NOT IN ('completed', 'failed')`)).rows) {
    problems.push(`run ${r.id} ended ${r.status}: ${JSON.stringify(r.error)?.slice(0, 300)}`);
  }
  const twice = await pool.query(`
    SELECT run_id, phase, COALESCE(path, '') || '#' || COALESCE(compensates_seq::text, '') AS place, count(*)::int AS n
      FROM provisioning_steps WHERE status = 'completed'
     GROUP BY run_id, phase, place HAVING count(*) > 1`);
  for (const r of twice.rows.slice(0, 10)) problems.push(`run ${r.run_id}: ${r.phase} step ${r.place} recorded completed ${r.n} times`);
  const gaps = await pool.query(`
    SELECT r.id, r.step_count, count(s.seq)::int AS entries, COALESCE(max(s.seq), 0) AS last
      FROM provisioning_runs r LEFT JOIN provisioning_steps s ON s.run_id = r.id
     GROUP BY r.id, r.step_count
    HAVING count(s.seq) <> COALESCE(max(s.seq), 0) OR COALESCE(max(s.seq), 0) <> r.step_count`);
  for (const r of gaps.rows.slice(0, 10)) problems.push(`run ${r.id}: journal has ${r.entries} entries up to seq ${r.last}, step_count ${r.step_count}`);
  const duplicates = await labDuplicates(sql);
  if (duplicates.length) problems.push(`duplicated platform objects: ${JSON.stringify(duplicates.slice(0, 5))}`);
  await sealWithPool(pool);
  const audit = await verifyAuditChain(sql);
  if (!audit.verified) problems.push(`audit chain broken: ${JSON.stringify(audit.firstBreak)}`);
  return {
    problems,
    runsByStatus,
    ordersMissing: missing.length,
    ordersUnanswered: extra.length,
    stepsRecordedTwice: twice.rows.length,
    journalGaps: gaps.rows.length,
    duplicates: duplicates.length,
    takeovers: await count(pool, `SELECT count(*) AS n FROM audit_events WHERE action = 'run.taken_over'`),
    auditEvents: audit.checkedEvents,
    auditVerified: audit.verified,
  };
}
