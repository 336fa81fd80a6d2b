import type { Sql } from '../database/sql';
import type { Where } from '../database/where';
import type { RunErrorView } from '../provisioning/runs/runs.views';

/** The SQL of orders (table `orders`); their runs' progress comes from provisioning's run-progress. */

export interface OrderScopeRow {
  id: string;
  organization_id: string;
  organization_path: string;
  run_id: string;
  status: string;
}

/** An order row, as the views show it (with its run's progress from provisioning). */
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
}

const VIEW_COLUMNS = [
  'id',
  'type',
  'status',
  'organization_id',
  'subscription_id',
  'run_id',
  'placed_by_user_id',
  'placed_by_org_id',
  'delegation_id',
  'body',
  'summary',
  'error',
  'resolution',
  'created_at',
  'updated_at',
  'finished_at',
];

const ORDER_SELECT = `SELECT ${VIEW_COLUMNS.map((c) => `o.${c}`).join(', ')} FROM orders o`;

export async function findOrderView(sql: Sql, id: string): Promise<OrderViewRow | undefined> {
  return (await sql.query<OrderViewRow>(`${ORDER_SELECT} WHERE o.id = $1`, [id])).rows[0];
}

/** A page of orders matching `where` (over alias `o`, the tenant scope first), newest first. */
export async function listOrderViews(sql: Sql, where: Where, limit: number): Promise<OrderViewRow[]> {
  return (await sql.query<OrderViewRow>(`${ORDER_SELECT} WHERE ${where.sql} ORDER BY o.created_at DESC, o.id DESC LIMIT ${where.param(limit)}`, where.params))
    .rows;
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

/** Inserts an order; returns it as `findOrderView` would read it. */
export async function insertOrder(sql: Sql, o: NewOrder): Promise<OrderViewRow> {
  const res = await sql.query<OrderViewRow>(
    `INSERT INTO orders (id, organization_id, organization_path, subscription_id, type, status, body, summary, run_id,
                         placed_by_user_id, placed_by_org_id, delegation_id, token_id, request_id)
     VALUES ($1, $2, $3, $4, $5, 'accepted', $6::jsonb, $7::jsonb, $8, $9, $10, $11, $12, $13)
     RETURNING ${VIEW_COLUMNS.join(', ')}`,
    [
      o.id,
      o.organizationId,
      o.organizationPath,
      o.subscriptionId,
      o.type,
      JSON.stringify(o.body),
      JSON.stringify(o.summary),
      o.runId,
      o.placedByUserId,
      o.placedByOrgId,
      o.delegationId,
      o.tokenId,
      o.requestId,
    ],
  );
  return res.rows[0];
}
