import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemError } from '../common/errors/problem';
import { type Sql, sqlOf } from '../database/sql';
import { nextCall } from '../provisioning/runs/runs.service';
import { findOrderView, type OrderViewRow } from './orders.store';
import type { OrderView, RolledBackStep } from './orders.views';

const iso = (d: unknown): string | null => (d === null || d === undefined ? null : new Date(d as string).toISOString());

export function orderView(r: OrderViewRow): OrderView {
  const current = r.run_program && r.run_state ? (nextCall(r.run_program, r.run_state) ?? null) : null;
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
    progress: { runStatus: r.run_status ?? 'unknown', stepsDone: r.steps_done ?? 0, stepsTotal: r.steps_total ?? 0, currentStep: current },
    errorContext: ['failed', 'needs_attention'].includes(r.status) ? (r.error ?? r.run_error ?? null) : null,
    rolledBack: (r.rolled_back ?? []) as RolledBackStep[],
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

/** Reads orders with their run's progress (no scope check: callers check access first). */
@Injectable()
export class OrdersReader {
  async view(db: Sql | DataSource, id: string): Promise<OrderView> {
    const sql = db instanceof DataSource ? sqlOf(db) : db;
    const row = await findOrderView(sql, id);
    if (!row) throw new ProblemError('NOT_FOUND', `Order ${id} not found`);
    return orderView(row);
  }
}
