import type { Sql } from '../database/sql';
import type { Where } from '../database/where';
import type { MachineState, Program } from '../provisioning/language/program';
import type { RunErrorView } from '../provisioning/runs/runs.views';

/**
 * The SQL of orders (table `orders`), and — until provisioning exports run progress and
 * timelines — the reads of their runs that the order views show.
 */
// TODO(r1): run progress, timelines and request/response documents from provisioning's functions.

export interface OrderScopeRow {
  id: string;
  organization_id: string;
  organization_path: string;
  run_id: string;
  status: string;
}

/** An order with the state of its run, as the views show it. */
export interface OrderViewRow {
  id: string;
  type: string;
  status: string;
  organization_id: string;
  subscription_id: string | null;
  run_id: string;
  placed_by_user_id: string;
  placed_by_org_id: string;
  delegation_id: string | null;
  body: Record<string, unknown>;
  summary: Record<string, unknown> | null;
  error: RunErrorView | null;
  resolution: string | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  run_status: string | null;
  run_error: RunErrorView | null;
  steps_total: number | null;
  steps_done: number | null;
  run_program: Program | null;
  run_state: MachineState | null;
  rolled_back: { path: string; namespace: string; procedure: string; status: string }[] | null;
}

/** Columns of one order with the state of its run (`o` orders, `r` runs). */
const ORDER_SELECT = `
  SELECT o.id, o.type, o.status, o.organization_id, o.subscription_id, o.run_id, o.placed_by_user_id, o.placed_by_org_id, o.delegation_id,
         o.body, o.summary, o.error, o.resolution, o.created_at, o.updated_at, o.finished_at,
         r.status AS run_status, r.error AS run_error, (r.program->>'callCount')::int AS steps_total,
         CASE WHEN r.status IN ('queued', 'running', 'parked') THEN r.program END AS run_program,
         CASE WHEN r.status IN ('queued', 'running', 'parked') THEN r.state END AS run_state,
         (SELECT count(*) FROM provisioning_steps s WHERE s.run_id = o.run_id AND s.phase = 'execute' AND s.status = 'completed')::int AS steps_done,
         CASE WHEN o.status IN ('failed', 'needs_attention', 'cancelled') THEN
           (SELECT coalesce(json_agg(json_build_object('path', s.path, 'namespace', s.namespace, 'procedure', s.procedure, 'status', s.status) ORDER BY s.seq), '[]'::json)
              FROM provisioning_steps s WHERE s.run_id = o.run_id AND s.phase = 'rollback')
         END AS rolled_back
    FROM orders o LEFT JOIN provisioning_runs r ON r.id = o.run_id`;

export async function findOrderView(sql: Sql, id: string): Promise<OrderViewRow | undefined> {
  return (await sql.query<OrderViewRow>(`${ORDER_SELECT} WHERE o.id = $1`, [id])).rows[0];
}

/** A page of orders matching `where` (over alias `o`, the tenant scope first), newest first. */
export async function listOrderViews(sql: Sql, where: Where, limit: number): Promise<OrderViewRow[]> {
  return (await sql.query<OrderViewRow>(`${ORDER_SELECT} WHERE ${where.sql} ORDER BY o.created_at DESC, o.id DESC LIMIT ${where.param(limit)}`, where.params)).rows;
}

/** Where an order belongs (for the access check that comes before anything else is read). */
export async function findOrderScope(sql: Sql, id: string): Promise<OrderScopeRow | undefined> {
  return (await sql.query<OrderScopeRow>(`SELECT id, organization_id, organization_path, run_id, status FROM orders WHERE id = $1`, [id])).rows[0];
}

export interface NewOrder {
  id: string;
  organizationId: string;
  organizationPath: string;
  subscriptionId: string;
  type: string;
  body: unknown;
  summary: Record<string, unknown>;
  runId: string;
  placedByUserId: string;
  placedByOrgId: string;
  delegationId: string | null;
  tokenId: string | null;
  requestId: string | null;
}

export async function insertOrder(sql: Sql, o: NewOrder): Promise<void> {
  await sql.query(
    `INSERT INTO orders (id, organization_id, organization_path, subscription_id, type, status, body, summary, run_id,
                         placed_by_user_id, placed_by_org_id, delegation_id, token_id, request_id)
     VALUES ($1, $2, $3, $4, $5, 'accepted', $6::jsonb, $7::jsonb, $8, $9, $10, $11, $12, $13)`,
    [o.id, o.organizationId, o.organizationPath, o.subscriptionId, o.type, JSON.stringify(o.body), JSON.stringify(o.summary), o.runId, o.placedByUserId, o.placedByOrgId, o.delegationId, o.tokenId, o.requestId],
  );
}

/**
 * One order at a time per customer while it is validated against the inventory and the quota.
 * TODO(r2): identity's lockOrganization once it lands.
 */
export async function lockCustomer(sql: Sql, organizationId: string): Promise<void> {
  await sql.query(`SELECT id FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId]);
}

// --- the order's run (until provisioning exports these reads) ---------------------------------

export async function runDocuments(sql: Sql, runId: string): Promise<{ request_xml: string; response_xml: string | null; status: string } | undefined> {
  return (await sql.query<{ request_xml: string; response_xml: string | null; status: string }>(`SELECT request_xml, response_xml, status FROM provisioning_runs WHERE id = $1`, [runId])).rows[0];
}

export async function runSteps(sql: Sql, runId: string): Promise<Record<string, unknown>[]> {
  return (await sql.query<Record<string, unknown>>(`SELECT * FROM provisioning_steps WHERE run_id = $1 ORDER BY seq`, [runId])).rows;
}

export async function lockRunForCancel(sql: Sql, runId: string): Promise<{ status: string; started_at: Date | null } | undefined> {
  return (await sql.query<{ status: string; started_at: Date | null }>(`SELECT status, started_at FROM provisioning_runs WHERE id = $1 FOR UPDATE`, [runId])).rows[0];
}
