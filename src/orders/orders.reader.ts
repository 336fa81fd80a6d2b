import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemError } from '../common/errors/problem';
import { type Sql, sqlOf } from '../database/sql';
import { type RunProgress, runProgress } from '../provisioning/runs/run-progress';
import { findOrderView, type OrderViewRow } from './orders.store';
import type { OrderView } from './orders.views';
import { iso } from '../common/iso';

/** Orders that stopped short show what their run undid. */
const SHOWS_ROLLBACK = ['failed', 'needs_attention', 'cancelled'];

export function orderView(r: OrderViewRow, run: RunProgress | undefined): OrderView {
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    organizationId: r.organization_id,
    subscriptionId: r.subscription_id ?? null,
    runId: r.run_id,
    placedBy: {
      userId: r.placed_by_user_id,
      organizationId: r.placed_by_org_id,
      delegationId: r.delegation_id ?? null,
      onBehalfOf: r.delegation_id ? r.organization_id : null,
    },
    request: r.body,
    summary: r.summary ?? {},
    progress: { runStatus: run?.status ?? 'unknown', stepsDone: run?.stepsDone ?? 0, stepsTotal: run?.stepsTotal ?? 0, currentStep: run?.currentStep ?? null },
    errorContext: ['failed', 'needs_attention'].includes(r.status) ? (r.error ?? run?.error ?? null) : null,
    rolledBack: SHOWS_ROLLBACK.includes(r.status) ? (run?.rolledBack ?? []) : [],
    resolution: r.resolution ?? null,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    finishedAt: iso(r.finished_at),
    links: {
      self: `/v1/orders/${r.id}`,
      request: `/v1/orders/${r.id}/request`,
      response: `/v1/orders/${r.id}/response`,
      timeline: `/v1/orders/${r.id}/timeline`,
      run: `/v1/provisioning/runs/${r.run_id}`,
    },
  };
}

/** Order rows as views, with their runs' progress read in one statement. */
export async function orderViews(sql: Sql, rows: OrderViewRow[]): Promise<OrderView[]> {
  const progress = await runProgress(
    sql,
    rows.map((r) => r.run_id),
  );
  return rows.map((r) => orderView(r, progress.get(r.run_id)));
}

/** Reads orders with their run's progress (no scope check: callers check access first). */
@Injectable()
export class OrdersReader {
  async view(db: Sql | DataSource, id: string): Promise<OrderView> {
    const sql = db instanceof DataSource ? sqlOf(db) : db;
    const row = await findOrderView(sql, id);
    if (!row) throw new ProblemError('NOT_FOUND', `Order ${id} not found`);
    return (await orderViews(sql, [row]))[0];
  }
}
